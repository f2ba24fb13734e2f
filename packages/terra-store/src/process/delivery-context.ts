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
