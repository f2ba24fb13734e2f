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

/** What a signed test delivery carries besides its body. */
export interface SignedDeliveryOptions {
  secret: string;
  reference: string;
  traceId: string;
}

/**
 * POSTs `json` to a webhook endpoint the way Terra delivers it (signed now, with `terra-reference` and
 * `X-Terra-Trace-Id`), reads the answer through and returns its status.
 */
export async function postSignedDelivery(
  url: string,
  json: object,
  options: SignedDeliveryOptions,
): Promise<number> {
  const body = JSON.stringify(json);
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'terra-signature': nodeHeader(options.secret, nowSeconds(), body),
      'terra-reference': options.reference,
      'x-terra-trace-id': options.traceId,
    },
  });
  await response.arrayBuffer();
  return response.status;
}
