import type { Queryable, Row } from '../db/database.js';

/** The state of an inbox row. */
export type DeliveryStatus = 'pending' | 'retry' | 'processed' | 'dead';

/** One delivery in the inbox (without its body). */
export interface StoredDelivery {
  id: number;
  source: string;
  eventType: string | null;
  userId: string | null;
  reference: string | null;
  traceId: string | null;
  orderingTs: number | null;
  /** SHA-256 of the raw body, hex. */
  bodySha256: string;
  receivedAt: Date;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  processedAt: Date | null;
  /** What processing did ("sleep: 3 records, 1 new, ...", "unknown type ..."). */
  outcome: string | null;
}

const COLUMNS = `id, source, event_type, user_id, reference, trace_id, ordering_ts, encode(body_sha256, 'hex') AS sha,
  received_at, status, attempts, last_error, next_attempt_at, processed_at, outcome`;

function toDelivery(r: Row): StoredDelivery {
  return {
    id: Number(r.id),
    source: r.source as string,
    eventType: (r.event_type as string | null) ?? null,
    userId: (r.user_id as string | null) ?? null,
    reference: (r.reference as string | null) ?? null,
    traceId: (r.trace_id as string | null) ?? null,
    orderingTs: r.ordering_ts === null ? null : Number(r.ordering_ts),
    bodySha256: r.sha as string,
    receivedAt: r.received_at as Date,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    lastError: (r.last_error as string | null) ?? null,
    nextAttemptAt: r.next_attempt_at as Date,
    processedAt: (r.processed_at as Date | null) ?? null,
    outcome: (r.outcome as string | null) ?? null,
  };
}

/** Filters of {@link listDeliveries}. */
export interface DeliveryFilter {
  status?: DeliveryStatus;
  eventType?: string;
  userId?: string;
  /** Most rows returned (default 100), newest first. */
  limit?: number;
}

/** Inbox rows, newest first. */
export async function listDeliveries(db: Queryable, filter: DeliveryFilter = {}): Promise<StoredDelivery[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of [
    ['status', filter.status],
    ['event_type', filter.eventType],
    ['user_id', filter.userId],
  ] as const) {
    if (value !== undefined) {
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
  }
  params.push(Math.max(0, Math.floor(filter.limit ?? 100)));
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM terra_inbox ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toDelivery);
}

/** One inbox row by id. */
export async function getDelivery(db: Queryable, id: number): Promise<StoredDelivery | undefined> {
  if (!Number.isSafeInteger(id)) throw new TypeError(`a delivery id is a whole number, got ${String(id)}`);
  const [row] = await db.query(`SELECT ${COLUMNS} FROM terra_inbox WHERE id = $1`, [id]);
  return row ? toDelivery(row) : undefined;
}

/** How many inbox rows are in each state. */
export async function countDeliveries(db: Queryable): Promise<Record<DeliveryStatus, number>> {
  const rows = await db.query<{ status: DeliveryStatus; n: number }>(
    'SELECT status, count(*)::int AS n FROM terra_inbox GROUP BY status',
  );
  const out: Record<DeliveryStatus, number> = { pending: 0, retry: 0, processed: 0, dead: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** The raw body of one delivery, byte for byte. */
export async function deliveryBody(db: Queryable, id: number): Promise<Uint8Array | undefined> {
  const [row] = await db.query<{ body: Uint8Array }>('SELECT body FROM terra_inbox WHERE id = $1', [id]);
  return row ? new Uint8Array(row.body) : undefined;
}

/** Puts a dead letter back in line (attempts reset). Returns false when the row is not a dead letter. */
export async function requeueDeadLetter(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE terra_inbox SET status = 'retry', attempts = 0, next_attempt_at = now(), claimed_by = NULL, lease_until = NULL
     WHERE id = $1 AND status = 'dead' RETURNING id`,
    [id],
  );
  return rows.length > 0;
}
