import type { Database } from '../db/database.js';
import { answer, type StoreAnswer } from './answer.js';

/** How long Terra should wait before retrying a delivery refused for a full inbox, in seconds. */
export const INBOX_FULL_RETRY_AFTER_SECONDS = 30;

/**
 * The inbox's waiting rows as a receiver sees them: counted at most once per `refreshMs` and never past
 * `maxDepth` (the count stops at the limit), so a busy endpoint pays one bounded query per interval, not one
 * per request.
 */
export class InboxDepthGauge {
  readonly #db: Database;
  readonly #maxDepth: number;
  readonly #refreshMs: number;
  #depth: number | undefined;
  #countedAt = 0;
  #counting: Promise<void> | undefined;

  /**
   * @param db - the store's database.
   * @param maxDepth - waiting rows at which deliveries are refused.
   * @param refreshMs - the longest a count is reused.
   */
  constructor(db: Database, maxDepth: number, refreshMs: number) {
    this.#db = db;
    this.#maxDepth = maxDepth;
    this.#refreshMs = refreshMs;
  }

  /**
   * True when the inbox holds `maxDepth` waiting rows or more. A count older than `refreshMs` is redone first
   * (one query shared by every request arriving meanwhile), so the answer turns as soon as the workers catch up.
   */
  async full(): Promise<boolean> {
    if (Date.now() - this.#countedAt >= this.#refreshMs) {
      this.#counting ??= this.#count().finally(() => {
        this.#counting = undefined;
      });
      await this.#counting;
    }
    return (this.#depth ?? 0) >= this.#maxDepth;
  }

  async #count(): Promise<void> {
    try {
      const [row] = await this.#db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (
           SELECT 1 FROM terra_inbox WHERE status IN ('pending', 'retry') LIMIT $1) AS waiting`,
        [this.#maxDepth],
      );
      this.#depth = Number(row?.n ?? 0);
    } catch {
      // The database is away: the insert will say so (503); keep the last count.
    } finally {
      this.#countedAt = Date.now();
    }
  }
}

/** Checks and builds the gauge of a handler's `maxInboxDepth` option (none when the option is unset). */
export function depthGauge(
  db: Database,
  maxInboxDepth: number | undefined,
  refreshMs: number | undefined,
): InboxDepthGauge | undefined {
  if (maxInboxDepth === undefined) return undefined;
  if (!Number.isSafeInteger(maxInboxDepth) || maxInboxDepth < 1) {
    throw new RangeError(
      `maxInboxDepth must be a whole number of inbox rows, 1 or more (e.g. 100000); got ${String(maxInboxDepth)}`,
    );
  }
  const every = refreshMs ?? 1000;
  if (!Number.isFinite(every) || every < 0) {
    throw new RangeError(`inboxDepthRefreshMs must be 0 or more milliseconds; got ${String(refreshMs)}`);
  }
  return new InboxDepthGauge(db, maxInboxDepth, every);
}

/** The 503 of a full inbox, or `undefined` when there is room (or no limit). */
export async function refuseWhenFull(gauge: InboxDepthGauge | undefined): Promise<StoreAnswer | undefined> {
  if (!gauge || !(await gauge.full())) return undefined;
  return answer(
    503,
    {
      error: 'inbox_full',
      message: 'The store has more unprocessed deliveries than maxInboxDepth allows; retry later.',
    },
    { 'retry-after': String(INBOX_FULL_RETRY_AFTER_SECONDS) },
  );
}
