import { getSignatureHeader, type HeadersLike } from '../delivery/delivery-headers.js';
import { parseSignatureHeader } from './signature-header.js';
import { checkTimestamp } from './verify.js';

/**
 * The checks a delivery can fail on its headers alone, run before a byte of the body is read: the
 * signature header is present, at most 4 KiB, shaped `t=<seconds>,v1=<hex>`, and its `t` is within the
 * tolerance. A request failing them costs no body read, however large the body it announces.
 *
 * @throws {@link WebhookVerificationError} `missing_header`, `malformed_header`, `no_signature`,
 *   `timestamp_too_old` or `timestamp_in_future`.
 */
export function precheckDelivery(headers: HeadersLike, toleranceSeconds: number, nowMs = Date.now()): void {
  const parsed = parseSignatureHeader(getSignatureHeader(headers));
  checkTimestamp(parsed.timestamp, toleranceSeconds, nowMs);
}
