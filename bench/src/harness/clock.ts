/** Milliseconds from a monotonic clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `fn` once and returns how long it took in milliseconds. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const start = nowMs();
  await fn();
  return nowMs() - start;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage when Node runs with --expose-gc, so one contender's garbage is not billed to the next. */
export function collectGarbage(): void {
  gc?.();
}
