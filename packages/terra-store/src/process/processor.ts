import type { Database } from '../db/database.js';
import type { InboxRow } from '../inbox/inbox-row.js';
import { claimDue, releaseClaims } from './claim.js';
import { processReceived, type ReceivedRow } from './process-received.js';
import { processClaimed, type RowResult } from './process-row.js';
import type { ResolvedProcessing } from './processing-options.js';
import { WakeUps } from './wake-ups.js';

/** Most rows one inline batch claims and applies in one transaction. */
const BATCH_ROWS = 64;
/** Most body characters queued rows keep in memory; beyond it a queued row is read back from the inbox. */
const KEPT_CHARS = 32 * 1024 * 1024;

/** Options of {@link Processor.work}. */
export interface WorkOptions {
  /** Stops the loop (after the row in hand). */
  signal?: AbortSignal;
  /** Rows claimed at once (default 16). */
  batchSize?: number;
  /**
   * How long to wait when nothing is due, in ms (default 500). On a server an insert into the inbox wakes the
   * loop at once (`LISTEN terra_inbox`); the poll is the fallback.
   */
  pollMs?: number;
  /** Called with an error that stopped a round (the database went away); the loop waits a poll and goes on. */
  onError?: (error: unknown) => void;
}

/** What a drain or a work loop did. */
export interface ProcessingTally {
  processed: number;
  retried: number;
  dead: number;
}

function tally(results: readonly RowResult[]): ProcessingTally {
  return {
    processed: results.filter((r) => r === 'processed').length,
    retried: results.filter((r) => r === 'retry').length,
    dead: results.filter((r) => r === 'dead').length,
  };
}

/** Runs inbox rows through processing: one right after it was received, every due row, or in a loop. */
export class Processor {
  readonly #db: Database;
  readonly #options: ResolvedProcessing;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #queue: ReceivedRow[] = [];
  /** Body characters the queue holds in memory (beyond {@link KEPT_CHARS} rows are read back instead). */
  #keptChars = 0;
  #running = 0;
  /** The id this process claims rows under. */
  readonly workerId: string;

  /**
   * @param db - the store's database.
   * @param options - retries, lease, S3 download.
   * @param workerId - written to `claimed_by`.
   */
  constructor(db: Database, options: ResolvedProcessing, workerId: string) {
    this.#db = db;
    this.#options = options;
    this.workerId = workerId;
  }

  /**
   * Processes one freshly received row in the background (errors are kept on the row, never thrown). Rows
   * queue up and are taken in batches: the rows received while a batch was being processed are claimed
   * together and applied in one transaction. A batch or two run at once (one on PGlite, whose single
   * connection the receiver shares), so a burst of deliveries never makes an acknowledgement wait behind the
   * whole backlog.
   *
   * @param row - the committed delivery, when the receiver has it (saves reading it back).
   */
  schedule(id: number, row?: InboxRow): void {
    const keep = row !== undefined && this.#keptChars + row.text.length <= KEPT_CHARS;
    if (keep) this.#keptChars += row.text.length;
    this.#queue.push({ id, row: keep ? row : undefined });
    this.#pump();
  }

  #pump(): void {
    const limit = this.#db.engine === 'pglite' ? 1 : 2;
    while (this.#running < limit && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, BATCH_ROWS);
      for (const { row } of batch) if (row) this.#keptChars -= row.text.length;
      this.#running += 1;
      const run = processReceived(this.#db, batch, this.workerId, this.#options)
        .catch(() => undefined)
        .finally(() => {
          this.#running -= 1;
          this.#pump();
        });
      this.#track(run);
    }
  }

  /** Drains every due row in the background (errors are kept on the rows). */
  scheduleDrain(): void {
    this.#track(this.drain().catch(() => undefined));
  }

  #track(run: Promise<unknown>): void {
    this.#inFlight.add(run);
    void run.finally(() => this.#inFlight.delete(run));
  }

  /** Whether nothing is queued or running here now (no row received by this process waits). */
  isIdle(): boolean {
    return this.#queue.length === 0 && this.#inFlight.size === 0;
  }

  /** Resolves when every scheduled row has been handled. */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  /**
   * Processes every row due now (and any that become due while it runs), then returns. When `signal` aborts,
   * the row in hand is finished and the other claimed rows are released at once (lease cleared, attempt not
   * counted), so another worker takes them without waiting for the lease.
   */
  async drain(batchSize = 16, signal?: AbortSignal): Promise<ProcessingTally> {
    const results: RowResult[] = [];
    while (!signal?.aborted) {
      const rows = await claimDue(this.#db, this.workerId, this.#options.leaseMs, batchSize);
      if (rows.length === 0) break;
      if (signal?.aborted) {
        await releaseClaims(this.#db, rows, this.workerId);
        break;
      }
      // The claimed rows are applied together in one transaction (each alone if that fails).
      results.push(...(await processClaimed(this.#db, rows, this.workerId, this.#options)));
    }
    return tally(results);
  }

  /**
   * Claims and processes due rows until `signal` aborts: woken by inbox inserts on a server, polling
   * otherwise. A round that fails (the database restarting) is reported to `onError` and retried after a poll;
   * rows it held come back when their lease ends.
   */
  async work(options: WorkOptions = {}): Promise<ProcessingTally> {
    const total: ProcessingTally = { processed: 0, retried: 0, dead: 0 };
    const pollMs = options.pollMs ?? 500;
    const wakeUps = new WakeUps(this.#db);
    await wakeUps.start(options.onError);
    try {
      while (!options.signal?.aborted) {
        let done: ProcessingTally;
        try {
          done = await this.drain(options.batchSize ?? 16, options.signal);
        } catch (error) {
          options.onError?.(error);
          done = { processed: 0, retried: 0, dead: 0 };
        }
        total.processed += done.processed;
        total.retried += done.retried;
        total.dead += done.dead;
        if (done.processed + done.retried + done.dead === 0) await wakeUps.wait(pollMs, options.signal);
      }
    } finally {
      await wakeUps.stop();
    }
    return total;
  }
}
