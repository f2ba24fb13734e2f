import type { ParsedWebhookEvent } from '../events/index.js';
import type { DeliveryHeaders } from './delivery-headers.js';

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
   * The SHA-256 (hex) of the signed raw body, set by `handleWebhook` once the signature checked out. Unlike
   * the delivery headers, which the signature does not cover, it cannot be changed by whoever replays a
   * captured delivery, and it stays the same across Terra's retries (re-signed, same body): the
   * de-duplication and large-request key. `undefined` for a response built by hand.
   */
  get bodySha256(): string | undefined {
    const hash = this.#bodySha256;
    return typeof hash === 'function' ? hash() : hash;
  }
  // The hash itself, or what computes it on first read (the body is hashed only when something asks).
  readonly #bodySha256: string | (() => string) | undefined;

  /**
   * @param json - the parsed body.
   * @param event - its parsed class.
   * @param delivery - the delivery headers.
   * @param bodySha256 - the SHA-256 (hex) of the signed raw body when it was verified, or a function that
   *   computes it when first read.
   */
  constructor(
    json: Record<string, unknown>,
    event: E,
    delivery: DeliveryHeaders,
    bodySha256?: string | (() => string),
  ) {
    this.json = json;
    this.event = event;
    this.type = typeof json.type === 'string' ? json.type : '';
    this.delivery = delivery;
    this.#bodySha256 = bodySha256;
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
