import type { Queryable } from '../db/database.js';
import type { StoredDataType } from '../keys/data-types.js';
import { batchUpsertSql } from './batch-upsert-sql.js';
import { type UpsertBatch, type UpsertCounts, upsertRecords } from './upsert-records.js';

interface Pending {
  readonly batch: UpsertBatch;
  readonly resolve: (counts: UpsertCounts) => void;
  readonly reject: (error: unknown) => void;
}

type Row = {
  d: number;
  collisions: number;
  incoming: number;
  unkeyed: number;
  inserted: number;
  updated: number;
};

/**
 * Collects the upserts of several deliveries in one transaction and stores each type's in ONE statement
 * (`batchUpsertSql`) when {@link flush} runs: one statement for a batch of deliveries instead of one each.
 * When deliveries of the batch share a natural key, that type's deliveries are stored one statement each, in
 * the order given, so the revision rules see them in order. Each caller's promise resolves with its own
 * delivery's counts.
 */
export class BatchedUpserts {
  readonly #pending: Pending[] = [];

  /** Queues one delivery's records (resolves at the next {@link flush}). */
  upsert(batch: UpsertBatch): Promise<UpsertCounts> {
    return new Promise((resolve, reject) => this.#pending.push({ batch, resolve, reject }));
  }

  /** Stores everything queued; rejects (after settling every caller) when a statement fails. */
  async flush(tx: Queryable): Promise<void> {
    const pending = this.#pending.splice(0);
    const byType = new Map<StoredDataType, Pending[]>();
    for (const p of pending) byType.set(p.batch.type, [...(byType.get(p.batch.type) ?? []), p]);
    try {
      for (const [type, group] of byType) await storeGroup(tx, type, group);
    } catch (error) {
      for (const p of pending) p.reject(error);
      throw error;
    }
  }
}

async function storeGroup(tx: Queryable, type: StoredDataType, group: readonly Pending[]): Promise<void> {
  if (group.length > 1 && group.every((p) => p.batch.inboxId !== undefined)) {
    // The payloads go in as they came (JSON text), wrapped without parsing them again.
    const items = group.map(
      ({ batch: b }, d) =>
        `{"d":${d},"u":${JSON.stringify(b.userId)},"pv":${JSON.stringify(b.provider ?? null)},"ts":${b.orderingTs},"i":${b.inboxId},"s":${JSON.stringify(b.source)},"p":${b.payloadJson}}`,
    );
    const rows = await tx.query<Row>(batchUpsertSql(type), [`[${items.join(',')}]`]);
    if (Number(rows[0]?.collisions ?? 0) === 0) {
      for (const row of rows) {
        const received = Number(row.incoming);
        const unkeyed = Number(row.unkeyed);
        const inserted = Number(row.inserted);
        const updated = Number(row.updated);
        group[Number(row.d)]?.resolve({
          received,
          inserted,
          updated,
          unchanged: received - unkeyed - inserted - updated,
          unkeyed,
        });
      }
      return;
    }
  }
  for (const p of group) p.resolve(await upsertRecords(tx, p.batch));
}
