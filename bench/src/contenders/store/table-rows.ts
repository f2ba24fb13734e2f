// What a hand-written receiver extracts from each record before writing it: the table, the natural key
// and the columns terra-store keeps beside the jsonb. The naive and COPY contenders write these rows into
// terra-store's own tables (the same schema, the same unique constraints), so all three store the same rows.

/** The data types the ingest and backfill workloads carry. */
export type BenchDataType = 'activity' | 'sleep' | 'daily' | 'body' | 'nutrition' | 'menstruation';

/** One record as a row of `terra_<type>`. */
export interface TableRow {
  readonly table: string;
  /** The unique key's columns after `user_id`. */
  readonly keyColumns: readonly string[];
  /** Column names, in the order of `values`. */
  readonly columns: readonly string[];
  readonly values: readonly (string | number | null)[];
}

type WireRecord = { metadata?: { summary_id?: unknown; start_time?: unknown; end_time?: unknown } };

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/** The row of one record, keyed as Terra documents (summary id, or one per user per local day). */
export function tableRow(
  type: BenchDataType,
  record: unknown,
  userId: string,
  provider: string | null,
  orderingTs: number,
): TableRow {
  const meta = (record as WireRecord).metadata ?? {};
  const start = text(meta.start_time);
  const end = text(meta.end_time);
  const bySummary = type === 'activity' || type === 'sleep';
  const localDay = type === 'sleep' ? day(end) : day(start);
  const json = JSON.stringify(record);
  if (bySummary) {
    return {
      table: `terra_${type}`,
      keyColumns: ['summary_id'],
      columns: [
        'user_id',
        'summary_id',
        'provider',
        'start_time',
        'end_time',
        'local_day',
        'ordering_ts',
        'record',
        'source',
      ],
      values: [
        userId,
        text(meta.summary_id) ?? start,
        provider,
        start,
        end,
        localDay,
        orderingTs,
        json,
        'webhook',
      ],
    };
  }
  return {
    table: `terra_${type}`,
    keyColumns: ['local_day'],
    columns: [
      'user_id',
      'provider',
      'start_time',
      'end_time',
      'local_day',
      'ordering_ts',
      'record',
      'source',
    ],
    values: [userId, provider, start, end, localDay, orderingTs, json, 'webhook'],
  };
}

/** The payload's rows: `{ user, data, type }` as Terra's data webhooks and REST responses carry them. */
export function payloadRows(
  json: { user?: { user_id?: unknown; provider?: unknown }; data?: unknown; type?: unknown },
  type: BenchDataType,
  orderingTs: number,
): TableRow[] {
  const userId = text(json.user?.user_id);
  if (!userId) throw new Error('a data payload without user.user_id');
  const provider = text(json.user?.provider);
  const data = Array.isArray(json.data) ? json.data : [];
  return data.map((r) => tableRow(type, r, userId, provider, orderingTs));
}

/** The `INSERT ... ON CONFLICT DO UPDATE` a user writes for one row (the newest delivery wins). */
export function upsertStatement(row: TableRow): string {
  const placeholders = row.columns.map((c, i) => (c === 'record' ? `$${i + 1}::jsonb` : `$${i + 1}`));
  const updates = row.columns
    .filter((c) => c !== 'user_id' && !row.keyColumns.includes(c))
    .map((c) => `${c} = EXCLUDED.${c}`);
  return `INSERT INTO ${row.table} (${row.columns.join(', ')}) VALUES (${placeholders.join(', ')})
    ON CONFLICT (user_id, ${row.keyColumns.join(', ')}) DO UPDATE SET ${updates.join(', ')}, updated_at = now()`;
}

/** Whether a wire type is one the bench contenders handle. */
export function isBenchDataType(type: unknown): type is BenchDataType {
  return (
    type === 'activity' ||
    type === 'sleep' ||
    type === 'daily' ||
    type === 'body' ||
    type === 'nutrition' ||
    type === 'menstruation'
  );
}
