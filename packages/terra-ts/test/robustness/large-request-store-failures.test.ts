import {
  createFetchWebhookHandler,
  type LargeRequestProgress,
  type LargeRequestStore,
  LargeRequestStoreError,
  LargeRequestTracker,
  TerraError,
  type TerraWebhookResponse,
  TerraWebhooks,
  WebhookDeduplicator,
} from 'terra-ts';
import { examplePayloads } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { delivery } from '../support/delivery.js';
import { sleepChunk } from '../webhooks/support/chunk-body.js';
import { MapLargeRequestStore } from '../webhooks/support/map-large-request-store.js';
import { type Running, serveFetch } from '../webhooks/support/servers.js';
import { postSignedDelivery } from '../webhooks/support/sign.js';

// What a store's own error might say: it must never be copied into ours.
const STORE_ERROR_TEXT = 'connect ECONNRESET redis://default:hunter2@cache.internal:6379';

function announcement(reference: string, expected: number): TerraWebhookResponse {
  const body = { ...examplePayloads.large_request_sending, reference, expected_payloads: expected };
  return delivery(body, { reference, traceId: `${reference}:sending` });
}

function chunk(reference: string, n: number): TerraWebhookResponse {
  return delivery(examplePayloads.sleep, { reference, traceId: `${reference}:chunk:${n}` });
}

/** `store`, except that `operation` throws (as a rejected promise) its first `times` calls. */
function failing(store: LargeRequestStore, operation: keyof LargeRequestStore, times = 1) {
  let left = times;
  const fail = () => {
    if (left <= 0) return false;
    left -= 1;
    return true;
  };
  const wrapped: LargeRequestStore = {
    addDelivery: (...args) =>
      operation === 'addDelivery' && fail()
        ? Promise.reject(new Error(STORE_ERROR_TEXT))
        : store.addDelivery(...args),
    announce: (...args) =>
      operation === 'announce' && fail()
        ? Promise.reject(new Error(STORE_ERROR_TEXT))
        : store.announce(...args),
    claimCompletion: (...args) =>
      operation === 'claimCompletion' && fail()
        ? Promise.reject(new Error(STORE_ERROR_TEXT))
        : store.claimCompletion(...args),
    get: (...args) =>
      operation === 'get' && fail() ? Promise.reject(new Error(STORE_ERROR_TEXT)) : store.get(...args),
  };
  return wrapped;
}

async function storeError(promise: Promise<unknown>): Promise<LargeRequestStoreError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(LargeRequestStoreError);
  expect(error).toBeInstanceOf(TerraError);
  return error as LargeRequestStoreError;
}

describe('a large request store that fails', () => {
  it('surfaces addDelivery’s failure as a LargeRequestStoreError, and the retried delivery is counted', async () => {
    const shared = new MapLargeRequestStore();
    const tracker = new LargeRequestTracker({ store: failing(shared, 'addDelivery') });
    await tracker.observeAsync(announcement('ref', 1));
    const error = await storeError(tracker.observeAsync(chunk('ref', 1)));
    expect(error).toMatchObject({ operation: 'addDelivery', reference: 'ref' });
    expect((error.cause as Error).message).toBe(STORE_ERROR_TEXT);
    expect(error.message).toContain('may not have been counted');
    expect(error.message).toContain('non-2xx');
    expect(await tracker.progressAsync('ref')).toMatchObject({ received: 0 });
    // Terra retries the delivery it was refused.
    expect(await tracker.observeAsync(chunk('ref', 1))).toMatchObject({ received: 1, complete: true });
  });

  it('reports a completion whose claim failed when Terra retries that delivery, on any instance, once', async () => {
    const shared = new MapLargeRequestStore();
    const a = new LargeRequestTracker({ store: failing(shared, 'claimCompletion') });
    const b = new LargeRequestTracker({ store: shared });
    await a.observeAsync(announcement('ref', 2));
    await a.observeAsync(chunk('ref', 1));
    const error = await storeError(a.observeAsync(chunk('ref', 2)));
    expect(error).toMatchObject({ operation: 'claimCompletion', reference: 'ref' });
    expect(error.message).toContain('retry');
    // The delivery was recorded; only the report is outstanding.
    expect(await b.progressAsync('ref')).toMatchObject({ received: 2, complete: true });
    const results = [await b.observeAsync(chunk('ref', 2)), await a.observeAsync(chunk('ref', 2))];
    expect(results.map((progress) => progress?.complete)).toEqual([true, undefined]);
  });

  it('records an announcement whose first attempt failed when it is retried', async () => {
    const tracker = new LargeRequestTracker({ store: failing(new MapLargeRequestStore(), 'announce') });
    await tracker.observeAsync(chunk('ref', 1));
    expect(await storeError(tracker.observeAsync(announcement('ref', 1)))).toMatchObject({
      operation: 'announce',
    });
    expect(await tracker.observeAsync(announcement('ref', 1))).toMatchObject({ complete: true });
  });

  it('surfaces a failed read from progressAsync', async () => {
    const tracker = new LargeRequestTracker({ store: failing(new MapLargeRequestStore(), 'get') });
    expect(await storeError(tracker.progressAsync('ref'))).toMatchObject({
      operation: 'get',
      reference: 'ref',
    });
  });

  it('turns a store method that throws synchronously into the same rejected LargeRequestStoreError', async () => {
    const store: LargeRequestStore = {
      addDelivery: () => {
        throw new TypeError(STORE_ERROR_TEXT);
      },
      announce: async () => ({ expected: 1, received: 0, reported: false }),
      claimCompletion: async () => false,
      get: async () => undefined,
    };
    const tracker = new LargeRequestTracker({ store });
    const pending = tracker.observeAsync(chunk('ref', 1));
    expect((await storeError(pending)).cause).toBeInstanceOf(TypeError);
  });

  it('never puts the store’s own error text in the message, string or JSON of the error', async () => {
    const tracker = new LargeRequestTracker({ store: failing(new MapLargeRequestStore(), 'addDelivery') });
    const error = await storeError(tracker.observeAsync(chunk('ref', 1)));
    for (const rendering of [error.message, String(error), JSON.stringify(error)]) {
      expect(rendering).not.toContain('hunter2');
    }
  });
});

describe('a large request store that answers out of contract', () => {
  const store = (answers: Partial<Record<keyof LargeRequestStore, unknown>>): LargeRequestStore => {
    const fallback = new MapLargeRequestStore();
    const answer =
      <K extends keyof LargeRequestStore>(name: K) =>
      (...args: Parameters<LargeRequestStore[K]>) =>
        name in answers
          ? Promise.resolve(answers[name])
          : (fallback[name] as (...a: Parameters<LargeRequestStore[K]>) => Promise<unknown>)(...args);
    return {
      addDelivery: answer('addDelivery'),
      announce: answer('announce'),
      claimCompletion: answer('claimCompletion'),
      get: answer('get'),
    } as LargeRequestStore;
  };

  it('is refused with a LargeRequestStoreError naming the operation and the shape it must resolve', async () => {
    const cases: Array<[Partial<Record<keyof LargeRequestStore, unknown>>, TerraWebhookResponse]> = [
      [{ addDelivery: { count: 3 } }, chunk('ref', 1)],
      [{ addDelivery: { expected: 2, received: '1', reported: false } }, chunk('ref', 1)],
      [{ announce: undefined }, announcement('ref', 2)],
      [{ announce: { expected: -1, received: 0, reported: false } }, announcement('ref', 2)],
    ];
    for (const [answers, response] of cases) {
      const operation = Object.keys(answers)[0];
      const error = await storeError(
        new LargeRequestTracker({ store: store(answers) }).observeAsync(response),
      );
      expect(error.operation).toBe(operation);
      expect(error.message).toContain(`${operation} answered`);
      expect(error.message).toContain('received: number');
    }
  });

  it('refuses a claim that is not a boolean, since "OK" or 1 cannot say which caller won', async () => {
    for (const claim of ['OK', 1, undefined]) {
      const tracker = new LargeRequestTracker({ store: store({ claimCompletion: claim }) });
      await tracker.observeAsync(announcement('ref', 1));
      const error = await storeError(tracker.observeAsync(chunk('ref', 1)));
      expect(error.operation).toBe('claimCompletion');
      expect(error.message).toContain('true');
    }
  });

  it('takes null from addDelivery and get as an unknown request, as databases tend to say it', async () => {
    const tracker = new LargeRequestTracker({ store: store({ addDelivery: null, get: null }) });
    expect(
      await tracker.observeAsync(delivery(examplePayloads.daily, { reference: 'x', traceId: 't' })),
    ).toBeUndefined();
    expect(await tracker.progressAsync('x')).toBeUndefined();
  });
});

describe('a store failure inside a webhook handler, over real HTTP', () => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('is answered 500 so Terra retries, and the retry completes the request exactly once', async () => {
    const secret = 'large-request-store-secret';
    const tracker = new LargeRequestTracker({
      store: failing(new MapLargeRequestStore(), 'claimCompletion'),
    });
    const completed: LargeRequestProgress[] = [];
    const errors: unknown[] = [];
    const handler = async (_event: unknown, response: TerraWebhookResponse) => {
      const progress = await tracker.observeAsync(response);
      if (progress?.complete) completed.push(progress);
    };
    running = await serveFetch(
      createFetchWebhookHandler(new TerraWebhooks({ secret }), handler, {
        dedupe: new WebhookDeduplicator(),
        onError: (error) => errors.push(error),
      }),
    );
    const send = (json: object, reference: string, traceId: string) =>
      postSignedDelivery(running?.url as string, json, { secret, reference, traceId });
    const sending = { ...examplePayloads.large_request_sending, reference: 'ref', expected_payloads: 2 };
    expect(await send(sending, 'ref', 'ref:sending')).toBe(200);
    expect(await send(sleepChunk('ref', 1), 'ref', 'ref:chunk:1')).toBe(200);
    expect(await send(sleepChunk('ref', 2), 'ref', 'ref:chunk:2')).toBe(500);
    expect(completed).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ operation: 'claimCompletion', reference: 'ref' })]);
    // Terra's retry of the refused delivery, then a stray duplicate of it.
    expect(await send(sleepChunk('ref', 2), 'ref', 'ref:chunk:2')).toBe(200);
    expect(await send(sleepChunk('ref', 2), 'ref', 'ref:chunk:2')).toBe(200);
    expect(completed).toEqual([{ reference: 'ref', expected: 2, received: 2, complete: true }]);
  });
});
