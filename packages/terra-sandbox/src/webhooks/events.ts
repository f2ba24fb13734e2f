import { randomUUID } from 'node:crypto';
import type { DeliveryStore } from '../state/deliveries.js';
import { terraTimestamp } from '../state/time.js';
import type { Delivery, TerraUser } from '../state/types.js';
import type { DeliveryQueue } from './delivery-queue.js';

/** Where a delivery belongs: `reference` ties a data request's payloads together. */
export interface SendOptions {
  /** `terra-reference`; a fresh UUID when omitted. */
  reference?: string;
  /** `X-Terra-Trace-Id`; the reference when omitted. */
  traceId?: string;
  /** The user the event is about (also stamped with `last_webhook_update`). */
  user?: TerraUser;
}

/**
 * Turns events into signed, queued deliveries. A payload is `{ type, ...body }` serialised once;
 * the very string stored on the delivery is what the receiver gets and what is signed.
 */
export class EventService {
  constructor(
    private readonly store: DeliveryStore,
    private readonly queue: DeliveryQueue,
    private readonly webhookUrl: () => string | undefined,
  ) {}

  /**
   * Sends one webhook event. Without a configured webhook URL the delivery is still recorded, as
   * failed with a reason, so nothing disappears silently.
   */
  sendEvent(type: string, body: Record<string, unknown>, options: SendOptions = {}): Delivery {
    const now = Date.now();
    const reference = options.reference ?? randomUUID();
    const traceId = options.traceId ?? reference;
    if (options.user) options.user.last_webhook_update = terraTimestamp(now);
    const payload = JSON.stringify({ type, ...body });
    const url = this.webhookUrl();
    const delivery: Delivery = {
      id: randomUUID(),
      url: url ?? '',
      type,
      payload,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'terra-sandbox',
        'terra-reference': reference,
        'x-terra-trace-id': traceId,
        'x-terra-ordering-timestamp': String(now),
      },
      status: 'pending',
      attempts: [],
      trace_id: traceId,
      reference,
      ordering_timestamp: now,
      user_id: options.user?.user_id ?? null,
      created_at: new Date(now).toISOString(),
      next_attempt_at: null,
    };
    if (url === undefined) {
      delivery.status = 'failed';
      delivery.attempts.push({
        at: delivery.created_at,
        error: 'no webhook URL configured; set one with --webhook-url or PUT /sandbox/api/webhook-url',
      });
      this.store.add(delivery);
      return delivery;
    }
    this.store.add(delivery);
    this.queue.enqueue(delivery);
    return delivery;
  }
}
