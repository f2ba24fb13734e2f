import { WebhookVerificationError } from '../../errors/webhook-verification-error.js';
import {
  checkDeclaredLength,
  DEFAULT_MAX_WEBHOOK_BODY_BYTES,
  DEFAULT_WEBHOOK_READ_TIMEOUT_MS,
  readChunks,
} from './body-limit.js';

/**
 * The parts of a Node request the webhook code reads: `http.IncomingMessage`, an Express `req` or a
 * Fastify `request`, described structurally so terra-ts imports nothing from Node or the frameworks.
 */
export interface NodeRequestLike {
  /** `POST` for deliveries. */
  method?: string | undefined;
  /** Lower-cased header names, as Node provides them. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Set by a body parser: a `Buffer` (express.raw, Fastify `parseAs: 'buffer'`), a string, or a parsed object (unusable). */
  body?: unknown;
  /** Raw bytes some platforms keep beside a parsed body (Google Cloud Functions, NestJS `rawBody: true`, fastify-raw-body). */
  rawBody?: unknown;
  /** True once the body stream was read by someone else. */
  readableEnded?: boolean | undefined;
  /** The body stream (an `IncomingMessage` is async-iterable). */
  [Symbol.asyncIterator]?: () => AsyncIterator<unknown>;
}

const PARSED_BODY_HINT =
  'A JSON body parser already turned the request body into an object, and a re-serialised object never matches the signature. Express: mount `express.raw({ type: "application/json" })` on the webhook route (before or instead of express.json()). Fastify: register `addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => done(null, body))` in the webhook route\'s scope.';

function isRaw(value: unknown): value is string | Uint8Array {
  return typeof value === 'string' || value instanceof Uint8Array;
}

function isEmptyObject(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0
  );
}

const encoder = new TextEncoder();
const toBytes = (chunk: unknown): Uint8Array =>
  typeof chunk === 'string' ? encoder.encode(chunk) : (chunk as Uint8Array);

function declaredLength(req: NodeRequestLike): string | undefined {
  const value = req.headers['content-length'];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Gets the raw body of a Node request: from `rawBody` or a raw `body` when a parser kept the bytes,
 * else by reading the stream (at most `maxBytes`, within `timeoutMs`; a body a parser already holds is not re-checked).
 *
 * @throws {@link WebhookVerificationError} `payload_not_raw` when only a parsed object is left,
 *   `payload_too_large` when the stream is longer than `maxBytes`, `body_timeout` when it takes longer than `timeoutMs`.
 */
export async function readNodeRequestBody(
  req: NodeRequestLike,
  maxBytes: number = DEFAULT_MAX_WEBHOOK_BODY_BYTES,
  timeoutMs: number = DEFAULT_WEBHOOK_READ_TIMEOUT_MS,
): Promise<string | Uint8Array> {
  if (isRaw(req.rawBody)) return req.rawBody;
  if (isRaw(req.body)) return req.body;
  // body-parser leaves `{}` when the content type did not match and the stream untouched: read it.
  const untouched = isEmptyObject(req.body) && req.readableEnded !== true;
  if (req.body !== undefined && req.body !== null && !untouched) {
    throw new WebhookVerificationError('payload_not_raw', PARSED_BODY_HINT);
  }
  const iterate = req[Symbol.asyncIterator];
  if (typeof iterate !== 'function' || req.readableEnded === true) {
    throw new WebhookVerificationError(
      'payload_not_raw',
      `The request body was already consumed and no raw copy was kept. ${PARSED_BODY_HINT}`,
    );
  }
  checkDeclaredLength(declaredLength(req), maxBytes);
  return readChunks(iterate.call(req), maxBytes, toBytes, timeoutMs);
}
