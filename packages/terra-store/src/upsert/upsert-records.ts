import type { Queryable } from '../db/database.js';
import type { StoredDataType } from '../keys/data-types.js';
import { upsertSql } from './upsert-sql.js';

/** What one batch upsert did. */
export interface UpsertCounts {
  /** Records in the payload. */
  readonly received: number;
  /** New natural keys stored. */
  readonly inserted: number;
  /** Stored records replaced by a newer (or, at an equal ordering timestamp, different) version. */
  readonly updated: number;
  /** Records that changed nothing: repeats, and older versions than the stored one. */
  readonly unchanged: number;
  /** Records without a natural key: kept only in the inbox. */
  readonly unkeyed: number;
}

/** Where a batch comes from and how it is ordered. */
export interface UpsertBatch {
  /** The data type. */
  readonly type: StoredDataType;
  /** The payload as JSON text: the records under `data` (or the profile under `athlete`). */
  readonly payloadJson: string;
  /** Whose records they are. */
  readonly userId: string;
  /** The user's provider, when known. */
  readonly provider: string | undefined;
  /** Unix ms: `x-terra-ordering-timestamp`, or when a delivery without it (or a REST response) arrived. */
  readonly orderingTs: number;
  /** The inbox row it came from, if any. */
  readonly inboxId: number | undefined;
  /** 'webhook' or 'backfill'. */
  readonly source: 'webhook' | 'backfill';
}

/** Stores a batch of records of one type in one statement (see `upsertSql` for the rules). */
export async function upsertRecords(tx: Queryable, batch: UpsertBatch): Promise<UpsertCounts> {
  const [row] = await tx.query<{ incoming: number; unkeyed: number; inserted: number; updated: number }>(
    upsertSql(batch.type),
    [
      batch.payloadJson,
      batch.userId,
      batch.provider ?? null,
      batch.orderingTs,
      batch.inboxId ?? null,
      batch.source,
    ],
  );
  const received = Number(row?.incoming ?? 0);
  const unkeyed = Number(row?.unkeyed ?? 0);
  const inserted = Number(row?.inserted ?? 0);
  const updated = Number(row?.updated ?? 0);
  return { received, inserted, updated, unchanged: received - unkeyed - inserted - updated, unkeyed };
}
