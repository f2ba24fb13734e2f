import { isLargeRange, monthChunks } from '../data/date-range.js';
import { type RecordSource, recordsInRange } from '../data/records.js';
import type { DataType } from '../data/source.js';
import type { DeliveryStore } from '../state/deliveries.js';
import type { TerraUser } from '../state/types.js';
import type { DeliveryQueue } from './delivery-queue.js';
import { largeRequestProcessingBody, largeRequestSendingBody, PAYLOAD_VERSION } from './event-payloads.js';
import type { EventService } from './events.js';
import { recordUndeliverable } from './undeliverable.js';

/** What delivering requested data needs of the sandbox (the runtime is one). */
export interface DataDeliveryHost extends RecordSource {
  /** Where a payload that could not be made is recorded as failed. */
  readonly deliveries: DeliveryStore;
  /** The receiver, named in a failed delivery. */
  readonly webhookUrl: string | undefined;
  /** Where payloads are sent. */
  readonly events: Pick<EventService, 'sendEvent'>;
  /** The queue a large request's chunks wait their turn on. */
  readonly queue: Pick<DeliveryQueue, 'isClosed' | 'idle'>;
  /** A user's athlete profile. */
  athlete(user: TerraUser): unknown;
}

function collect(batches: Iterable<unknown[]>): unknown[] {
  const out: unknown[] = [];
  for (const batch of batches) for (const item of batch) out.push(item);
  return out;
}

/**
 * Makes a payload and sends it; when making it throws (a generator bug), records a failed delivery
 * with the reason instead, so the request's payload is never lost silently.
 */
function sendGenerated(
  sandbox: DataDeliveryHost,
  type: string,
  make: () => Record<string, unknown>,
  options: { reference: string; traceId?: string; user: TerraUser },
): void {
  let body: Record<string, unknown>;
  try {
    body = make();
  } catch (error) {
    recordUndeliverable(sandbox.deliveries, {
      type,
      reference: options.reference,
      traceId: options.traceId ?? options.reference,
      user: options.user,
      url: sandbox.webhookUrl ?? '',
      error,
    });
    return;
  }
  sandbox.events.sendEvent(type, body, options);
}

/**
 * Delivers the data of a `to_webhook=true` request. A range up to one calendar month is one
 * payload; a larger one announces itself (`large_request_processing`, then `large_request_sending`
 * with `expected_payloads`) and follows with one payload per month, all sharing the request's
 * `terra-reference`, each chunk traced as `<reference>:chunk:<n>` (n from 1). A payload whose data
 * cannot be generated becomes a failed delivery with the reason; the other payloads still go. Chunks
 * are made one at a time, as the queue gets through them (see {@link sendChunksInTurn}).
 */
export function deliverData(
  sandbox: DataDeliveryHost,
  type: DataType,
  user: TerraUser,
  range: { startMs: number; endMs: number },
  withSamples: boolean,
  reference: string,
): void {
  const { events } = sandbox;
  if (!isLargeRange(range)) {
    sendGenerated(
      sandbox,
      type,
      () => ({
        data: collect(recordsInRange(sandbox, type, user, range, withSamples)),
        user,
        version: PAYLOAD_VERSION,
      }),
      { reference, user },
    );
    return;
  }
  events.sendEvent('large_request_processing', largeRequestProcessingBody(user, reference), {
    reference,
    traceId: `${reference}:processing`,
    user,
  });
  const chunks = monthChunks(range);
  events.sendEvent('large_request_sending', largeRequestSendingBody(user, reference, chunks.length), {
    reference,
    traceId: `${reference}:sending`,
    user,
  });
  sendChunksInTurn(sandbox, type, user, chunks, withSamples, reference).catch((err: unknown) => {
    process.stderr.write(
      `terra-sandbox: ${type} delivery ${reference} failed: ${(err as Error)?.stack ?? String(err)}\n`,
    );
  });
}

/**
 * Makes and sends a large request's monthly chunks one at a time: the next month is generated only once
 * the queue has attempted everything before it, so a multi-year backfill holds about one chunk's payload
 * in memory instead of all of them at once. Stops when the sandbox closes.
 */
async function sendChunksInTurn(
  sandbox: DataDeliveryHost,
  type: DataType,
  user: TerraUser,
  chunks: readonly { startMs: number; endMs: number }[],
  withSamples: boolean,
  reference: string,
): Promise<void> {
  for (const [i, chunk] of chunks.entries()) {
    if (sandbox.queue.isClosed()) return;
    if (i > 0) await sandbox.queue.idle();
    if (sandbox.queue.isClosed()) return;
    sendGenerated(
      sandbox,
      type,
      () => ({
        data: collect(recordsInRange(sandbox, type, user, chunk, withSamples)),
        user,
        version: PAYLOAD_VERSION,
      }),
      { reference, traceId: `${reference}:chunk:${i + 1}`, user },
    );
  }
}

/** Delivers the athlete profile of a `to_webhook=true` `/athlete` request. */
export function deliverAthlete(sandbox: DataDeliveryHost, user: TerraUser, reference: string): void {
  sendGenerated(
    sandbox,
    'athlete',
    () => ({ athlete: sandbox.athlete(user), user, version: PAYLOAD_VERSION }),
    {
      reference,
      user,
    },
  );
}
