import { randomUUID } from 'node:crypto';
import type { DeliveryStore } from '../state/deliveries.js';
import type { Delivery, TerraUser } from '../state/types.js';

/** What the sandbox was about to send when making its payload failed. */
export interface UndeliverableInput {
  /** Wire `type` the payload would have had (`sleep`, `athlete`, ...). */
  type: string;
  /** `terra-reference` of the request the payload belongs to. */
  reference: string;
  /** `X-Terra-Trace-Id` it would have carried (a chunk's `<reference>:chunk:<n>`). */
  traceId: string;
  user: TerraUser;
  /** Where it would have gone. */
  url: string;
  /** What went wrong while making the payload. */
  error: unknown;
}

/**
 * Records a delivery the sandbox could not make (its data generator threw): a `failed` delivery with
 * no payload and the reason as its only attempt, so the dashboard and `deliveries()` show that a
 * payload the request promised will never come, instead of it vanishing.
 */
export function recordUndeliverable(store: DeliveryStore, input: UndeliverableInput): Delivery {
  const now = Date.now();
  const created = new Date(now).toISOString();
  const reason = (input.error as Error)?.message ?? String(input.error);
  const delivery: Delivery = {
    id: randomUUID(),
    url: input.url,
    type: input.type,
    payload: '',
    headers: {
      'terra-reference': input.reference,
      'x-terra-trace-id': input.traceId,
      'x-terra-ordering-timestamp': String(now),
    },
    status: 'failed',
    attempts: [
      {
        at: created,
        error: `not sent: the sandbox could not generate this payload (${reason}); this is a sandbox bug, please report it`,
      },
    ],
    trace_id: input.traceId,
    reference: input.reference,
    ordering_timestamp: now,
    user_id: input.user.user_id,
    created_at: created,
    next_attempt_at: null,
  };
  store.add(delivery);
  return delivery;
}
