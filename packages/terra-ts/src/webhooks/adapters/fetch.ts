import type { WebhookHandler, WebhookHandlers } from '../dispatcher.js';
import { assertWebhookHandlers } from '../dispatcher.js';
import { handleDelivery, type ReceiveDelivery, type WebhookHandlerOptions } from './handle-delivery.js';

/**
 * A Fetch API webhook endpoint, `(request: Request) => Promise<Response>`: Next.js App Router route
 * handlers, Hono (`(c) => handler(c.req.raw)`), Cloudflare Workers, Bun.serve and Deno.serve.
 * The body is read as bytes, so nothing re-encodes it before verification.
 */
export function createFetchWebhookHandler(
  receive: ReceiveDelivery,
  handlers: WebhookHandlers | WebhookHandler,
  options: WebhookHandlerOptions = {},
): (request: Request) => Promise<Response> {
  assertWebhookHandlers(handlers);
  return async (request) => {
    const result = await handleDelivery(receive, handlers, options, {
      method: request.method,
      headers: request.headers,
      readBody: async () => new Uint8Array(await request.arrayBuffer()),
    });
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}
