import {
  checkDeclaredLength,
  readChunks,
  resolveMaxBodyBytes,
  resolveReadTimeoutMs,
} from '../delivery/body-limit.js';
import type { WebhookHandler, WebhookHandlers } from '../events/dispatcher.js';
import { assertWebhookHandlers } from '../events/dispatcher.js';
import type { TerraWebhooks } from '../terra-webhooks.js';
import { precheckDelivery } from '../verification/precheck.js';
import { handleDelivery, type WebhookHandlerOptions } from './handle-delivery.js';
import { deliveryReceiver, resolveWebhooks, type WebhooksSource } from './receive.js';

/**
 * A Fetch API webhook endpoint, `(request: Request) => Promise<Response>`: Next.js App Router route
 * handlers, Hono (`(c) => handler(c.req.raw)`), Cloudflare Workers, Bun.serve and Deno.serve.
 * The method and the signature header (presence, size, shape, timestamp) are checked before the body is
 * read; the body is read as bytes, so nothing re-encodes it before verification, at most
 * `options.maxBodyBytes` of it (413 beyond) and within `options.readTimeoutMs` (408 after).
 *
 * @param webhooks - a {@link TerraWebhooks}, or a `Terra` client (its `webhooks`: secret, `fetch`, bound users).
 * @param handlers - `{ sleep: (event) => ..., auth: ... }` or one function for every event.
 * @throws {@link WebhookVerificationError} `missing_secret` now, rather than on every delivery;
 *   {@link TerraInvalidArgumentError} for a bad `webhooks`, `handlers` or `maxBodyBytes`.
 *
 * @example
 * ```ts
 * // app/api/webhooks/terra/route.ts (Next.js)
 * export const POST = createFetchWebhookHandler(terra, { sleep: (event) => saveSleep(event.data) });
 * ```
 */
export function createFetchWebhookHandler(
  webhooks: WebhooksSource,
  handlers: WebhookHandlers | WebhookHandler,
  options: WebhookHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const source = resolveWebhooks(webhooks, 'createFetchWebhookHandler');
  const receive = deliveryReceiver(source, options);
  assertWebhookHandlers(handlers);
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes);
  const readTimeoutMs = resolveReadTimeoutMs(options.readTimeoutMs);
  return async (request) => {
    const result = await handleDelivery(receive, handlers, options, {
      method: request.method,
      headers: request.headers,
      precheck: () => precheckDelivery(request.headers, source.toleranceSeconds),
      readBody: () => readRequestBody(request, maxBodyBytes, readTimeoutMs),
    });
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}

async function readRequestBody(request: Request, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  checkDeclaredLength(request.headers.get('content-length'), maxBytes);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: AsyncIterator<unknown> = { next: () => reader.read() as Promise<IteratorResult<unknown>> };
  try {
    return await readChunks(chunks, maxBytes, (chunk) => chunk as Uint8Array, timeoutMs);
  } catch (error) {
    // Stops the rest of an oversized or too slow body from being downloaded.
    reader.cancel().catch(() => {});
    throw error;
  }
}
