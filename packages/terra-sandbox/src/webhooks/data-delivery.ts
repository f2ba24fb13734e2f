import { isLargeRange, monthChunks } from '../data/date-range.js';
import { recordsInRange } from '../data/records.js';
import type { DataType } from '../data/source.js';
import type { SandboxRuntime } from '../runtime.js';
import type { TerraUser } from '../state/types.js';
import { largeRequestProcessingBody, largeRequestSendingBody, PAYLOAD_VERSION } from './event-payloads.js';

function collect(batches: Iterable<unknown[]>): unknown[] {
  const out: unknown[] = [];
  for (const batch of batches) for (const item of batch) out.push(item);
  return out;
}

/**
 * Delivers the data of a `to_webhook=true` request. A range up to one calendar month is one
 * payload; a larger one announces itself (`large_request_processing`, then `large_request_sending`
 * with `expected_payloads`) and follows with one payload per month, all sharing the request's
 * `terra-reference`, each chunk traced as `<reference>:chunk:<n>` (n from 1).
 */
export function deliverData(
  sandbox: SandboxRuntime,
  type: DataType,
  user: TerraUser,
  range: { startMs: number; endMs: number },
  withSamples: boolean,
  reference: string,
): void {
  const { events } = sandbox;
  if (!isLargeRange(range)) {
    const data = collect(recordsInRange(sandbox, type, user, range, withSamples));
    events.sendEvent(type, { data, user, version: PAYLOAD_VERSION }, { reference, user });
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
  chunks.forEach((chunk, i) => {
    const data = collect(recordsInRange(sandbox, type, user, chunk, withSamples));
    events.sendEvent(
      type,
      { data, user, version: PAYLOAD_VERSION },
      { reference, traceId: `${reference}:chunk:${i + 1}`, user },
    );
  });
}

/** Delivers the athlete profile of a `to_webhook=true` `/athlete` request. */
export function deliverAthlete(sandbox: SandboxRuntime, user: TerraUser, reference: string): void {
  sandbox.events.sendEvent(
    'athlete',
    { athlete: sandbox.athlete(user), user, version: PAYLOAD_VERSION },
    { reference, user },
  );
}
