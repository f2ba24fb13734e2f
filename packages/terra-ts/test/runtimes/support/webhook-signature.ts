import { createHmac } from 'node:crypto';

/** The signing secret the runtime scenarios verify with; it must never appear in any output. */
export const signingSecret = 'whsec-rt-0b1d5c7e9a';

/**
 * Computes a `terra-signature` header (`t=<seconds>,v1=<hex>`) the way Terra does: HMAC-SHA256 over
 * `${t}.${rawBody}`. Written with node:crypto on purpose, independent of the SDK's WebCrypto code under test.
 */
export function signTerraPayload(rawBody: string, secret = signingSecret, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
