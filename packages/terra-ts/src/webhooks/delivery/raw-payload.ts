import { WebhookVerificationError } from '../../errors/webhook-verification-error.js';

/** The body of a delivery exactly as received: the text, or the bytes (a Node `Buffer` is a `Uint8Array`). */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;

const RAW_BODY_HINT =
  'Signatures cover the exact bytes Terra sent, so pass the raw body: `await request.text()` (Fetch API, Next.js, Hono, Workers), `express.raw({ type: "application/json" })` on the webhook route (Express), or a `parseAs: "buffer"` content-type parser (Fastify).';

/**
 * Checks the payload is raw and returns it as a string or a `Uint8Array` view (never a copy).
 *
 * @throws {@link WebhookVerificationError} `payload_not_raw` for a parsed object, `null` or `undefined`.
 */
export function toRawPayload(payload: unknown): string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  if (payload instanceof ArrayBuffer || Object.prototype.toString.call(payload) === '[object ArrayBuffer]') {
    return new Uint8Array(payload as ArrayBuffer);
  }
  if (ArrayBuffer.isView(payload))
    return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  if (payload === null || payload === undefined) {
    throw new WebhookVerificationError('payload_not_raw', `The webhook body is missing. ${RAW_BODY_HINT}`);
  }
  const what = typeof payload === 'object' ? 'an already-parsed object' : `a ${typeof payload}`;
  throw new WebhookVerificationError(
    'payload_not_raw',
    `The webhook body is ${what}, not the raw request body; a re-serialised object can never match the signature. ${RAW_BODY_HINT}`,
  );
}

const decoder = new TextDecoder();

/** The payload as text (UTF-8, a leading byte-order mark dropped). */
export function payloadText(payload: string | Uint8Array): string {
  return typeof payload === 'string' ? payload : decoder.decode(payload);
}
