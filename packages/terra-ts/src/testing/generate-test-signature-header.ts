import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { toRawPayload } from '../webhooks/delivery/raw-payload.js';
import { createHmacSha256 } from '../webhooks/verification/hmac.js';

/** Options of {@link generateTestSignatureHeader}. */
export interface TestSignatureOptions {
  /** The exact body you will send: a string or bytes. */
  payload: string | Uint8Array | ArrayBuffer;
  /** The signing secret your handler verifies with. */
  secret: string;
  /** Signing time: unix seconds or a `Date`. Default: now. */
  timestamp?: number | Date;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function unixSeconds(timestamp: number | Date | undefined): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  const seconds = timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new TerraInvalidArgumentError(
      'timestamp',
      'timestamp must be whole unix seconds (or a valid Date).',
    );
  }
  return seconds;
}

/**
 * Signs a body the way Terra does and returns the `terra-signature` header value
 * (`t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">`), so you can test your webhook endpoint without Terra.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(examplePayloads.sleep);
 * const signature = await generateTestSignatureHeader({ payload: body, secret: 'test-secret' });
 * await fetch(url, { method: 'POST', body, headers: { 'terra-signature': signature } });
 * ```
 */
export async function generateTestSignatureHeader(options: TestSignatureOptions): Promise<string> {
  const body = toRawPayload(options.payload);
  if (typeof options.secret !== 'string' || options.secret === '') {
    throw new TerraInvalidArgumentError('secret', 'generateTestSignatureHeader needs a non-empty `secret`.');
  }
  const t = unixSeconds(options.timestamp);
  const signature = await createHmacSha256(options.secret).sign(`${t}.`, body);
  return `t=${t},v1=${toHex(signature)}`;
}

/**
 * Serialises a payload and signs it: the body and headers of a delivery, ready for `fetch` or a test client.
 *
 * @example
 * ```ts
 * const { body, headers } = await signTestWebhook(examplePayloads.auth, { secret: 'test-secret' });
 * const response = await fetch('http://127.0.0.1:3000/webhooks/terra', { method: 'POST', body, headers });
 * ```
 */
export async function signTestWebhook(
  payload: object | string,
  options: Omit<TestSignatureOptions, 'payload'> & { headers?: Record<string, string> },
): Promise<{ body: string; headers: Record<string, string> }> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = await generateTestSignatureHeader({ ...options, payload: body });
  return {
    body,
    headers: { 'content-type': 'application/json', 'terra-signature': signature, ...options.headers },
  };
}
