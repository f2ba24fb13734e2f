import { type OpenStoreOptions, openStore } from '../store.js';
import type { ProcessingTally, WorkOptions } from './processor.js';

/** A running worker. */
export interface StoreWorker {
  /** The id its rows are claimed under. */
  readonly workerId: string;
  /** Finishes the row in hand, stops, closes the database; resolves with what it did. */
  stop(): Promise<ProcessingTally>;
}

/**
 * Starts a worker process's loop: opens the store (receiving nothing), claims due inbox rows with
 * `FOR UPDATE SKIP LOCKED` under a lease, processes them, and polls when idle. Several workers (in several
 * processes) can share one PostgreSQL server.
 */
export async function createWorker(
  options: OpenStoreOptions & Omit<WorkOptions, 'signal'>,
): Promise<StoreWorker> {
  const store = await openStore({ ...options, processing: 'workers' });
  const controller = new AbortController();
  const loop = store.work({
    signal: controller.signal,
    batchSize: options.batchSize,
    pollMs: options.pollMs,
  });
  return {
    workerId: store.workerId,
    async stop() {
      controller.abort();
      const tally = await loop;
      await store.close();
      return tally;
    },
  };
}
