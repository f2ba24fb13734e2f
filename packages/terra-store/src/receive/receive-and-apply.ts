import type { Database } from '../db/database.js';
import { type InboxDelivery, type InboxInsert, insertDeliveries } from '../inbox/insert-delivery.js';
import { applyRowsIn } from '../process/apply-rows.js';
import { webhookContextOf } from '../process/delivery-context.js';
import type { PreparedRow } from '../process/prepare-row.js';
import type { ResolvedProcessing } from '../process/processing-options.js';
import { applicable, applyOnReceipt } from './apply-on-receipt.js';

/** A verified delivery waiting to be written, with its parsed payload. */
export interface ReceivedDelivery {
  readonly delivery: InboxDelivery;
  readonly json: Record<string, unknown>;
}

/**
 * Writes deliveries that arrived together to the inbox and applies the data deliveries among them in the
 * SAME transaction, so one commit both keeps and stores them all. One delivery alone takes the one-statement
 * path (`applyOnReceipt`). Several: the inbox insert, one upsert statement per data type for all of them (the
 * batch statements processing uses, with its rules) and the final statement that counts chunks, touches
 * users and marks the rows processed, then COMMIT. Deliveries this path cannot apply (events, `s3_payload`,
 * large bodies) are only written; their results say so and processing takes them after the commit.
 *
 * @returns one result per delivery (in order), or `undefined` when none of them can be applied here (the
 *   caller writes them the ordinary way). Throws when the transaction fails: nothing of it committed.
 */
export async function receiveAndApply(
  db: Database,
  group: readonly ReceivedDelivery[],
  options: ResolvedProcessing,
): Promise<InboxInsert[] | undefined> {
  const ready = group.map((g) => applicable(g.delivery, g.json));
  if (!ready.some((r) => r !== undefined)) return undefined;
  if (group.length === 1) {
    const only = group[0] as ReceivedDelivery;
    const result = await applyOnReceipt(db, only.delivery, only.json);
    return result ? [result] : undefined;
  }
  return db.transaction(async (tx) => {
    const inserted = await insertDeliveries(
      tx,
      group.map((g) => g.delivery),
    );
    const prepared: PreparedRow[] = [];
    inserted.forEach((result, i) => {
      const row = result.row;
      if (result.duplicate || !row || !ready[i]) return;
      prepared.push({
        id: row.id,
        json: (group[i] as ReceivedDelivery).json,
        text: row.text,
        ctx: webhookContextOf(row),
      });
    });
    if (prepared.length === 0) return inserted;
    // The rows were inserted by this transaction: no one else can see them, so all are ours.
    const applied = await applyRowsIn(tx, prepared, async (_tx, ids) => new Set(ids), options);
    return inserted.map((result) => (applied.has(result.id) ? { ...result, applied: true } : result));
  });
}
