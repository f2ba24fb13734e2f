import type { WebhookHandler, WebhookHandlers } from '../dispatcher.js';
import { assertWebhookHandlers } from '../dispatcher.js';
import { checkDeclaredLength, readChunks, resolveMaxBodyBytes } from './body-limit.js';
import { handleDelivery, type ReceiveDelivery, type WebhookHandlerOptions } from './handle-delivery.js';

/**
 * A Fetch API webhook endpoint, `(request: Request) => Promise<Response>`: Next.js App Router route
 * handlers, Hono (`(c) => handler(c.req.raw)`), Cloudflare Workers, Bun.serve and Deno.serve.
 * The body is read as bytes, so nothing re-encodes it before verification, and at most
 * `options.maxBodyBytes` of it (413 beyond).
 */
export function createFetchWebhookHandler(
  receive: ReceiveDelivery,
  handlers: WebhookHandlers | WebhookHandler,
  options: WebhookHandlerOptions = {},
): (request: Request) => Promise<Response> {
  assertWebhookHandlers(handlers);
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes);
  return async (request) => {
    const result = await handleDelivery(receive, handlers, options, {
      method: request.method,
      headers: request.headers,
      readBody: () => readRequestBody(request, maxBodyBytes),
    });
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}

async function readRequestBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  checkDeclaredLength(request.headers.get('content-length'), maxBytes);
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: AsyncIterator<unknown> = { next: () => reader.read() as Promise<IteratorResult<unknown>> };
  try {
    return await readChunks(chunks, maxBytes, (chunk) => chunk as Uint8Array);
  } catch (error) {
    // Stops the rest of an oversized body from being downloaded.
    reader.cancel().catch(() => {});
    throw error;
  }
}
