import type { Database, Queryable } from '../db/database.js';
import { isStoredDataType } from '../keys/data-types.js';
import { BatchedUpserts } from '../upsert/batched-upserts.js';
import type { UpsertBatch, UpsertCounts } from '../upsert/upsert-records.js';
import { applyPayload } from './apply-payload.js';
import { FinalWrites } from './final-writes.js';
import type { PreparedRow } from './prepare-row.js';
import type { ResolvedProcessing } from './processing-options.js';

/** Locks, inside the transaction, the rows among `ids` this worker may apply, and returns their ids. */
export type LockRows = (tx: Queryable, ids: readonly number[]) => Promise<Set<number>>;

/** Waits for every payload in hand (so none is left running), then throws the first failure. */
async function settle(pending: Promise<void>[]): Promise<void> {
  const settled = await Promise.allSettled(pending.splice(0));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Applies prepared rows in ONE transaction: `lock` takes the rows that are ours, their payloads are applied
 * in the order given, and the shared user and chunk rows and the processed marks are written last, in one
 * statement.
 *
 * @returns the ids applied (a row another worker holds is left out).
 */
export function applyRows(
  db: Database,
  rows: readonly PreparedRow[],
  lock: LockRows,
  options: ResolvedProcessing,
): Promise<Set<number>> {
  return db.transaction((tx) => applyRowsIn(tx, rows, lock, options));
}

/** {@link applyRows} inside the caller's transaction (which commits or rolls back all of it). */
export async function applyRowsIn(
  tx: Queryable,
  rows: readonly PreparedRow[],
  lock: LockRows,
  options: ResolvedProcessing,
): Promise<Set<number>> {
  const mine = await lock(
    tx,
    rows.map((r) => r.id),
  );
  const final = new FinalWrites();
  const outcomes: Array<{ id: number; outcome: string }> = [];
  // Consecutive data payloads are stored together: each type's records in one statement for all of them.
  const upserts = new BatchedUpserts();
  const waiting: Promise<void>[] = [];
  const storeWaiting = async () => {
    if (waiting.length === 0) return;
    const [flushed] = await Promise.allSettled([upserts.flush(tx)]);
    await settle(waiting);
    if (flushed?.status === 'rejected') throw flushed.reason;
  };
  for (const row of rows) {
    const id = row.id;
    if (!mine.has(id)) continue;
    const slot = outcomes.push({ id, outcome: '' }) - 1;
    const apply = async (upsert?: (batch: UpsertBatch) => Promise<UpsertCounts>) => {
      outcomes[slot] = { id, outcome: await applyPayload(tx, row.json, row.text, row.ctx, final, upsert) };
    };
    if (isStoredDataType(row.json.type)) {
      const applying = apply((batch) => upserts.upsert(batch));
      // Its failure is read by `settle`; until then it must not count as an unhandled rejection.
      applying.catch(() => undefined);
      waiting.push(applying);
    } else {
      await storeWaiting();
      await apply();
    }
  }
  await storeWaiting();
  await final.write(tx, outcomes);
  for (const { id } of outcomes) await options.onStage?.('applied', id);
  return mine;
}
