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
  /**
   * `x-terra-ordering-timestamp` in epoch ms; default the sandbox clock's now. Live mode passes the
   * simulated instant a record version was read at, so a late copy keeps its older timestamp.
   */
  orderingTimestamp?: number;
}

/** Told about every delivery created, with the body it was made from (before serialisation). */
export type SendListener = (delivery: Delivery, body: Record<string, unknown>) => void;

/**
 * Turns events into signed, queued deliveries. A payload is `{ type, ...body }` serialised once;
 * the very string stored on the delivery is what the receiver gets and what is signed.
 */
export class EventService {
  private readonly sendListeners = new Set<SendListener>();

  /** @param clock the sandbox's now (epoch ms): ordering timestamps and `last_webhook_update` follow it. */
  constructor(
    private readonly store: DeliveryStore,
    private readonly queue: DeliveryQueue,
    private readonly webhookUrl: () => string | undefined,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Subscribes to every delivery created from now on; returns the unsubscribe function. */
  onSend(listener: SendListener): () => void {
    this.sendListeners.add(listener);
    return () => this.sendListeners.delete(listener);
  }

  /**
   * Sends one webhook event. Without a configured webhook URL the delivery is still recorded, as
   * failed with a reason, so nothing disappears silently.
   */
  sendEvent(type: string, body: Record<string, unknown>, options: SendOptions = {}): Delivery {
    const now = Date.now();
    const sandboxNow = this.clock();
    const ordering = options.orderingTimestamp ?? sandboxNow;
    const reference = options.reference ?? randomUUID();
    const traceId = options.traceId ?? reference;
    if (options.user) options.user.last_webhook_update = terraTimestamp(sandboxNow);
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
        'x-terra-ordering-timestamp': String(ordering),
      },
      status: 'pending',
      attempts: [],
      trace_id: traceId,
      reference,
      ordering_timestamp: ordering,
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
      this.announce(delivery, body);
      return delivery;
    }
    this.store.add(delivery);
    this.announce(delivery, body);
    this.queue.enqueue(delivery);
    return delivery;
  }

  private announce(delivery: Delivery, body: Record<string, unknown>): void {
    for (const listener of this.sendListeners) listener(delivery, body);
  }
}
