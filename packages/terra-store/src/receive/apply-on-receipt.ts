import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { InboxDelivery, InboxInsert } from '../inbox/insert-delivery.js';
import { utf8 } from '../inbox/insert-delivery.js';
import { isStoredDataType, type StoredDataType } from '../keys/data-types.js';
import { touchRows, type WireUser } from '../process/users.js';
import { applyOnReceiptSql } from './apply-on-receipt-sql.js';

/** Bodies up to this size may be applied before the answer (a bigger one would delay it too long). */
export const APPLY_ON_RECEIPT_MAX_BYTES = 1024 * 1024;

/**
 * Receives a data delivery and applies it in ONE statement and one commit (`applyOnReceiptSql`): the inbox
 * row (written as processed), the records, the chunk count and the user's row, or nothing at all. Only for
 * a payload whose records are inline (a stored data type with `user.user_id`; not `s3_payload`), whose body
 * is UTF-8 JSON text of at most {@link APPLY_ON_RECEIPT_MAX_BYTES}.
 *
 * @param json - the verified payload.
 * @returns where the delivery went (a new row, already processed, or the duplicate's row), or `undefined`
 *   when the delivery is not one this path takes. Throws when the statement fails: nothing of it committed,
 *   and the caller writes the delivery to the inbox the ordinary way.
 */
export async function applyOnReceipt(
  db: Queryable,
  delivery: InboxDelivery,
  json: Record<string, unknown>,
): Promise<InboxInsert | undefined> {
  const ready = applicable(delivery, json);
  if (!ready) return undefined;
  const { type, user, text } = ready;
  const [row] = await db.query<{
    existing_id: number | string | null;
    id: number | string | null;
  }>(applyOnReceiptSql(type), [
    text,
    delivery.reference ?? null,
    delivery.traceId ?? null,
    delivery.orderingTs ?? null,
    delivery.signedAt ?? null,
    type,
    user.user_id,
    createHash('sha256').update(delivery.body).digest(),
    typeof user.provider === 'string' ? user.provider : null,
    JSON.stringify(touchRows([{ user, receivedAt: new Date(0) }])),
  ]);
  if (row?.id != null) return { id: Number(row.id), duplicate: false, applied: true };
  if (row?.existing_id != null) return { id: Number(row.existing_id), duplicate: true };
  throw new Error('the receive-and-apply statement returned neither a new nor an existing row');
}

/** A delivery this path can apply: its type, its user and its body as text. */
export interface Applicable {
  readonly type: StoredDataType;
  readonly user: WireUser & { user_id: string };
  readonly text: string;
}

/**
 * Whether a delivery can be applied on receipt: a stored data type whose records are inline, keyed by a
 * `user.user_id`, with a UTF-8 body of at most {@link APPLY_ON_RECEIPT_MAX_BYTES}.
 */
export function applicable(delivery: InboxDelivery, json: Record<string, unknown>): Applicable | undefined {
  const type = json.type;
  const user = json.user as WireUser | null | undefined;
  if (!isStoredDataType(type) || typeof user !== 'object' || user === null) return undefined;
  if (typeof user.user_id !== 'string' || user.user_id === '' || user.user_id !== delivery.userId) {
    return undefined;
  }
  if (delivery.body.byteLength > APPLY_ON_RECEIPT_MAX_BYTES) return undefined;
  const text = utf8(delivery.body);
  if (text === undefined) return undefined;
  return { type, user: user as WireUser & { user_id: string }, text };
}
