import { DATA_TYPES, type DataTypeDefinition, type StoredDataType } from '../keys/data-types.js';
import { countChunksCtes } from '../process/large-requests.js';
import { touchUsersSql } from '../process/users.js';
import { upsertCountsSql, upsertCtes } from '../upsert/upsert-sql.js';

/**
 * The ONE statement that receives a data delivery and applies it (autocommit: the whole of it commits, or
 * none). Parameters: `$1` the body as UTF-8 text, `$2` terra-reference, `$3` trace id, `$4` the ordering
 * timestamp header (unix ms, or null), `$5` the signed time (unix s), `$6` the payload's type, `$7` user_id,
 * `$8` the body's SHA-256, `$9` provider, `$10` the user's touch row as a JSON array (`touchRows`; its `at`
 * becomes the database's clock).
 *
 * - `existing`: the delivery already kept (same hash, reference and trace id, as the inbox's unique key);
 *   then nothing else happens and its id is returned.
 * - `pre`: the new inbox id, its arrival time and ordering timestamp (the header, or the arrival time, as
 *   processing takes it).
 * - the records are upserted with the same rules and statement parts as processing (`upsertCtes`).
 * - `ins`: the inbox row, written as processed (one attempt) with the outcome processing would record.
 * - the large request's chunk count and the user's row, as processing's final statement writes them.
 *
 * A copy of the same delivery committed between this statement's snapshot and its insert makes `ins` write
 * nothing while the records were already upserted: the statement then fails on purpose (a cast of text to
 * int, the one runtime error plain SQL can raise), which undoes all of it, and the caller takes the ordinary
 * path, which finds the duplicate.
 */
function buildSql(def: DataTypeDefinition): string {
  const outcome = `format('%s: %s records, %s new, %s replaced, %s unchanged%s (%s)', '${def.type}',
      n.incoming, n.inserted, n.updated, n.incoming - n.unkeyed - n.inserted - n.updated,
      CASE WHEN n.unkeyed > 0 THEN format(', %s without a natural key (kept in the inbox only)', n.unkeyed) ELSE '' END,
      '${def.table}')`;
  const chunks = `(SELECT jsonb_build_array(jsonb_build_object('reference', $2::text,
      'delivery_id', encode($8::bytea, 'hex'), 'inbox_id', pre.id, 'user_id', $7::text, 'data_type', $6::text))
    FROM pre WHERE COALESCE($2::text, '') <> '')`;
  const users = `(SELECT jsonb_set($10::text::jsonb, '{0,at}', to_jsonb(pre.at)) FROM pre)`;
  return `WITH existing AS MATERIALIZED (
    SELECT id FROM terra_inbox
    WHERE body_sha256 = $8::bytea AND reference IS NOT DISTINCT FROM $2::text AND trace_id IS NOT DISTINCT FROM $3::text
  ), pre AS MATERIALIZED (
    SELECT nextval(pg_get_serial_sequence('terra_inbox', 'id')) AS id, now() AS at,
      COALESCE($4::bigint, floor(extract(epoch FROM now()) * 1000)::bigint) AS ordering_ts
    WHERE NOT EXISTS (SELECT 1 FROM existing)
  ), ${upsertCtes(def, {
    payload: '$1::text::jsonb',
    from: 'pre',
    userId: '$7::text',
    provider: '$9::text',
    orderingTs: '(SELECT ordering_ts FROM pre)',
    inboxId: '(SELECT id FROM pre)',
    source: `'webhook'`,
  })}, n AS (
    SELECT ${upsertCountsSql(def)}
  ), ins AS (
    INSERT INTO terra_inbox (id, body, body_sha256, reference, trace_id, ordering_ts, signed_at, event_type, user_id,
      received_at, status, attempts, processed_at, outcome)
    SELECT pre.id, convert_to($1::text, 'UTF8'), $8::bytea, $2::text, $3::text, $4::bigint, to_timestamp($5::bigint),
      $6::text, $7::text, pre.at, 'processed', 1, now(), ${outcome}
    FROM pre, n
    ON CONFLICT ON CONSTRAINT terra_inbox_delivery DO NOTHING
    RETURNING id, received_at
  ), ${countChunksCtes(chunks)},
  users AS (${touchUsersSql(users)} RETURNING 1)
  SELECT (SELECT id FROM existing LIMIT 1) AS existing_id, ins.id, ins.received_at,
    CASE WHEN pre.id IS NOT NULL AND ins.id IS NULL
      THEN CAST('terra-store: the same delivery was stored at once, inbox id ' || pre.id AS int) END AS raced
  FROM (SELECT 1) AS one LEFT JOIN pre ON true LEFT JOIN ins ON true`;
}

const cache = new Map<StoredDataType, string>();

/** The receive-and-apply statement of one data type (built once). */
export function applyOnReceiptSql(type: StoredDataType): string {
  let sql = cache.get(type);
  if (!sql) {
    sql = buildSql(DATA_TYPES[type]);
    cache.set(type, sql);
  }
  return sql;
}
