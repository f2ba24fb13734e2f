/**
 * Runs `task` over `count` items with at most `limit` in flight, resolving to the results in item order.
 * The first failure aborts the siblings still running (through the signal each task gets) and rejects.
 */
export async function mapInOrder<R>(
  count: number,
  limit: number,
  task: (index: number, signal: AbortSignal) => Promise<R>,
  outer?: AbortSignal,
): Promise<R[]> {
  const results = new Array<R>(count);
  const controller = linkedController(outer);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index, controller.signal);
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.min(limit, count); i++) workers.push(worker());
  try {
    await Promise.all(workers);
  } catch (error) {
    controller.abort();
    // Siblings reject once aborted; wait so no request outlives the call.
    await Promise.allSettled(workers);
    throw error;
  } finally {
    controller.release();
  }
  return results;
}

/**
 * Yields `task` results in item order while keeping up to `limit` tasks running ahead.
 * Stopping early (break / return) aborts the tasks still running.
 */
export async function* streamInOrder<R>(
  count: number,
  limit: number,
  task: (index: number, signal: AbortSignal) => Promise<R>,
  outer?: AbortSignal,
): AsyncGenerator<R, void, undefined> {
  const controller = linkedController(outer);
  const pending: Promise<R>[] = [];
  let started = 0;
  const startNext = () => {
    const promise = task(started++, controller.signal);
    // Marked handled: a prefetched failure surfaces when its turn comes, or never if the caller stops first.
    promise.catch(() => {});
    pending.push(promise);
  };
  try {
    while (started < Math.min(limit, count)) startNext();
    for (let i = 0; i < count; i++) {
      const result = await (pending.shift() as Promise<R>);
      if (started < count) startNext();
      yield result;
    }
  } finally {
    controller.abort();
    controller.release();
  }
}

function linkedController(outer: AbortSignal | undefined): AbortController & { release(): void } {
  const controller = new AbortController() as AbortController & { release(): void };
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) controller.abort(outer.reason);
  else outer?.addEventListener('abort', forward, { once: true });
  controller.release = () => outer?.removeEventListener('abort', forward);
  return controller;
}
