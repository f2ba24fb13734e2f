import { TerraInvalidArgumentError } from '../../errors/terra-invalid-argument-error.js';
import { NoDataReturned } from '../../responses/no-data-returned.js';
import type { TerraWebhookResponse } from '../delivery/webhook-response.js';
import type { ParsedWebhookEvent, TerraWebhookEventType, WebhookEventMap } from './index.js';
import { UnknownWebhookEvent } from './unknown-event.js';

/**
 * One handler per event type, each receiving its own class (the parameter type follows the key), plus
 * `no_data` for `status: 'not_available'` bodies and `unknown` for types this version does not know.
 * Types without a handler are acknowledged and ignored. The second argument is the whole delivery
 * (`delivery.traceId`, `getJson()`, ...).
 *
 * @example
 * ```ts
 * const handlers: WebhookHandlers = {
 *   auth: (event) => linkUser(event.reference_id, event.user.user_id),
 *   sleep: (event) => saveSleep(event.data),
 * };
 * ```
 */
export type WebhookHandlers = {
  [K in TerraWebhookEventType]?: (
    event: WebhookEventMap[K],
    delivery: TerraWebhookResponse<WebhookEventMap[K]>,
  ) => unknown;
} & {
  /** `status: 'not_available'` bodies. */
  no_data?: (event: NoDataReturned, delivery: TerraWebhookResponse<NoDataReturned>) => unknown;
  /** Types this version of terra-ts does not know, and bodies missing their type's required fields. */
  unknown?: (event: UnknownWebhookEvent, delivery: TerraWebhookResponse<UnknownWebhookEvent>) => unknown;
};

/** A single function that receives every delivery. */
export type WebhookHandler = (event: ParsedWebhookEvent, delivery: TerraWebhookResponse) => unknown;

type AnyHandler = (event: ParsedWebhookEvent, delivery: TerraWebhookResponse) => unknown;

function handlerKey(event: ParsedWebhookEvent): string {
  if (event instanceof UnknownWebhookEvent) return 'unknown';
  if (event instanceof NoDataReturned) return 'no_data';
  return event.type;
}

/**
 * Calls the handler for a delivery's event and waits for it. Resolves `undefined` when no handler
 * matches; rejects with whatever the handler threw.
 */
export async function dispatchWebhookEvent(
  handlers: WebhookHandlers | WebhookHandler,
  delivery: TerraWebhookResponse,
): Promise<unknown> {
  if (typeof handlers === 'function') return handlers(delivery.event, delivery);
  const key = handlerKey(delivery.event);
  const handler = Object.hasOwn(handlers, key)
    ? (handlers as Record<string, AnyHandler | undefined>)[key]
    : undefined;
  return typeof handler === 'function' ? handler(delivery.event, delivery) : undefined;
}

/**
 * Checks a handlers argument up front, so a typo fails at start-up rather than on the first delivery.
 *
 * @throws {@link TerraInvalidArgumentError} when it is neither a function nor an object of functions.
 */
export function assertWebhookHandlers(
  handlers: unknown,
): asserts handlers is WebhookHandlers | WebhookHandler {
  if (typeof handlers === 'function') return;
  if (typeof handlers !== 'object' || handlers === null) {
    throw new TerraInvalidArgumentError(
      'handlers',
      'Webhook handlers must be a function or an object such as { sleep: (event) => ... }.',
    );
  }
  for (const [key, value] of Object.entries(handlers)) {
    if (typeof value !== 'function') {
      throw new TerraInvalidArgumentError('handlers', `The webhook handler for "${key}" is not a function.`);
    }
  }
}
