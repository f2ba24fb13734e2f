import type { StoredDataType } from 'terra-store';

type AnyRecord = { metadata?: { summary_id?: string; start_time?: string; end_time?: string } };

/** The natural key a record is stored under, computed in JS independently of the SQL (for comparisons). */
export function naturalKey(type: StoredDataType, record: AnyRecord): string {
  switch (type) {
    case 'activity':
    case 'sleep':
      return String(record.metadata?.summary_id ?? record.metadata?.start_time);
    case 'athlete':
      return 'athlete';
    default:
      return String(record.metadata?.start_time).slice(0, 10);
  }
}

/** The newest record per natural key, given records in ordering order (later wins). */
export function newestByKey(type: StoredDataType, records: readonly AnyRecord[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const record of records) out.set(naturalKey(type, record), record);
  return out;
}
