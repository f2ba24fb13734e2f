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
  const group = new TaskGroup(outer);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await run(group, task, index);
    }
  };
  const workers: Promise<void>[] = [];
  for (let i = 0; i < Math.min(limit, count); i++) workers.push(worker());
  try {
    await Promise.all(workers);
  } catch (error) {
    group.abort();
    // Siblings reject once aborted; wait so no request outlives the call.
    await Promise.allSettled(workers);
    throw error;
  } finally {
    group.release();
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
  const group = new TaskGroup(outer);
  const pending: Promise<R>[] = [];
  let started = 0;
  const startNext = () => {
    const promise = run(group, task, started++);
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
    group.abort();
    group.release();
  }
}

/**
 * One abort switch for a group of tasks. Each task gets its own signal (so no signal collects more
 * listeners than one request adds), all aborted together by `abort()` or by the caller's signal.
 */
class TaskGroup {
  readonly #outer: AbortSignal | undefined;
  readonly #live = new Set<AbortController>();
  readonly #forward = () => this.abort();
  #aborted = false;

  constructor(outer: AbortSignal | undefined) {
    this.#outer = outer;
    if (outer?.aborted) this.#aborted = true;
    else outer?.addEventListener('abort', this.#forward, { once: true });
  }

  /** A signal for one task; call the returned `done` when the task settles. */
  signal(): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    if (this.#aborted) controller.abort(this.#outer?.reason);
    this.#live.add(controller);
    return { signal: controller.signal, done: () => this.#live.delete(controller) };
  }

  abort(): void {
    this.#aborted = true;
    for (const controller of this.#live) controller.abort(this.#outer?.reason);
    this.#live.clear();
  }

  release(): void {
    this.#outer?.removeEventListener('abort', this.#forward);
  }
}

function run<R>(group: TaskGroup, task: (index: number, signal: AbortSignal) => Promise<R>, index: number) {
  const { signal, done } = group.signal();
  return task(index, signal).finally(done);
}
