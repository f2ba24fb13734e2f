import type { DataType } from './source.js';

/** The data types with one record per user per local day, revised as the day goes on. */
export const DAY_KEYED_TYPES = ['daily', 'body', 'nutrition', 'menstruation'] as const;

const DAY_KEYED: ReadonlySet<DataType> = new Set(DAY_KEYED_TYPES);

/**
 * A record's natural key within its user and type (Terra's "Receiving data updates"): `metadata.summary_id`
 * for activity and sleep, the local date (`YYYY-MM-DD`) of `metadata.start_time` for the day-keyed types.
 * Undefined when the record lacks the field its key comes from.
 */
export function recordKey(type: DataType, record: unknown): string | undefined {
  const metadata = (record as { metadata?: { summary_id?: unknown; start_time?: unknown } } | null)?.metadata;
  if (DAY_KEYED.has(type)) {
    return typeof metadata?.start_time === 'string' ? metadata.start_time.slice(0, 10) : undefined;
  }
  return typeof metadata?.summary_id === 'string' ? metadata.summary_id : undefined;
}
