/** Runs `task` `count` times with at most `inFlight` running at once; rejects on the first failure. */
export async function runPool(
  count: number,
  inFlight: number,
  task: (i: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      await task(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
}

/** Runs `task` `count` times, one after another. */
export async function runSequential(count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i++) await task(i);
}
