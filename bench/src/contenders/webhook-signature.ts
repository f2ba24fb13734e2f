import { createHmac, timingSafeEqual } from 'node:crypto';

/** A `terra-signature` header for `body`, signed now: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export function signDelivery(
  body: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  const v1 = createHmac('sha256', secret).update(`${nowSeconds}.${body}`).digest('hex');
  return `t=${nowSeconds},v1=${v1}`;
}

const TOLERANCE_SECONDS = 300;

/**
 * The raw floor: what a careful hand-written receiver does with `node:crypto` and nothing else. The
 * HMAC is fed the timestamp, the dot and the body in turn (no joined copy of a 1 MB body), compared in
 * constant time, the timestamp checked, and the body parsed.
 */
export function rawVerifyAndParse(body: string, header: string, secret: string): unknown {
  let t: string | undefined;
  let v1: string | undefined;
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (key === 't') t = part.slice(eq + 1).trim();
    else if (key === 'v1') v1 = part.slice(eq + 1).trim();
  }
  if (t === undefined || v1 === undefined) throw new Error('malformed terra-signature header');
  const expected = createHmac('sha256', secret).update(t).update('.').update(body).digest();
  const given = Buffer.from(v1, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new Error('signature mismatch');
  if (Math.abs(Date.now() / 1000 - Number(t)) > TOLERANCE_SECONDS)
    throw new Error('timestamp out of tolerance');
  return JSON.parse(body);
}
