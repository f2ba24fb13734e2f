/**
 * A real `fetch` that adds an `x-sandbox-fault` header to each attempt and counts attempts. Nothing is
 * stubbed: every request still goes over HTTP to the sandbox.
 */
export function faultingFetch(faultFor: (attempt: number) => string | undefined): {
  fetch: typeof fetch;
  attempts: () => number;
} {
  let attempts = 0;
  const wrapped: typeof fetch = (input, init) => {
    const fault = faultFor(attempts++);
    const headers = new Headers(init?.headers);
    if (fault) headers.set('x-sandbox-fault', fault);
    return fetch(input, { ...init, headers });
  };
  return { fetch: wrapped, attempts: () => attempts };
}

/** Collects unhandled rejections while `run` runs; returns them. */
export async function unhandledRejectionsDuring(run: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  process.on('unhandledRejection', listener);
  try {
    await run();
    // Late rejections of abandoned attempts surface on later ticks.
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('unhandledRejection', listener);
  }
  return seen;
}
