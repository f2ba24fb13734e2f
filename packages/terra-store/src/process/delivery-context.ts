import type { InboxRow } from '../inbox/inbox-row.js';

/** What processing knows about the delivery a payload came in. */
export interface DeliveryContext {
  /** The inbox row, when the payload came through the inbox. */
  readonly inboxId: number | undefined;
  /** `terra-reference`. */
  readonly reference: string | undefined;
  /** The body's SHA-256 (hex): counts a large request's chunk once, however it was relabelled or retried. */
  readonly deliveryId: string;
  /** Unix ms: the ordering timestamp, or the arrival time when the header was missing. */
  readonly orderingTs: number;
  /** When the delivery arrived. */
  readonly receivedAt: Date;
  /** 'webhook' or 'backfill'. */
  readonly source: 'webhook' | 'backfill';
}

/** The context of a delivery kept in the inbox row `row` (a webhook; the ordering falls back to its arrival). */
export function webhookContextOf(row: InboxRow): DeliveryContext {
  return {
    inboxId: row.id,
    reference: row.reference,
    deliveryId: row.bodySha256,
    orderingTs: row.orderingTs ?? row.receivedAt.getTime(),
    receivedAt: row.receivedAt,
    source: 'webhook',
  };
}
