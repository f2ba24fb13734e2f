import { WebhookVerificationError } from 'terra-ts';
import type { TerraStore } from '../store.js';
import { answer, type StoreAnswer } from './answer.js';
import { depthGauge, refuseWhenFull } from './back-pressure.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  resolveWebhooks,
  type StoreWebhookHandlerOptions,
  type WebhooksSource,
} from './handler-options.js';
import { type NodeRequest, readNodeBody } from './read-node-body.js';
import { receiveDelivery } from './receive-delivery.js';

/** The parts of a Node `ServerResponse` the handler writes. */
export interface NodeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

function send(res: NodeResponse, a: StoreAnswer): void {
  res.statusCode = a.status;
  for (const [name, value] of Object.entries(a.headers)) res.setHeader(name, value);
  res.end(a.body);
}

/**
 * A Node webhook endpoint (`node:http`, Express with or without `express.raw`, Fastify with a buffer parser):
 * verifies each delivery with terra-ts, commits it to the store's inbox and only then answers 200.
 * Database down, or more waiting rows than `maxInboxDepth`: 503 with `Retry-After`.
 *
 * @param store - an open store.
 * @param webhooks - a `TerraWebhooks` or a `Terra` client with the signing secret.
 * @throws WebhookVerificationError `missing_secret` when no secret is configured.
 */
export function createStoreNodeWebhookHandler(
  store: TerraStore,
  webhooks: WebhooksSource,
  options: StoreWebhookHandlerOptions = {},
): (req: NodeRequest, res: NodeResponse) => Promise<void> {
  const verifier = resolveWebhooks(webhooks);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const gauge = depthGauge(store.db, options.maxInboxDepth, options.inboxDepthRefreshMs);
  return async (req, res) => {
    if (req.method?.toUpperCase() !== 'POST') {
      send(
        res,
        answer(
          405,
          { error: 'method_not_allowed', message: 'Terra delivers webhooks with POST.' },
          { allow: 'POST' },
        ),
      );
      return;
    }
    const full = await refuseWhenFull(gauge);
    if (full) {
      send(res, full);
      return;
    }
    let body: Uint8Array;
    try {
      body = await readNodeBody(req, maxBytes);
    } catch (error) {
      options.onError?.(error);
      const reason = error instanceof WebhookVerificationError ? error.reason : 'unreadable_request';
      send(
        res,
        answer(reason === 'payload_too_large' ? 413 : 400, {
          error: reason,
          message: (error as Error).message,
        }),
      );
      return;
    }
    send(res, await receiveDelivery(store.receiveTarget(options.onError), verifier, body, req.headers));
  };
}
