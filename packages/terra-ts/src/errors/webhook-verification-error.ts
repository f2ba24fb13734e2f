import { TerraError } from './terra-error.js';

/**
 * Why a webhook delivery was rejected, as a stable machine-readable code.
 *
 * - `missing_header`: no `terra-signature` / `X-Terra-Signature` header.
 * - `malformed_header`: the header is not `t=<seconds>,v1=<hex>[,v1=<hex>...]`.
 * - `no_signature`: the header has a timestamp but no `v1` signature.
 * - `signature_mismatch`: no `v1` signature matches the body under any configured secret.
 * - `timestamp_too_old` / `timestamp_in_future`: the signed timestamp is outside the tolerance.
 * - `missing_secret`: no signing secret is configured.
 * - `payload_not_raw`: the body was already parsed (or absent), so its exact bytes cannot be verified.
 * - `malformed_payload`: the signature is valid but the body is not a JSON object.
 * - `payload_too_large`: the body is longer than the handler's `maxBodyBytes` (answered 413, never buffered whole).
 * - `body_timeout`: the body did not arrive in full within the handler's `readTimeoutMs` (answered 408).
 */
export type WebhookVerificationReason =
  | 'missing_header'
  | 'malformed_header'
  | 'no_signature'
  | 'signature_mismatch'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'missing_secret'
  | 'payload_not_raw'
  | 'malformed_payload'
  | 'payload_too_large'
  | 'body_timeout';

/**
 * Thrown when a webhook delivery cannot be verified or read.
 *
 * Branch on {@link WebhookVerificationError.reason}; the message explains what to do.
 * Neither the message nor any property holds the signing secret.
 *
 * @example
 * ```ts
 * try {
 *   await terra.handleWebhook(rawBody, signature);
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError && error.reason === 'timestamp_too_old') {
 *     // a replayed or long-queued delivery
 *   }
 * }
 * ```
 */
export class WebhookVerificationError extends TerraError {
  /** The machine-readable cause. */
  readonly reason: WebhookVerificationReason;

  /**
   * @param reason - the machine-readable cause.
   * @param message - what went wrong and what to do about it (never the secret).
   */
  constructor(reason: WebhookVerificationReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}
