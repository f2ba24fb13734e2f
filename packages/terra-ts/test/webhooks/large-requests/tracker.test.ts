import {
  LargeRequestTracker,
  MemoryLargeRequestStore,
  TerraInvalidArgumentError,
  type TerraWebhookResponse,
} from 'terra-ts';
import { examplePayloads } from 'terra-ts/testing';
import { describe, expect, it } from 'vitest';
import { delivery } from '../../support/delivery.js';

const REF = examplePayloads.large_request_sending.reference;

/** The synchronous methods and their async twins over the default in-memory store must agree. */
const paths = {
  observe: {
    observe: (tracker: LargeRequestTracker, response: TerraWebhookResponse) => tracker.observe(response),
    progress: (tracker: LargeRequestTracker, reference: string) => tracker.progress(reference),
  },
  observeAsync: {
    observe: (tracker: LargeRequestTracker, response: TerraWebhookResponse) => tracker.observeAsync(response),
    progress: (tracker: LargeRequestTracker, reference: string) => tracker.progressAsync(reference),
  },
};

describe.each(Object.keys(paths) as Array<keyof typeof paths>)('LargeRequestTracker.%s', (path) => {
  const observe = async (tracker: LargeRequestTracker, response: TerraWebhookResponse) =>
    paths[path].observe(tracker, response);
  const progress = async (tracker: LargeRequestTracker, reference: string) =>
    paths[path].progress(tracker, reference);

  it('reports complete once expected_payloads data events with the reference have arrived', async () => {
    const tracker = new LargeRequestTracker();
    expect(await observe(tracker, delivery(examplePayloads.large_request_processing))).toMatchObject({
      reference: REF,
      expected: undefined,
      complete: false,
    });
    expect(await observe(tracker, delivery(examplePayloads.large_request_sending))).toEqual({
      reference: REF,
      expected: 3,
      received: 0,
      complete: false,
    });
    expect(
      await observe(tracker, delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:1' })),
    ).toMatchObject({
      received: 1,
      complete: false,
    });
    // A retried chunk counts once.
    expect(
      await observe(tracker, delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:1' })),
    ).toMatchObject({
      received: 1,
    });
    await observe(tracker, delivery(examplePayloads.s3_payload, { reference: REF, traceId: 't:chunk:2' }));
    expect(
      await observe(tracker, delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:3' })),
    ).toEqual({
      reference: REF,
      expected: 3,
      received: 3,
      complete: true,
    });
    expect(await progress(tracker, REF)).toBeUndefined();
  });

  it('copes with chunks arriving before the announcement', async () => {
    const tracker = new LargeRequestTracker();
    await observe(tracker, delivery(examplePayloads.daily, { reference: REF, traceId: 't:chunk:1' }));
    await observe(tracker, delivery(examplePayloads.daily, { reference: REF, traceId: 't:chunk:2' }));
    await observe(tracker, delivery(examplePayloads.daily, { reference: REF, traceId: 't:chunk:3' }));
    expect(await progress(tracker, REF)).toMatchObject({ expected: undefined, received: 3, complete: false });
    expect(await observe(tracker, delivery(examplePayloads.large_request_sending))).toMatchObject({
      complete: true,
    });
  });

  it('ignores deliveries outside any request and events that carry no data', async () => {
    const tracker = new LargeRequestTracker();
    expect(await observe(tracker, delivery(examplePayloads.sleep))).toBeUndefined();
    expect(await observe(tracker, delivery(examplePayloads.auth, { reference: REF }))).toBeUndefined();
    expect(await observe(tracker, delivery({ type: 'future_event' }, { reference: REF }))).toBeUndefined();
  });

  it('keeps at most maxRequests requests', async () => {
    const tracker = new LargeRequestTracker({ maxRequests: 2 });
    for (const reference of ['r1', 'r2', 'r3']) {
      await observe(tracker, delivery(examplePayloads.sleep, { reference, traceId: `${reference}:chunk:1` }));
    }
    expect(await progress(tracker, 'r1')).toBeUndefined();
    expect(await progress(tracker, 'r3')).toMatchObject({ received: 1 });
  });

  it('keeps a request already reported complete from counting again when its chunks are retried', async () => {
    const tracker = new LargeRequestTracker();
    const announce = { ...examplePayloads.large_request_sending, expected_payloads: 1 };
    await observe(tracker, delivery(announce));
    expect(
      await observe(tracker, delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:1' })),
    ).toMatchObject({ complete: true });
    // Terra retries a chunk, or the announcement, after the request was reported: nothing is reported again.
    expect(
      await observe(tracker, delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:1' })),
    ).toBeUndefined();
    expect(await observe(tracker, delivery(announce))).toBeUndefined();
    expect(await progress(tracker, REF)).toBeUndefined();
  });

  it('counts deliveries without a trace id, each one', async () => {
    const tracker = new LargeRequestTracker();
    await observe(tracker, delivery(examplePayloads.large_request_sending));
    await observe(tracker, delivery(examplePayloads.sleep, { reference: REF }));
    expect(await observe(tracker, delivery(examplePayloads.sleep, { reference: REF }))).toMatchObject({
      received: 2,
      complete: false,
    });
  });
});

describe('LargeRequestTracker options', () => {
  it('refuses maxRequests beside a store of your own, since the store is bounded where it is built', () => {
    expect(() => new LargeRequestTracker({ store: new MemoryLargeRequestStore(), maxRequests: 5 })).toThrow(
      expect.objectContaining({ argument: 'maxRequests' }),
    );
    expect(() => new LargeRequestTracker({ store: new MemoryLargeRequestStore() })).not.toThrow();
  });

  it('refuses nonsensical TTLs and bounds with a TerraInvalidArgumentError', () => {
    expect(() => new LargeRequestTracker({ ttlSeconds: 0 })).toThrow(TerraInvalidArgumentError);
    expect(() => new LargeRequestTracker({ maxRequests: -1 })).toThrow(TerraInvalidArgumentError);
  });

  it('answers synchronously with a MemoryLargeRequestStore passed in, and shares it with the async path', async () => {
    const store = new MemoryLargeRequestStore();
    const one = new LargeRequestTracker({ store });
    const other = new LargeRequestTracker({ store });
    one.observe(delivery(examplePayloads.large_request_sending));
    await other.observeAsync(delivery(examplePayloads.sleep, { reference: REF, traceId: 't:chunk:1' }));
    expect(one.progress(REF)).toMatchObject({ expected: 3, received: 1 });
  });
});
