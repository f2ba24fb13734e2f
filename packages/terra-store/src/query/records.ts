import type { Queryable } from '../db/database.js';
import { DATA_TYPES, type StoredDataType, type StoredRecordTypes } from '../keys/data-types.js';
import { type RecordRange, rangeClause } from './range.js';

/** A user's records of one type in a range, oldest first, as Terra sent them. */
export async function listRecords<K extends StoredDataType>(
  db: Queryable,
  type: K,
  userId: string,
  range: RecordRange = {},
): Promise<StoredRecordTypes[K][]> {
  const { sql, params } = rangeClause(range);
  const limit = range.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(range.limit))}`;
  const rows = await db.query<{ record: StoredRecordTypes[K] }>(
    `SELECT record FROM ${DATA_TYPES[type].table} WHERE user_id = $1${sql}
     ORDER BY ${range.by === 'day' ? 'local_day' : 'start_time'}, start_time${limit}`,
    [userId, ...params],
  );
  return rows.map((r) => r.record);
}

/** A user's newest record of one type (by start time), or `undefined`. */
export async function latestRecord<K extends StoredDataType>(
  db: Queryable,
  type: K,
  userId: string,
): Promise<StoredRecordTypes[K] | undefined> {
  const rows = await db.query<{ record: StoredRecordTypes[K] }>(
    `SELECT record FROM ${DATA_TYPES[type].table} WHERE user_id = $1
     ORDER BY start_time DESC NULLS LAST, updated_at DESC LIMIT 1`,
    [userId],
  );
  return rows[0]?.record;
}

/** How many records of one type a user has in a range. */
export async function countRecords(
  db: Queryable,
  type: StoredDataType,
  userId: string,
  range: RecordRange = {},
): Promise<number> {
  const { sql, params } = rangeClause(range);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${DATA_TYPES[type].table} WHERE user_id = $1${sql}`,
    [userId, ...params],
  );
  return Number(row?.n ?? 0);
}
