import { wireView } from './wire-view.js';

/** Wire shape of the `to_webhook=true` acknowledgement (`DataSentToWebhook`). */
export interface SentToWebhookJson {
  /** `success`. */
  status?: string;
  /** The data type requested, e.g. `sleep`. */
  type?: string;
  /** Ties this request to the webhook payloads that will carry the data. */
  reference?: string;
  /** Equal to `reference`. */
  trace_id?: string;
  /** Present for requests over a month, which Terra delivers in chunks. */
  message?: string;
  /** Summary of the connection. */
  user?: {
    user_id?: string;
    provider?: string;
    reference_id?: string | null;
    created_at?: string;
    active?: boolean;
    scopes?: string;
    last_webhook_update?: string | null;
  };
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/**
 * Terra accepted a data request and will deliver the data to your webhook (`toWebhook: true`).
 * Match the webhook payloads by `reference` (their `terra-reference` header).
 */
export class SentToWebhook extends wireView<SentToWebhookJson>()('sent_to_webhook', [
  'status',
  'type',
  'reference',
  'message',
]) {
  /** Every reference, one per request, when terra-ts split the range into several requests. */
  readonly references: readonly string[];

  /**
   * @param json - the wire body (kept by reference; for a chunked request, the first chunk's).
   * @param references - the references of every chunk, when the range was split.
   */
  constructor(json: SentToWebhookJson, references?: readonly string[]) {
    super(json);
    this.references = references ?? (json.reference === undefined ? [] : [json.reference]);
  }
}
