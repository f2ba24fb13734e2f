import { LargeRequestTracker } from 'terra-ts';
import { examplePayloads } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';
import { delivery } from '../support/delivery.js';

const REF = examplePayloads.large_request_sending.reference;

describe('LargeRequestTracker', () => {
  it('reports complete once expected_payloads data events with the reference have arrived', () => {
    const tracker = new LargeRequestTracker();
    expect(tracker.observe(delivery(examplePayloads.large_request_processing))).toMatchObject({
      reference: REF,
      expected: undefined,
      complete: false,
    });
    expect(tracker.observe(delivery(examplePayloads.large_request_sending))).toEqual({
      reference: REF,
      expected: 3,
      received: 0,
      complete: false,
    });
    expect(
      tracker.observe(delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:1' })),
    ).toMatchObject({
      received: 1,
      complete: false,
    });
    // A retried chunk counts once.
    expect(
      tracker.observe(delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:1' })),
    ).toMatchObject({
      received: 1,
    });
    tracker.observe(delivery(examplePayloads.s3_payload, { reference: REF, traceId: 't:chunk:2' }));
    expect(
      tracker.observe(delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:3' })),
    ).toEqual({
      reference: REF,
      expected: 3,
      received: 3,
      complete: true,
    });
    expect(tracker.progress(REF)).toBeUndefined();
  });

  it('copes with chunks arriving before the announcement', () => {
    const tracker = new LargeRequestTracker();
    tracker.observe(delivery(examplePayloads.daily, { reference: REF, traceId: 't:chunk:1' }));
    tracker.observe(delivery(examplePayloads.daily, { reference: REF, traceId: 't:chunk:2' }));
    tracker.observe(delivery(examplePayloads.daily, { reference: REF, traceId: 't:chunk:3' }));
    expect(tracker.progress(REF)).toMatchObject({ expected: undefined, received: 3, complete: false });
    expect(tracker.observe(delivery(examplePayloads.large_request_sending))).toMatchObject({
      complete: true,
    });
  });

  it('ignores deliveries outside any request and events that carry no data', () => {
    const tracker = new LargeRequestTracker();
    expect(tracker.observe(delivery(examplePayloads.sleep))).toBeUndefined();
    expect(tracker.observe(delivery(examplePayloads.auth, { reference: REF }))).toBeUndefined();
    expect(tracker.observe(delivery({ type: 'future_event' }, { reference: REF }))).toBeUndefined();
  });

  it('keeps at most maxRequests requests', () => {
    const tracker = new LargeRequestTracker({ maxRequests: 2 });
    for (const reference of ['r1', 'r2', 'r3']) {
      tracker.observe(delivery(examplePayloads.sleep, { reference, traceId: `${reference}:chunk:1` }));
    }
    expect(tracker.progress('r1')).toBeUndefined();
    expect(tracker.progress('r3')).toMatchObject({ received: 1 });
  });
});
