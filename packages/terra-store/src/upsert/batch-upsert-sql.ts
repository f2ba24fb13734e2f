import { DATA_TYPES, type DataTypeDefinition, type StoredDataType } from '../keys/data-types.js';
import { onConflictSql } from './on-conflict-sql.js';

/**
 * The statement that stores several deliveries' records of one type at once: `$1` a JSON array of
 * `{ d, u, pv, ts, i, s, p }` (index, user_id, provider, ordering timestamp, inbox row, source, payload).
 *
 * The rules are those of `upsertSql`, per delivery. When two deliveries of the batch carry the same natural
 * key, one statement cannot apply them one after the other (the enrichment merge and the tie rule depend on
 * that order), so it writes nothing and reports `collisions`; the caller then stores each delivery with its
 * own statement. Returns one row per delivery with its counts.
 */
function buildBatchUpsertSql(def: DataTypeDefinition): string {
  const keyColumns = def.key.map((k) => k.column);
  const keyExprs = def.key.map((k, i) => `${k.sql} AS k${i}`);
  const keyRefs = def.key.map((_, i) => `k${i}`);
  const records =
    def.payloadField === 'athlete'
      ? `SELECT d.*, d.j->'athlete' AS r, 1::bigint AS ord FROM deliveries d`
      : `SELECT d.*, x.r, x.ord FROM deliveries d, jsonb_array_elements(
           CASE WHEN jsonb_typeof(d.j->'data') = 'array' THEN d.j->'data' ELSE '[]'::jsonb END
         ) WITH ORDINALITY AS x(r, ord)`;
  const notNull = keyRefs.length ? keyRefs.map((k) => `${k} IS NOT NULL`).join(' AND ') : 'true';
  const perKey = ['user_id', ...keyRefs].join(', ');
  const keyedRows = keyRefs.length ? `${keyRefs.join(', ')}, ` : '';
  return `WITH deliveries AS MATERIALIZED (
    SELECT (e->>'d')::int AS d, e->>'u' AS user_id, e->>'pv' AS provider, (e->>'ts')::bigint AS ordering_ts,
      (e->>'i')::bigint AS inbox_id, e->>'s' AS source, e->'p' AS j
    FROM jsonb_array_elements($1::text::jsonb) AS e
  ), incoming AS (
    SELECT d, user_id, provider, ordering_ts, inbox_id, source, r, ord${keyExprs.length ? `, ${keyExprs.join(', ')}` : ''}
    FROM (${records}) src WHERE jsonb_typeof(r) = 'object'
  ), keyed AS (
    SELECT DISTINCT ON (d, ${perKey}) * FROM incoming WHERE ${notNull} ORDER BY d, ${perKey}, ord DESC
  ), collisions AS (
    SELECT count(*)::int AS n FROM (SELECT 1 FROM keyed GROUP BY ${perKey} HAVING count(*) > 1) c
  ), written AS (
    INSERT INTO ${def.table} AS t (user_id, ${keyColumns
      .filter((c) => c !== 'local_day')
      .map((c) => `${c}, `)
      .join('')}provider, start_time, end_time, local_day, ordering_ts, record, inbox_id, source)
    SELECT user_id, ${
      keyColumns.includes('local_day')
        ? keyRefs
            .slice(1)
            .map((k) => `${k}, `)
            .join('')
        : keyedRows
    }provider,
      ${def.startSql}, ${def.endSql}, ${keyColumns.includes('local_day') ? 'k0' : def.localDaySql}, ordering_ts, r, inbox_id, source
    FROM keyed WHERE (SELECT n FROM collisions) = 0
    ${onConflictSql(def, 'inbox_id, ')}
  )
  SELECT dl.d, (SELECT n FROM collisions) AS collisions,
    (SELECT count(*) FROM incoming i WHERE i.d = dl.d)::int AS incoming,
    (SELECT count(*) FROM incoming i WHERE i.d = dl.d AND NOT (${notNull}))::int AS unkeyed,
    (SELECT count(*) FROM written w WHERE w.inbox_id = dl.inbox_id AND w.inserted)::int AS inserted,
    (SELECT count(*) FROM written w WHERE w.inbox_id = dl.inbox_id AND NOT w.inserted)::int AS updated
  FROM deliveries dl ORDER BY dl.d`;
}

const cache = new Map<StoredDataType, string>();

/** The batch upsert statement of one data type (built once). */
export function batchUpsertSql(type: StoredDataType): string {
  let sql = cache.get(type);
  if (!sql) {
    sql = buildBatchUpsertSql(DATA_TYPES[type]);
    cache.set(type, sql);
  }
  return sql;
}
