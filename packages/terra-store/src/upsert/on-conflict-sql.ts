import type { DataTypeDefinition } from '../keys/data-types.js';

/**
 * The `ON CONFLICT ... DO UPDATE ... RETURNING` part both upsert statements share: a version with a higher
 * ordering timestamp replaces the stored one, an equal one only when it differs, an older one never; enrichment
 * scores the new version carries as null keep their stored value. `inserted` tells a new row from a replaced one
 * by `updated_at` (the transaction's start on insert, the clock at an update), not `xmax`, which PostgreSQL
 * refuses in `RETURNING` on a partitioned table. `returning` lists columns returned before `inserted`.
 */
export function onConflictSql(def: DataTypeDefinition, returning = ''): string {
  const keyColumns = def.key.map((k) => k.column);
  const merged = 'terra_merge_enrichment(t.record, EXCLUDED.record)';
  return `ON CONFLICT (user_id${keyColumns.map((c) => `, ${c}`).join('')}) DO UPDATE SET
      record = ${merged},
      provider = EXCLUDED.provider,
      start_time = EXCLUDED.start_time,
      end_time = EXCLUDED.end_time,
      ${keyColumns.includes('local_day') ? '' : 'local_day = EXCLUDED.local_day,'}
      ordering_ts = EXCLUDED.ordering_ts,
      inbox_id = EXCLUDED.inbox_id,
      source = EXCLUDED.source,
      revision = t.revision + CASE WHEN ${merged} IS DISTINCT FROM t.record THEN 1 ELSE 0 END,
      updated_at = clock_timestamp()
    WHERE EXCLUDED.ordering_ts > t.ordering_ts
       OR (EXCLUDED.ordering_ts = t.ordering_ts AND ${merged} IS DISTINCT FROM t.record)
    RETURNING ${returning}(t.updated_at = now()) AS inserted`;
}
