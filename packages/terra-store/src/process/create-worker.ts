import { type OpenStoreOptions, openStore } from '../store.js';
import type { ProcessingTally, WorkOptions } from './processor.js';

/** Options of {@link createWorker}: where the store is, how rows are processed, and the loop's pace. */
export type StoreWorkerOptions = OpenStoreOptions & Omit<WorkOptions, 'signal'>;

/** A running worker. */
export interface StoreWorker {
  /** The id its rows are claimed under. */
  readonly workerId: string;
  /**
   * Finishes the row in hand, gives back the other rows it claimed (lease cleared), stops, closes the
   * database; resolves with what it did.
   */
  stop(): Promise<ProcessingTally>;
}

/**
 * Starts a worker process's loop: opens the store (receiving nothing), claims due inbox rows with
 * `FOR UPDATE SKIP LOCKED` under a lease, processes them, and waits when idle: woken by the inbox's
 * `NOTIFY` on a server, polling on PGlite. Any number of workers (in any number of processes) can share one
 * PostgreSQL server; a worker that dies loses its rows to the others when their lease ends, and a worker
 * whose lease ended cannot commit (the claim is checked in the commit's own transaction). On a server the
 * session settings end a transaction left idle longer than the lease, so a frozen worker releases its locks.
 *
 * @example
 * ```ts
 * const worker = await createWorker({ database: process.env.DATABASE_URL });
 * process.once('SIGTERM', () => void worker.stop().then(() => process.exit(0)));
 * ```
 */
export async function createWorker(options: StoreWorkerOptions): Promise<StoreWorker> {
  const store = await openStore({
    ...options,
    idleInTransactionTimeoutMs: options.idleInTransactionTimeoutMs ?? options.leaseMs ?? 60_000,
    processing: 'workers',
  });
  const controller = new AbortController();
  const loop = store.work({
    signal: controller.signal,
    batchSize: options.batchSize,
    pollMs: options.pollMs,
    onError: options.onError,
  });
  let stopping: Promise<ProcessingTally> | undefined;
  return {
    workerId: store.workerId,
    stop() {
      stopping ??= (async () => {
        controller.abort();
        const tally = await loop;
        await store.close();
        return tally;
      })();
      return stopping;
    },
  };
}
