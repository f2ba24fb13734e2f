import { createHmac } from 'node:crypto';

/** Terra's signature computed independently with node:crypto, as the reference the SDK must agree with. */
export function nodeSignature(secret: string, timestamp: number | string, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** A `t=...,v1=...` header signed with node:crypto. */
export function nodeHeader(secret: string, timestamp: number, body: string | Uint8Array): string {
  return `t=${timestamp},v1=${nodeSignature(secret, timestamp, body)}`;
}

/** The current time in unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
