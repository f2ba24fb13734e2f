import { DATA_TYPES, type DataTypeDefinition, type StoredDataType } from '../keys/data-types.js';
import { onConflictSql } from './on-conflict-sql.js';

/**
 * The one statement that stores a batch of records of one type:
 * `$1` the payload as JSON text (records under `data`, or the profile under `athlete`), `$2` user_id,
 * `$3` provider, `$4` the ordering timestamp (unix ms), `$5` the inbox row (or null), `$6` the source.
 *
 * Rules, all in the database: the natural key is the unique constraint; a version with a higher ordering
 * timestamp replaces the stored one, an equal one replaces it only when it differs, an older one never;
 * enrichment scores the new version carries as null keep their stored value; a repeat changes nothing.
 * Within one batch the last record of a key wins. Records without a natural key are left out (the delivery
 * keeps them whole in the inbox) and counted.
 */
function buildUpsertSql(def: DataTypeDefinition): string {
  const keyColumns = def.key.map((k) => k.column);
  const keyExprs = def.key.map((k, i) => `${k.sql} AS k${i}`);
  const keyRefs = def.key.map((_, i) => `k${i}`);
  const records =
    def.payloadField === 'athlete'
      ? `SELECT p.j->'athlete' AS r, 1::bigint AS ord FROM payload p`
      : `SELECT x.r, x.ord FROM payload p, jsonb_array_elements(
           CASE WHEN jsonb_typeof(p.j->'data') = 'array' THEN p.j->'data' ELSE '[]'::jsonb END
         ) WITH ORDINALITY AS x(r, ord)`;
  const keyed = keyRefs.join(', ');
  const notNull = keyRefs.length ? keyRefs.map((k) => `${k} IS NOT NULL`).join(' AND ') : 'true';
  const keyedRows = keyRefs.length ? `${keyRefs.join(', ')}, ` : '';
  // The payload is parsed once (a CTE), however many records it holds.
  return `WITH payload AS MATERIALIZED (SELECT $1::text::jsonb AS j), incoming AS (
    SELECT r, ord${keyExprs.length ? `, ${keyExprs.join(', ')}` : ''}
    FROM (${records}) src WHERE jsonb_typeof(r) = 'object'
  ), keyed AS (
    ${keyRefs.length ? `SELECT DISTINCT ON (${keyed}) * FROM incoming WHERE ${notNull} ORDER BY ${keyed}, ord DESC` : 'SELECT * FROM incoming ORDER BY ord DESC LIMIT 1'}
  ), written AS (
    INSERT INTO ${def.table} AS t (user_id, ${keyColumns
      .filter((c) => c !== 'local_day')
      .map((c) => `${c}, `)
      .join('')}provider, start_time, end_time, local_day, ordering_ts, record, inbox_id, source)
    SELECT $2::text, ${
      keyColumns.includes('local_day')
        ? keyRefs
            .slice(1)
            .map((k) => `${k}, `)
            .join('')
        : keyedRows
    }$3::text,
      ${def.startSql}, ${def.endSql}, ${keyColumns.includes('local_day') ? 'k0' : def.localDaySql}, $4::bigint, r, $5::bigint, $6::text
    FROM keyed
    ${onConflictSql(def)}
  )
  SELECT (SELECT count(*) FROM incoming)::int AS incoming,
         (SELECT count(*) FROM incoming WHERE NOT (${notNull}))::int AS unkeyed,
         (SELECT count(*) FROM written WHERE inserted)::int AS inserted,
         (SELECT count(*) FROM written WHERE NOT inserted)::int AS updated`;
}

const cache = new Map<StoredDataType, string>();

/** The upsert statement of one data type (built once). */
export function upsertSql(type: StoredDataType): string {
  let sql = cache.get(type);
  if (!sql) {
    sql = buildUpsertSql(DATA_TYPES[type]);
    cache.set(type, sql);
  }
  return sql;
}
