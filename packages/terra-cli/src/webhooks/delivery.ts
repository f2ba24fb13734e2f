/** One webhook delivery received by `terra webhooks listen`, after verification. */
export interface ReceivedDelivery {
  /** ISO time of arrival. */
  received_at: string;
  /** Whether the signature verified. */
  verified: boolean;
  /** Why verification failed (a WebhookVerificationError reason), when it did. */
  reason: string | null;
  /** The event `type` (from the verified payload). */
  type: string | null;
  /** `user.user_id` (or `new_user.user_id`) of the event. */
  user_id: string | null;
  /** `user.provider` of the event. */
  provider: string | null;
  /** The `terra-reference` header. */
  reference: string | null;
  /** The `X-Terra-Trace-Id` header. */
  trace_id: string | null;
  /** How many records a data event carries. */
  records: number | null;
  /** HTTP status of the forwarded request, when forwarding. */
  forward_status: number | null;
  /** Why forwarding failed, when it did. */
  forward_error: string | null;
  /** The verified payload, as received. */
  payload: unknown;
}

/** The raw request as it matters for verification and forwarding. */
export interface RawDelivery {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/** Headers Terra sends with a delivery that a forward target needs to verify and de-duplicate it. */
export const FORWARDED_HEADERS = [
  'content-type',
  'terra-signature',
  'x-terra-signature',
  'terra-reference',
  'x-terra-trace-id',
  'x-terra-ordering-timestamp',
] as const;
