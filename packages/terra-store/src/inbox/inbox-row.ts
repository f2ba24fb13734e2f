import type { Queryable } from '../db/database.js';

/** What processing reads of an inbox row: the delivery as it was committed. */
export interface InboxRow {
  readonly id: number;
  /** The body as UTF-8 text. */
  readonly text: string;
  /** The body's SHA-256 (hex). */
  readonly bodySha256: string;
  readonly reference: string | undefined;
  readonly traceId: string | undefined;
  /** `x-terra-ordering-timestamp` (unix ms), when the delivery had one. */
  readonly orderingTs: number | undefined;
  /** When the row was committed (the database's clock). */
  readonly receivedAt: Date;
}

type Stored = {
  id: number | string;
  body_text: string;
  body_hex: string;
  reference: string | null;
  trace_id: string | null;
  ordering_ts: number | string | null;
  received_at: Date | string;
};

/**
 * Reads inbox rows by id (in one statement). A body that is not UTF-8 fails the statement, and with it
 * the processing of these rows (a payload must be JSON text).
 */
export async function readInboxRows(db: Queryable, ids: readonly number[]): Promise<Map<number, InboxRow>> {
  const rows = await db.query<Stored>(
    `SELECT id, convert_from(body, 'UTF8') AS body_text, encode(body_sha256, 'hex') AS body_hex, reference, trace_id,
       ordering_ts, received_at
     FROM terra_inbox WHERE id = ANY($1::text::bigint[])`,
    [`{${ids.join(',')}}`],
  );
  return new Map(
    rows.map((r) => [
      Number(r.id),
      {
        id: Number(r.id),
        text: r.body_text,
        bodySha256: r.body_hex,
        reference: r.reference ?? undefined,
        traceId: r.trace_id ?? undefined,
        orderingTs: r.ordering_ts === null ? undefined : Number(r.ordering_ts),
        receivedAt: new Date(r.received_at),
      },
    ]),
  );
}
