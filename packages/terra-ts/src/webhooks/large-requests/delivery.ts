import { AthleteReturned } from '../../responses/athlete-returned.js';
import { DataReturned } from '../../responses/data-returned.js';
import { NoDataReturned } from '../../responses/no-data-returned.js';
import type { TerraWebhookResponse } from '../delivery/webhook-response.js';
import { S3PayloadHookResponse } from '../events/delivery-events.js';
import type { ParsedWebhookEvent } from '../events/index.js';
import {
  LargeRequestProcessingHookResponse,
  LargeRequestSendingHookResponse,
} from '../events/request-events.js';

/** What one delivery means to the large-request tracker. */
export type LargeRequestDelivery =
  | {
      readonly kind: 'announcement';
      readonly reference: string;
      /** `expected_payloads` when the notice carries a usable count (only `large_request_sending` does). */
      readonly expected: number | undefined;
    }
  | {
      readonly kind: 'data';
      readonly reference: string;
      /**
       * What makes a retry of this delivery count once, and a relabelled replay count as what it is: the
       * SHA-256 of its signed body, else (a response built by hand) its `X-Terra-Trace-Id`, else a fresh id.
       */
      readonly deliveryId: string;
      /** Whether it may start tracking a request not seen yet. */
      readonly start: boolean;
    };

function carriesData(event: ParsedWebhookEvent): boolean {
  return (
    event instanceof DataReturned ||
    event instanceof AthleteReturned ||
    event instanceof S3PayloadHookResponse ||
    event instanceof NoDataReturned
  );
}

function expectedPayloads(event: LargeRequestSendingHookResponse | LargeRequestProcessingHookResponse) {
  const expected = (event as { expected_payloads?: unknown }).expected_payloads;
  return typeof expected === 'number' && Number.isInteger(expected) && expected >= 0 ? expected : undefined;
}

let untraced = 0;

// Deliveries without a trace id (older ones) cannot be told from their retries; each counts. The id only
// has to differ from every other instance's, since several may share one store.
function untracedId(): string {
  untraced += 1;
  return `untraced:${Date.now().toString(36)}:${Math.random().toString(36).slice(2)}:${untraced}`;
}

/**
 * Reads a verified delivery as the tracker's rules see it, or `undefined` when it belongs to no request
 * (no `terra-reference`, or an event such as `auth` that is not request data).
 */
export function largeRequestDeliveryOf(response: TerraWebhookResponse): LargeRequestDelivery | undefined {
  const event = response.event;
  if (
    event instanceof LargeRequestSendingHookResponse ||
    event instanceof LargeRequestProcessingHookResponse
  ) {
    const reference = event.reference || response.delivery.reference;
    return reference ? { kind: 'announcement', reference, expected: expectedPayloads(event) } : undefined;
  }
  const reference = response.delivery.reference;
  if (!reference || !carriesData(event)) return undefined;
  const traceId = response.delivery.traceId;
  // Everyday deliveries carry a reference too; only a chunk (trace id `<id>:chunk:<n>`) may start
  // tracking a request not announced yet, so ordinary traffic never fills a bounded store.
  const start = !traceId || traceId.includes(':chunk:');
  const deliveryId = response.bodySha256 ? `sha256:${response.bodySha256}` : (traceId ?? untracedId());
  return { kind: 'data', reference, deliveryId, start };
}
