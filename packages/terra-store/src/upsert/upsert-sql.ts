import { DATA_TYPES, type DataTypeDefinition, type StoredDataType } from '../keys/data-types.js';
import { onConflictSql } from './on-conflict-sql.js';

/** Where the upsert's values come from: SQL expressions (parameters, or columns of an earlier CTE). */
export interface UpsertSources {
  /** The payload as jsonb, selected once into the CTE `payload`. */
  readonly payload: string;
  /** A `FROM` clause for {@link payload} (no payload, no records, when it yields no row). */
  readonly from?: string;
  readonly userId: string;
  readonly provider: string;
  readonly orderingTs: string;
  readonly inboxId: string;
  readonly source: string;
}

/**
 * The `WITH` entries `payload`, `incoming`, `keyed` and `written` that store one payload's records of one
 * type. Rules, all in the database: the natural key is the unique constraint; a version with a higher ordering
 * timestamp replaces the stored one, an equal one replaces it only when it differs, an older one never;
 * enrichment scores the new version carries as null keep their stored value; a repeat changes nothing. Within
 * one payload the last record of a key wins. Records without a natural key are left out (the delivery keeps
 * them whole in the inbox) and counted by {@link upsertCountsSql}.
 */
export function upsertCtes(def: DataTypeDefinition, src: UpsertSources): string {
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
  const keyedRows = keyRefs.length ? `${keyRefs.join(', ')}, ` : '';
  // The payload is parsed once (a CTE), however many records it holds.
  return `payload AS MATERIALIZED (SELECT ${src.payload} AS j${src.from ? ` FROM ${src.from}` : ''}), incoming AS (
    SELECT r, ord${keyExprs.length ? `, ${keyExprs.join(', ')}` : ''}
    FROM (${records}) src WHERE jsonb_typeof(r) = 'object'
  ), keyed AS (
    ${keyRefs.length ? `SELECT DISTINCT ON (${keyed}) * FROM incoming WHERE ${notNullSql(def)} ORDER BY ${keyed}, ord DESC` : 'SELECT * FROM incoming ORDER BY ord DESC LIMIT 1'}
  ), written AS (
    INSERT INTO ${def.table} AS t (user_id, ${keyColumns
      .filter((c) => c !== 'local_day')
      .map((c) => `${c}, `)
      .join('')}provider, start_time, end_time, local_day, ordering_ts, record, inbox_id, source)
    SELECT ${src.userId}, ${
      keyColumns.includes('local_day')
        ? keyRefs
            .slice(1)
            .map((k) => `${k}, `)
            .join('')
        : keyedRows
    }${src.provider},
      ${def.startSql}, ${def.endSql}, ${keyColumns.includes('local_day') ? 'k0' : def.localDaySql}, ${src.orderingTs}, r, ${src.inboxId}, ${src.source}
    FROM keyed
    ${onConflictSql(def)}
  )`;
}

/** Whether an `incoming` row has its whole natural key. */
function notNullSql(def: DataTypeDefinition): string {
  return def.key.length ? def.key.map((_, i) => `k${i} IS NOT NULL`).join(' AND ') : 'true';
}

/** The counts of {@link upsertCtes} as columns `incoming`, `unkeyed`, `inserted`, `updated`. */
export function upsertCountsSql(def: DataTypeDefinition): string {
  return `(SELECT count(*) FROM incoming)::int AS incoming,
         (SELECT count(*) FROM incoming WHERE NOT (${notNullSql(def)}))::int AS unkeyed,
         (SELECT count(*) FROM written WHERE inserted)::int AS inserted,
         (SELECT count(*) FROM written WHERE NOT inserted)::int AS updated`;
}

/**
 * The one statement that stores a batch of records of one type (the rules of {@link upsertCtes}):
 * `$1` the payload as JSON text (records under `data`, or the profile under `athlete`), `$2` user_id,
 * `$3` provider, `$4` the ordering timestamp (unix ms), `$5` the inbox row (or null), `$6` the source.
 */
function buildUpsertSql(def: DataTypeDefinition): string {
  const ctes = upsertCtes(def, {
    payload: '$1::text::jsonb',
    userId: '$2::text',
    provider: '$3::text',
    orderingTs: '$4::bigint',
    inboxId: '$5::bigint',
    source: '$6::text',
  });
  return `WITH ${ctes}
  SELECT ${upsertCountsSql(def)}`;
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
