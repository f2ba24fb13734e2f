import { recordKey } from '../data/record-key.js';
import { DATA_TYPES, type DataType } from '../data/source.js';
import type { SentRecords } from './sent-records.js';
import type { StoreTypeComparison, StoreView } from './types.js';

/**
 * JSON with object keys sorted, so a record read back from a database that reorders keys (PostgreSQL's
 * jsonb does) compares equal to the one sent.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Compares one user's records of one type: what was sent against what the store holds. */
export function compareRecords(
  userId: string,
  type: DataType,
  sent: ReadonlyMap<string, unknown>,
  stored: readonly unknown[],
): StoreTypeComparison {
  const held = new Map<string, unknown>();
  for (const record of stored) {
    const key = recordKey(type, record);
    if (key !== undefined) held.set(key, record);
  }
  const missing: string[] = [];
  const stale: string[] = [];
  let matching = 0;
  for (const [key, record] of sent) {
    if (!held.has(key)) missing.push(key);
    else if (canonical(held.get(key)) === canonical(record)) matching++;
    else stale.push(key);
  }
  const extra = [...held.keys()].filter((key) => !sent.has(key));
  return {
    userId,
    type,
    sent: sent.size,
    stored: stored.length,
    matching,
    missing: missing.sort(),
    extra: extra.sort(),
    stale: stale.sort(),
  };
}

/**
 * Reads the store for every user in `userIds` (and every user something was sent for) and compares each
 * data type; types neither side has records of are left out.
 */
export async function compareWithStore(
  view: StoreView,
  userIds: readonly string[],
  sent: SentRecords,
): Promise<StoreTypeComparison[]> {
  const users = [...new Set([...userIds, ...sent.keys()])];
  const rows: StoreTypeComparison[] = [];
  for (const userId of users) {
    for (const type of DATA_TYPES) {
      const stored = await view.records(userId, type);
      const row = compareRecords(userId, type, sent.get(userId)?.get(type) ?? new Map(), stored);
      if (row.sent > 0 || row.stored > 0) rows.push(row);
    }
  }
  return rows;
}
