import type { Database } from '../db/database.js';
import { type InboxRow, readInboxRows } from '../inbox/inbox-row.js';
import { applyRows, type LockRows } from './apply-rows.js';
import type { ClaimedRow } from './claim.js';
import { type PreparedRow, prepareRow } from './prepare-row.js';
import { type ResolvedProcessing, retryDelayMs } from './processing-options.js';

/** How processing one claimed row ended. */
export type RowResult = 'processed' | 'retry' | 'dead' | 'lost_lease';

const idArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

/**
 * Locks the claimed rows still ours: claimed by this worker and by no one since (the attempt count is the
 * claim's token).
 */
function claimedLock(claimed: readonly ClaimedRow[], workerId: string): LockRows {
  const token = new Map(claimed.map((c) => [c.id, c.attempts]));
  return async (tx, ids) => {
    const rows = await tx.query<{ id: number | string; attempts: number }>(
      `SELECT id, attempts FROM terra_inbox WHERE id = ANY($1::text::bigint[]) AND claimed_by = $2 AND status IN ('pending', 'retry')
       ORDER BY id FOR UPDATE`,
      [idArray(ids), workerId],
    );
    return new Set(
      rows.filter((r) => token.get(Number(r.id)) === Number(r.attempts)).map((r) => Number(r.id)),
    );
  };
}

/** Applies one row in its own transaction; a failure is recorded on the row. */
async function applyOne(
  db: Database,
  row: PreparedRow,
  claimed: ClaimedRow,
  workerId: string,
  options: ResolvedProcessing,
): Promise<RowResult> {
  try {
    const mine = await applyRows(db, [row], claimedLock([claimed], workerId), options);
    if (!mine.has(row.id)) return 'lost_lease';
    await options.onStage?.('processed', row.id);
    return 'processed';
  } catch (error) {
    return recordFailure(db, claimed, workerId, options, error);
  }
}

/**
 * Processes claimed rows: reads those not given (`kept` holds rows the receiver just committed), parses
 * them and downloads `s3_payload` bodies, then applies them all in ONE transaction. When that transaction
 * fails, each row is applied again in a transaction of its own, so one bad row fails alone: its failure is
 * recorded with a retry time, or as a dead letter after `maxAttempts`.
 *
 * @returns one result per claimed row, in the order given.
 */
export async function processClaimed(
  db: Database,
  claimed: readonly ClaimedRow[],
  workerId: string,
  options: ResolvedProcessing,
  kept: ReadonlyMap<number, InboxRow> = new Map(),
): Promise<RowResult[]> {
  const results = new Map<number, RowResult>();
  const missing = claimed.filter((c) => !kept.has(c.id)).map((c) => c.id);
  let read: Map<number, InboxRow> = new Map();
  let readError: unknown;
  if (missing.length > 0) {
    try {
      read = await readInboxRows(db, missing);
    } catch (error) {
      readError = error;
    }
  }
  const prepared: PreparedRow[] = [];
  for (const c of claimed) {
    try {
      await options.onStage?.('claimed', c.id);
      if (readError !== undefined && !kept.has(c.id)) throw readError;
      const row = kept.get(c.id) ?? read.get(c.id);
      if (!row) {
        results.set(c.id, 'lost_lease');
        continue;
      }
      prepared.push(await prepareRow(row, options));
    } catch (error) {
      results.set(c.id, await recordFailure(db, c, workerId, options, error));
    }
  }
  const claimOf = new Map(claimed.map((c) => [c.id, c]));
  const alone = async (row: PreparedRow) =>
    applyOne(db, row, claimOf.get(row.id) as ClaimedRow, workerId, options);
  if (prepared.length === 1) {
    const only = prepared[0] as PreparedRow;
    results.set(only.id, await alone(only));
  } else if (prepared.length > 1) {
    let mine: Set<number> | undefined;
    try {
      mine = await applyRows(db, prepared, claimedLock(claimed, workerId), options);
    } catch {
      // One row (or a lock conflict) failed the batch: apply each alone, so only a bad row fails.
      for (const row of prepared) results.set(row.id, await alone(row));
    }
    if (mine) {
      for (const row of prepared) {
        const id = row.id;
        if (!mine.has(id)) {
          results.set(id, 'lost_lease');
          continue;
        }
        await options.onStage?.('processed', id);
        results.set(id, 'processed');
      }
    }
  }
  return claimed.map((c) => results.get(c.id) ?? 'lost_lease');
}

/**
 * Processes one claimed row: reads it, downloads an `s3_payload` first (outside any transaction), then in
 * ONE transaction re-checks that the row is still ours, applies the payload and marks the row processed. A
 * failure is recorded on the row with a retry time, or as a dead letter after `maxAttempts`.
 */
export async function processRow(
  db: Database,
  claimed: ClaimedRow,
  workerId: string,
  options: ResolvedProcessing,
): Promise<RowResult> {
  const [result] = await processClaimed(db, [claimed], workerId, options);
  return result ?? 'lost_lease';
}

async function recordFailure(
  db: Database,
  claimed: ClaimedRow,
  workerId: string,
  options: ResolvedProcessing,
  error: unknown,
): Promise<RowResult> {
  const dead = claimed.attempts >= options.maxAttempts;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const delay = dead ? 0 : retryDelayMs(options, claimed.attempts);
  const rows = await db.query(
    `UPDATE terra_inbox SET status = $3, last_error = $4,
       next_attempt_at = now() + make_interval(secs => $5::float8 / 1000), claimed_by = NULL, lease_until = NULL
     WHERE id = $1 AND claimed_by = $2 AND attempts = $6 RETURNING id`,
    [claimed.id, workerId, dead ? 'dead' : 'retry', message.slice(0, 4000), delay, claimed.attempts],
  );
  if (rows.length === 0) return 'lost_lease';
  return dead ? 'dead' : 'retry';
}
