import { MAX_TIMER_MS, optionalInteger } from '../../client/arguments.js';
import { TerraInvalidArgumentError } from '../../errors/terra-invalid-argument-error.js';
import { getSignatureHeader } from '../delivery/delivery-headers.js';
import type { WebhookPayload } from '../delivery/raw-payload.js';
import { TerraWebhookResponse } from '../delivery/webhook-response.js';
import { S3PayloadHookResponse } from '../events/delivery-events.js';
import { DEFAULT_S3_PAYLOAD_TIMEOUT_MS, fetchS3Payload } from '../events/s3-payload.js';
import type { TerraWebhooks } from '../terra-webhooks.js';
import type { ReceiveDelivery, WebhookHandlerOptions } from './handle-delivery.js';

/** What a handler factory takes: a {@link TerraWebhooks}, or a `Terra` client (which stands for its `webhooks`). */
export type WebhooksSource = TerraWebhooks | { readonly webhooks: TerraWebhooks };

function isWebhooks(value: unknown): value is TerraWebhooks {
  const candidate = value as Partial<TerraWebhooks> | null | undefined;
  return (
    typeof candidate?.handleWebhook === 'function' &&
    typeof candidate.assertSecret === 'function' &&
    typeof candidate.s3PayloadOptions === 'object'
  );
}

/**
 * Picks the `TerraWebhooks` a handler factory was given (a `Terra` client stands for its `webhooks`) and
 * checks it has a signing secret, so both mistakes fail when the handler is built, not on every delivery.
 * Checked by shape rather than `instanceof`, so two copies of terra-ts in one app still work together.
 *
 * @throws {@link TerraInvalidArgumentError} when `source` is neither; {@link WebhookVerificationError} `missing_secret`.
 */
export function resolveWebhooks(source: WebhooksSource, factory: string): TerraWebhooks {
  const webhooks = isWebhooks(source)
    ? source
    : (source as Partial<{ webhooks: unknown }> | null | undefined)?.webhooks;
  if (!isWebhooks(webhooks)) {
    throw new TerraInvalidArgumentError(
      'webhooks',
      `${factory} takes a TerraWebhooks or a Terra client first, e.g. ${factory}(terra, { sleep: (event) => ... }); got ${source === null ? 'null' : typeof source}.`,
    );
  }
  webhooks.assertSecret();
  return webhooks;
}

/**
 * Verifies and parses each delivery with `webhooks`; with `resolveS3Payloads`, swaps an `s3_payload` for
 * the event it points to, downloaded with the instance's `fetch` and bound to its client, keeping the
 * original delivery headers.
 */
export function deliveryReceiver(webhooks: TerraWebhooks, options: WebhookHandlerOptions): ReceiveDelivery {
  const timeoutMs =
    optionalInteger(options.s3PayloadTimeoutMs, 's3PayloadTimeoutMs', 1, MAX_TIMER_MS) ??
    DEFAULT_S3_PAYLOAD_TIMEOUT_MS;
  return async (payload, headers) => {
    const delivery = await webhooks.handleWebhook(
      payload as WebhookPayload,
      getSignatureHeader(headers),
      headers,
    );
    if (!options.resolveS3Payloads || !(delivery.event instanceof S3PayloadHookResponse)) return delivery;
    const event = await fetchS3Payload(delivery.event, { ...webhooks.s3PayloadOptions, timeoutMs });
    // The pointer delivery's body is what was signed, so its hash stays the key.
    return new TerraWebhookResponse(
      event.json as Record<string, unknown>,
      event,
      delivery.delivery,
      delivery.bodySha256,
    );
  };
}
