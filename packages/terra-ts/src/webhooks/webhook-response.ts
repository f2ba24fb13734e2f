import type { DeliveryHeaders } from './delivery-headers.js';
import type { ParsedWebhookEvent } from './events/index.js';

/**
 * One verified webhook delivery: the body exactly as parsed, its typed event and its delivery headers.
 *
 * @example
 * ```ts
 * const response = await terra.handleWebhook(rawBody, request.headers.get('terra-signature'));
 * const event = response.getParsedResponse();
 * console.log(response.type, response.delivery.traceId);
 * ```
 */
export class TerraWebhookResponse<E extends ParsedWebhookEvent = ParsedWebhookEvent> {
  /** The object `JSON.parse` produced from the raw body. */
  readonly json: Record<string, unknown>;
  /** The typed event (its fields are references into {@link TerraWebhookResponse.json}). */
  readonly event: E;
  /** The wire `type` (`''` when absent). */
  readonly type: string;
  /** `terra-reference`, `X-Terra-Trace-Id` and `x-terra-ordering-timestamp`, parsed. */
  readonly delivery: DeliveryHeaders;

  /**
   * @param json - the parsed body.
   * @param event - its parsed class.
   * @param delivery - the delivery headers.
   */
  constructor(json: Record<string, unknown>, event: E, delivery: DeliveryHeaders) {
    this.json = json;
    this.event = event;
    this.type = typeof json.type === 'string' ? json.type : '';
    this.delivery = delivery;
  }

  /** The body as parsed JSON: the very object `JSON.parse` returned. */
  getJson(): Record<string, unknown> {
    return this.json;
  }

  /** The typed event. */
  getParsedResponse(): E {
    return this.event;
  }
}
