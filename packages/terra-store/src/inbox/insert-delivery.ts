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

/** The body as text when it is valid UTF-8 (decoding and re-encoding then gives the very same bytes). */
function utf8(body: Uint8Array): string | undefined {
  try {
    return decoder.decode(body);
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
}

/**
 * Writes a delivery to the inbox and commits (autocommit). The delivery is identified by the SHA-256 of its
 * body together with `terra-reference` and the trace id: the same bytes under the same labels are one row,
 * while a relabelled copy or a different body under a reused trace id is a row of its own.
 */
export async function insertDelivery(db: Queryable, delivery: InboxDelivery): Promise<InboxInsert> {
  // A UTF-8 body travels as text and is turned back into the same bytes by the server: a bytea parameter
  // of a few megabytes takes seconds to encode (ten in PGlite), text a fraction of one.
  const text = utf8(delivery.body);
  // Hashed here: SHA-256 in PGlite's WASM build takes seconds for a body of a few megabytes.
  const hash = createHash('sha256').update(delivery.body).digest();
  const rows = await db.query<{ id: number | string; received_at: Date | string }>(
    `INSERT INTO terra_inbox (body, body_sha256, reference, trace_id, ordering_ts, signed_at, event_type, user_id)
     VALUES (COALESCE(convert_to($9::text, 'UTF8'), $1::bytea), $8::bytea, $2, $3, $4::bigint, to_timestamp($5::bigint), $6, $7)
     ON CONFLICT ON CONSTRAINT terra_inbox_delivery DO NOTHING
     RETURNING id, received_at`,
    [
      text === undefined ? delivery.body : null,
      delivery.reference ?? null,
      delivery.traceId ?? null,
      delivery.orderingTs ?? null,
      delivery.signedAt ?? null,
      delivery.eventType ?? null,
      delivery.userId ?? null,
      hash,
      text ?? null,
    ],
  );
  const row = rows[0];
  if (row) {
    const id = Number(row.id);
    const kept: InboxRow | undefined =
      text === undefined
        ? undefined
        : {
            id,
            text,
            bodySha256: hash.toString('hex'),
            reference: delivery.reference,
            traceId: delivery.traceId,
            orderingTs: delivery.orderingTs,
            receivedAt: new Date(row.received_at),
          };
    return { id, duplicate: false, row: kept };
  }
  // A duplicate: read the kept row in a statement of its own. Within the insert's statement it could be
  // invisible, when the same delivery arrived at once and its insert committed while this one waited on the
  // unique key (the statement's snapshot predates that commit); a new statement has a new snapshot.
  const kept = await db.query<{ id: number | string }>(
    `SELECT id FROM terra_inbox WHERE body_sha256 = $1::bytea
       AND reference IS NOT DISTINCT FROM $2 AND trace_id IS NOT DISTINCT FROM $3`,
    [hash, delivery.reference ?? null, delivery.traceId ?? null],
  );
  const existing = kept[0];
  if (!existing) throw new Error('the inbox insert found neither a new nor an existing row');
  return { id: Number(existing.id), duplicate: true };
}
