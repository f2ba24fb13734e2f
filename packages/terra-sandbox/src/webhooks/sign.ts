import { createHmac } from 'node:crypto';

/**
 * Terra's signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * The HMAC is fed the parts in turn rather than a joined string, which would copy a large body.
 */
export function signatureHeader(secret: string, body: string, nowMs: number = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  const hex = createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
  return `t=${t},v1=${hex}`;
}
