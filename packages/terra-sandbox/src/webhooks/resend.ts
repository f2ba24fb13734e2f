import { randomUUID } from 'node:crypto';
import { HttpProblem, notFound } from '../http/problem.js';
import type { DeliveryStore } from '../state/deliveries.js';
import type { Delivery } from '../state/types.js';
import type { DeliveryQueue } from './delivery-queue.js';

/** What resending needs from the sandbox. */
export interface ResendContext {
  deliveries: DeliveryStore;
  queue: DeliveryQueue;
  webhookUrl: string | undefined;
  /** The sandbox clock's now (epoch ms): the copy's ordering timestamp. */
  now(): number;
}

/**
 * Sends a delivered or failed delivery again as a new delivery: the very payload bytes, the same type,
 * `terra-reference` and trace id, signed afresh at each attempt, to the webhook URL configured now.
 * A delivery still pending or retrying, or one that never had a payload, is a 409; an unknown id a 404.
 */
export function resendDelivery(sandbox: ResendContext, id: string): Delivery {
  const original = sandbox.deliveries.get(id);
  if (!original) throw notFound(`no delivery with id ${id}; it may have been dropped to keep memory bounded`);
  if (original.status !== 'delivered' && original.status !== 'failed') {
    throw new HttpProblem(
      409,
      `delivery ${id} is still ${original.status}; resend it once it is delivered or failed`,
    );
  }
  if (original.payload === '') {
    throw new HttpProblem(409, `delivery ${id} has no payload to resend: the sandbox could not generate it`);
  }
  const url = sandbox.webhookUrl;
  if (url === undefined) {
    throw new HttpProblem(
      409,
      'no webhook URL is configured; set one with --webhook-url or PUT /sandbox/api/webhook-url, then resend',
    );
  }
  const now = Date.now();
  const ordering = sandbox.now();
  const { 'terra-signature': _a, 'x-terra-signature': _b, ...headers } = original.headers;
  const copy: Delivery = {
    ...original,
    id: randomUUID(),
    url,
    headers: { ...headers, 'x-terra-ordering-timestamp': String(ordering) },
    status: 'pending',
    attempts: [],
    ordering_timestamp: ordering,
    created_at: new Date(now).toISOString(),
    next_attempt_at: null,
  };
  sandbox.deliveries.add(copy);
  sandbox.queue.enqueue(copy);
  return copy;
}
