import { resolveMaxBodyBytes, resolveReadTimeoutMs } from '../delivery/body-limit.js';
import { type NodeRequestLike, readNodeRequestBody } from '../delivery/node-request.js';
import type { WebhookHandler, WebhookHandlers } from '../events/dispatcher.js';
import { assertWebhookHandlers } from '../events/dispatcher.js';
import type { TerraWebhooks } from '../terra-webhooks.js';
import { precheckDelivery } from '../verification/precheck.js';
import { type DeliveryAnswer, handleDelivery, type WebhookHandlerOptions } from './handle-delivery.js';
import { deliveryReceiver, resolveWebhooks, type WebhooksSource } from './receive.js';

/**
 * Where the answer goes: a `node:http` `ServerResponse` (also Express's `res`), or a Fastify `reply`.
 * Structural, so terra-ts imports nothing from Node or the frameworks.
 */
export interface NodeResponseLike {
  /** Node: the status to send. */
  statusCode?: number;
  /** Node: sets a response header. */
  setHeader?(name: string, value: string): unknown;
  /** Node: sends the body and finishes. */
  end?(body?: string): unknown;
  /** Fastify: sets the status. */
  code?(status: number): unknown;
  /** Fastify: sets a response header. */
  header?(name: string, value: string): unknown;
  /** Fastify: sends the body. */
  send?(body?: unknown): unknown;
}

function writeAnswer(res: NodeResponseLike, result: DeliveryAnswer): void {
  // After a refusal before or while reading, the unread rest of the body is still on the connection, so it
  // cannot be reused: Node closes it once the answer is written.
  const headers = result.bodyUnread ? { ...result.headers, connection: 'close' } : result.headers;
  if (typeof res.code === 'function' && typeof res.header === 'function' && typeof res.send === 'function') {
    res.code(result.status);
    for (const [name, value] of Object.entries(headers)) res.header(name, value);
    res.send(result.body);
    return;
  }
  res.statusCode = result.status;
  for (const [name, value] of Object.entries(headers)) res.setHeader?.(name, value);
  res.end?.(result.body);
}

/**
 * A Node webhook endpoint, `(req, res) => Promise<void>`, for `node:http`, Express (with or without
 * `express.raw`) and Fastify (with a `parseAs: 'buffer'` JSON parser in the route's scope).
 *
 * @param webhooks - a {@link TerraWebhooks}, or a `Terra` client (its `webhooks`: secret, `fetch`, bound users).
 * @param handlers - `{ sleep: (event) => ..., auth: ... }` or one function for every event.
 * @throws {@link WebhookVerificationError} `missing_secret` now, rather than on every delivery;
 *   {@link TerraInvalidArgumentError} for a bad `webhooks`, `handlers` or `maxBodyBytes`.
 *
 * @example
 * ```ts
 * app.post('/webhooks/terra', express.raw({ type: 'application/json' }), createNodeWebhookHandler(terra, handlers));
 * ```
 */
export function createNodeWebhookHandler(
  webhooks: WebhooksSource,
  handlers: WebhookHandlers | WebhookHandler,
  options: WebhookHandlerOptions = {},
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  const source = resolveWebhooks(webhooks, 'createNodeWebhookHandler');
  const receive = deliveryReceiver(source, options);
  assertWebhookHandlers(handlers);
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes);
  const readTimeoutMs = resolveReadTimeoutMs(options.readTimeoutMs);
  return async (req, res) => {
    const result = await handleDelivery(receive, handlers, options, {
      method: req.method,
      headers: req.headers,
      precheck: () => precheckDelivery(req.headers, source.toleranceSeconds),
      readBody: () => readNodeRequestBody(req, maxBodyBytes, readTimeoutMs),
    });
    writeAnswer(res, result);
  };
}
