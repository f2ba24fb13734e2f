import { WebhookVerificationError } from 'terra-ts';

/** The parts of a Node request the store reads (an `IncomingMessage`, Express, Fastify). */
export interface NodeRequest {
  method?: string | undefined;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  body?: unknown;
  rawBody?: unknown;
  readableEnded?: boolean | undefined;
  [Symbol.asyncIterator]?: () => AsyncIterator<unknown>;
}

const encoder = new TextEncoder();

function tooLarge(maxBytes: number): WebhookVerificationError {
  return new WebhookVerificationError(
    'payload_too_large',
    `The delivery is larger than maxBodyBytes (${maxBytes} bytes); raise the limit if Terra really sends bodies this large.`,
  );
}

/**
 * Reads a Node request's raw body as bytes (a framework's raw copy, or the stream), refusing bodies over
 * `maxBytes` and bodies a JSON parser already consumed (the signature covers the exact bytes).
 */
export async function readNodeBody(req: NodeRequest, maxBytes: number): Promise<Uint8Array> {
  for (const raw of [req.rawBody, req.body]) {
    if (raw instanceof Uint8Array) return raw;
    if (typeof raw === 'string') return encoder.encode(raw);
  }
  const parsed = req.body !== undefined && req.body !== null;
  const iterate = req[Symbol.asyncIterator];
  if (
    (parsed && !(typeof req.body === 'object' && Object.keys(req.body as object).length === 0)) ||
    typeof iterate !== 'function' ||
    req.readableEnded === true
  ) {
    throw new WebhookVerificationError(
      'payload_not_raw',
      'The request body was already parsed or consumed; mount the store handler before any JSON body parser (Express: express.raw({ type: "application/json" })).',
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const iterator = iterate.call(req);
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? encoder.encode(next.value) : (next.value as Uint8Array);
    size += chunk.byteLength;
    if (size > maxBytes) {
      await iterator.return?.();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
