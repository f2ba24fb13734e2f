import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { InboxRow } from './inbox-row.js';

/** One verified delivery, as the inbox keeps it. */
export interface InboxDelivery {
  /** The raw body, byte for byte. */
  readonly body: Uint8Array;
  readonly reference: string | undefined;
  readonly traceId: string | undefined;
  /** `x-terra-ordering-timestamp` (unix ms), when present. */
  readonly orderingTs: number | undefined;
  /** The signed `t` (unix seconds). */
  readonly signedAt: number | undefined;
  /** The payload's `type`, as read after verification. */
  readonly eventType: string | undefined;
  /** The payload's user id (`user.user_id`, or `new_user.user_id`), when it has one. */
  readonly userId: string | undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as text when it is valid UTF-8 without a NUL (decoding and re-encoding then gives the very same
 * bytes; PostgreSQL's text cannot hold a NUL, so such a body travels as bytea).
 */
export function utf8(body: Uint8Array): string | undefined {
  try {
    const text = decoder.decode(body);
    return text.includes('\u0000') ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Where an insert went: a new row, or the row of the same delivery already kept. */
export interface InboxInsert {
  readonly id: number;
  readonly duplicate: boolean;
  /** A new row as processing reads it (when the body is UTF-8 text), so it need not be read back. */
  readonly row?: InboxRow;
  /** The delivery was applied in the same commit (its row is already processed). */
  readonly applied?: boolean;
}

const COLUMNS_PER_ROW = 9;

/** `VALUES` tuples for `count` deliveries (the statement of one count is built once). */
function insertSql(count: number): string {
  const tuples: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = (n: number) => `$${i * COLUMNS_PER_ROW + n}`;
    tuples.push(
      `(COALESCE(convert_to(${p(9)}::text, 'UTF8'), ${p(1)}::bytea), ${p(8)}::bytea, ${p(2)}, ${p(3)}, ${p(4)}::bigint, to_timestamp(${p(5)}::bigint), ${p(6)}, ${p(7)})`,
    );
  }
  return `INSERT INTO terra_inbox (body, body_sha256, reference, trace_id, ordering_ts, signed_at, event_type, user_id)
     VALUES ${tuples.join(',\n       ')}
     ON CONFLICT ON CONSTRAINT terra_inbox_delivery DO NOTHING
     RETURNING id, received_at, encode(body_sha256, 'hex') AS body_hex, reference, trace_id`;
}

const sqlByCount = new Map<number, string>();

interface Prepared {
  readonly delivery: InboxDelivery;
  readonly text: string | undefined;
  readonly hash: Buffer;
  readonly key: string;
}

const keyOf = (hashHex: string, reference: string | null | undefined, traceId: string | null | undefined) =>
  JSON.stringify([hashHex, reference ?? null, traceId ?? null]);

function prepare(delivery: InboxDelivery): Prepared {
  // A UTF-8 body travels as text and is turned back into the same bytes by the server: a bytea parameter
  // of a few megabytes takes seconds to encode (ten in PGlite), text a fraction of one.
  const text = utf8(delivery.body);
  // Hashed here: SHA-256 in PGlite's WASM build takes seconds for a body of a few megabytes.
  const hash = createHash('sha256').update(delivery.body).digest();
  return { delivery, text, hash, key: keyOf(hash.toString('hex'), delivery.reference, delivery.traceId) };
}

/**
 * Writes deliveries to the inbox in ONE statement and commits (autocommit): several receivers waiting at
 * once share one commit. A delivery is identified by the SHA-256 of its body together with
 * `terra-reference` and the trace id: the same bytes under the same labels are one row, while a relabelled
 * copy or a different body under a reused trace id is a row of its own.
 *
 * @returns one result per delivery, in the order given.
 */
export async function insertDeliveries(
  db: Queryable,
  deliveries: readonly InboxDelivery[],
): Promise<InboxInsert[]> {
  const prepared = deliveries.map(prepare);
  let sql = sqlByCount.get(prepared.length);
  if (!sql) {
    sql = insertSql(prepared.length);
    sqlByCount.set(prepared.length, sql);
  }
  const params = prepared.flatMap(({ delivery, text, hash }) => [
    text === undefined ? delivery.body : null,
    delivery.reference ?? null,
    delivery.traceId ?? null,
    delivery.orderingTs ?? null,
    delivery.signedAt ?? null,
    delivery.eventType ?? null,
    delivery.userId ?? null,
    hash,
    text ?? null,
  ]);
  const rows = await db.query<{
    id: number | string;
    received_at: Date | string;
    body_hex: string;
    reference: string | null;
    trace_id: string | null;
  }>(sql, params);
  const inserted = new Map(rows.map((r) => [keyOf(r.body_hex, r.reference, r.trace_id), r]));
  const results: InboxInsert[] = [];
  for (const p of prepared) {
    const row = inserted.get(p.key);
    if (!row) {
      results.push({ id: await keptDuplicate(db, p), duplicate: true });
      continue;
    }
    // The same delivery twice in one statement: the first is the new row, the second its duplicate.
    inserted.delete(p.key);
    const id = Number(row.id);
    const kept: InboxRow | undefined =
      p.text === undefined
        ? undefined
        : {
            id,
            text: p.text,
            bodySha256: row.body_hex,
            reference: p.delivery.reference,
            traceId: p.delivery.traceId,
            orderingTs: p.delivery.orderingTs,
            receivedAt: new Date(row.received_at),
          };
    results.push({ id, duplicate: false, row: kept });
  }
  return results;
}

/**
 * Reads the row a duplicate delivery is kept in, in a statement of its own. Within the insert's statement
 * it could be invisible, when the same delivery arrived at once and its insert committed while this one
 * waited on the unique key (the statement's snapshot predates that commit); a new statement has a new
 * snapshot.
 */
async function keptDuplicate(db: Queryable, p: Prepared): Promise<number> {
  const kept = await db.query<{ id: number | string }>(
    `SELECT id FROM terra_inbox WHERE body_sha256 = $1::bytea
       AND reference IS NOT DISTINCT FROM $2 AND trace_id IS NOT DISTINCT FROM $3`,
    [p.hash, p.delivery.reference ?? null, p.delivery.traceId ?? null],
  );
  const existing = kept[0];
  if (!existing) throw new Error('the inbox insert found neither a new nor an existing row');
  return Number(existing.id);
}

/** Writes one delivery to the inbox and commits (see {@link insertDeliveries}). */
export async function insertDelivery(db: Queryable, delivery: InboxDelivery): Promise<InboxInsert> {
  const [result] = await insertDeliveries(db, [delivery]);
  if (!result) throw new Error('the inbox insert returned no result');
  return result;
}
