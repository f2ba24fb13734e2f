import type { TerraStore } from '../store.js';
import { answer, type StoreAnswer } from './answer.js';
import { depthGauge, refuseWhenFull } from './back-pressure.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  resolveWebhooks,
  type StoreWebhookHandlerOptions,
  type WebhooksSource,
} from './handler-options.js';
import { receiveDelivery } from './receive-delivery.js';

function toResponse(a: StoreAnswer): Response {
  return new Response(a.body, { status: a.status, headers: a.headers });
}

/**
 * A Fetch API webhook endpoint (`(request: Request) => Promise<Response>`: Next.js route handlers, Hono, Bun,
 * Deno, ...) that verifies each delivery with terra-ts, commits it to the store's inbox and only then answers
 * 200. Database down, or more waiting rows than `maxInboxDepth`: 503 with `Retry-After`. Processing follows the store's `processing` option.
 *
 * @param store - an open store.
 * @param webhooks - a `TerraWebhooks` or a `Terra` client with the signing secret.
 * @throws WebhookVerificationError `missing_secret` when no secret is configured.
 */
export function createStoreWebhookHandler(
  store: TerraStore,
  webhooks: WebhooksSource,
  options: StoreWebhookHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const verifier = resolveWebhooks(webhooks);
  const maxBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const gauge = depthGauge(store.db, options.maxInboxDepth, options.inboxDepthRefreshMs);
  return async (request) => {
    if (request.method.toUpperCase() !== 'POST') {
      return toResponse(
        answer(
          405,
          { error: 'method_not_allowed', message: 'Terra delivers webhooks with POST.' },
          { allow: 'POST' },
        ),
      );
    }
    const full = await refuseWhenFull(gauge);
    if (full) return toResponse(full);
    const declared = Number(request.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      return toResponse(
        answer(413, { error: 'payload_too_large', message: `Bodies over ${maxBytes} bytes are refused.` }),
      );
    }
    let body: Uint8Array;
    try {
      body = new Uint8Array(await request.arrayBuffer());
    } catch {
      return toResponse(
        answer(400, { error: 'unreadable_request', message: 'The request body could not be read.' }),
      );
    }
    if (body.byteLength > maxBytes) {
      return toResponse(
        answer(413, { error: 'payload_too_large', message: `Bodies over ${maxBytes} bytes are refused.` }),
      );
    }
    return toResponse(
      await receiveDelivery(store.receiveTarget(options.onError), verifier, body, request.headers),
    );
  };
}
