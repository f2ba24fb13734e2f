import { type DeliveryHeaders, parseWebhookEvent, TerraWebhookResponse } from 'terra-ts';

/**
 * A received webhook as the handlers see it: a private copy of `payload` (so tests can change it),
 * parsed, with the delivery headers given (none by default).
 */
export function delivery(payload: object, headers: Partial<DeliveryHeaders> = {}) {
  const json = structuredClone(payload) as Record<string, unknown>;
  return new TerraWebhookResponse(json, parseWebhookEvent(json), {
    reference: undefined,
    traceId: undefined,
    orderingTimestamp: undefined,
    ...headers,
  });
}
