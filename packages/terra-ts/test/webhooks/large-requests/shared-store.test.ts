import {
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  LargeRequestTracker,
  type TerraWebhookResponse,
  TerraWebhooks,
  WebhookDeduplicator,
} from 'terra-ts';
import { examplePayloads } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { delivery } from '../../support/delivery.js';
import { sleepChunk } from '../support/chunk-body.js';
import { MapLargeRequestStore, seededRandom } from '../support/map-large-request-store.js';
import { type Running, serveFetch, serveNode } from '../support/servers.js';
import { postSignedDelivery } from '../support/sign.js';

function announcement(reference: string, expected: number): TerraWebhookResponse {
  const body = { ...examplePayloads.large_request_sending, reference, expected_payloads: expected };
  return delivery(body, { reference, traceId: `${reference}:sending` });
}

function chunk(reference: string, n: number): TerraWebhookResponse {
  return delivery(examplePayloads.sleep, { reference, traceId: `${reference}:chunk:${n}` });
}

/** Two instances (two serverless functions, say), each with its own tracker, sharing one store. */
function twoInstances(store = new MapLargeRequestStore()) {
  return { store, a: new LargeRequestTracker({ store }), b: new LargeRequestTracker({ store }) };
}

function completions(results: Array<{ complete: boolean } | undefined>): number {
  return results.filter((progress) => progress?.complete).length;
}

describe('two trackers sharing one store', () => {
  it('count chunks split between them and report the request complete once, on the last chunk', async () => {
    const { a, b } = twoInstances();
    expect(await a.observeAsync(announcement('ref', 4))).toMatchObject({ expected: 4, received: 0 });
    expect(await a.observeAsync(chunk('ref', 1))).toMatchObject({ received: 1, complete: false });
    expect(await b.observeAsync(chunk('ref', 2))).toMatchObject({ received: 2, complete: false });
    expect(await a.observeAsync(chunk('ref', 3))).toMatchObject({ received: 3, complete: false });
    expect(await b.observeAsync(chunk('ref', 4))).toEqual({
      reference: 'ref',
      expected: 4,
      received: 4,
      complete: true,
    });
    expect(await a.progressAsync('ref')).toBeUndefined();
    expect(await b.progressAsync('ref')).toBeUndefined();
  });

  it('each see the other’s progress', async () => {
    const { a, b } = twoInstances();
    await a.observeAsync(chunk('ref', 2));
    await b.observeAsync(chunk('ref', 1));
    expect(await a.progressAsync('ref')).toEqual({
      reference: 'ref',
      expected: undefined,
      received: 2,
      complete: false,
    });
  });

  it('report completion on the announcement when every chunk came first, out of order, across both', async () => {
    const { a, b } = twoInstances();
    for (const [tracker, n] of [
      [b, 3],
      [a, 1],
      [b, 2],
    ] as const) {
      expect(await tracker.observeAsync(chunk('ref', n))).toMatchObject({ complete: false });
    }
    expect(await a.observeAsync(announcement('ref', 3))).toMatchObject({ received: 3, complete: true });
  });

  it('count a chunk retried on the other instance once', async () => {
    const { a, b } = twoInstances();
    await a.observeAsync(announcement('ref', 2));
    await a.observeAsync(chunk('ref', 1));
    expect(await b.observeAsync(chunk('ref', 1))).toMatchObject({ received: 1, complete: false });
    expect(await b.observeAsync(chunk('ref', 2))).toMatchObject({ received: 2, complete: true });
    // A retry of a chunk after the request was reported reports nothing, on either instance.
    expect(await a.observeAsync(chunk('ref', 2))).toBeUndefined();
    expect(await b.observeAsync(announcement('ref', 2))).toBeUndefined();
  });

  it('report once when the last chunk and its retry reach both instances at the same moment', async () => {
    const { store, a, b } = twoInstances();
    await a.observeAsync(announcement('ref', 2));
    await a.observeAsync(chunk('ref', 1));
    const results = await Promise.all([a.observeAsync(chunk('ref', 2)), b.observeAsync(chunk('ref', 2))]);
    expect(completions(results)).toBe(1);
    // Both saw the request reach its count before either claimed it: the claim decided.
    expect(store.calls.slice(-4)).toEqual([
      'addDelivery ref ref:chunk:2',
      'addDelivery ref ref:chunk:2',
      'claimCompletion ref',
      'claimCompletion ref',
    ]);
  });

  it('report once when the last chunk and the announcement arrive together on different instances', async () => {
    const { a, b } = twoInstances();
    await a.observeAsync(chunk('ref', 1));
    const results = await Promise.all([
      b.observeAsync(chunk('ref', 2)),
      a.observeAsync(announcement('ref', 2)),
    ]);
    expect(completions(results)).toBe(1);
  });

  it('report every request exactly once whatever the interleaving (seeded shuffles, duplicates, 2-5 chunks)', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const { a, b } = twoInstances(new MapLargeRequestStore(() => Math.floor(random() * 4)));
      const sends: TerraWebhookResponse[] = [];
      const expected = new Map<string, number>();
      for (let r = 0; r < 4; r++) {
        const reference = `seed-${seed}-ref-${r}`;
        const chunks = 2 + Math.floor(random() * 4);
        expected.set(reference, chunks);
        sends.push(announcement(reference, chunks));
        for (let n = 1; n <= chunks; n++) sends.push(chunk(reference, n));
      }
      // Terra delivers at least once: about a third of the deliveries come twice.
      for (const send of [...sends]) if (random() < 0.35) sends.push(send);
      for (let i = sends.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [sends[i], sends[j]] = [sends[j] as TerraWebhookResponse, sends[i] as TerraWebhookResponse];
      }
      const results = await Promise.all(sends.map((send) => (random() < 0.5 ? a : b).observeAsync(send)));
      const reported = new Map<string, number>();
      for (const progress of results) {
        if (!progress?.complete) continue;
        reported.set(progress.reference, (reported.get(progress.reference) ?? 0) + 1);
        expect(progress.received, `seed ${seed}`).toBe(expected.get(progress.reference));
      }
      expect(reported, `seed ${seed}`).toEqual(
        new Map([...expected.keys()].map((reference) => [reference, 1])),
      );
    }
  });

  it('never start tracking from an ordinary delivery, so everyday traffic leaves the shared store alone', async () => {
    const { store, a, b } = twoInstances();
    for (let i = 0; i < 20; i++) {
      const tracker = i % 2 === 0 ? a : b;
      const ordinary = delivery(examplePayloads.daily, { reference: `single-${i}`, traceId: `trace-${i}` });
      expect(await tracker.observeAsync(ordinary)).toBeUndefined();
    }
    expect(store.rows.size).toBe(0);
  });

  it('refuse the synchronous methods, which cannot wait for a store of your own', () => {
    const { a } = twoInstances();
    expect(() => a.observe(chunk('ref', 1))).toThrow(
      expect.objectContaining({ argument: 'store', message: expect.stringContaining('observeAsync') }),
    );
    expect(() => a.progress('ref')).toThrow(
      expect.objectContaining({ argument: 'store', message: expect.stringContaining('progressAsync') }),
    );
  });
});

describe('two webhook endpoints behind a load balancer, sharing one store over real HTTP', () => {
  const running: Running[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.close()));
  });

  it('report each large request complete exactly once, whichever endpoint each chunk reached', async () => {
    const secret = 'shared-store-secret';
    const store = new MapLargeRequestStore();
    const completed: string[] = [];
    // Each instance has its own tracker and its own in-memory dedupe, as separate processes would.
    const instance = () => {
      const tracker = new LargeRequestTracker({ store });
      const handler = async (_event: unknown, response: TerraWebhookResponse) => {
        const progress = await tracker.observeAsync(response);
        if (progress?.complete) completed.push(progress.reference);
      };
      return { handler, options: { dedupe: new WebhookDeduplicator() } };
    };
    const webhooks = new TerraWebhooks({ secret });
    const node = instance();
    const fetchInstance = instance();
    running.push(
      await serveNode(createNodeWebhookHandler(webhooks, node.handler, node.options) as never),
      await serveFetch(createFetchWebhookHandler(webhooks, fetchInstance.handler, fetchInstance.options)),
    );
    const random = seededRandom(7);
    const sends: Array<{ json: object; reference: string; traceId: string }> = [];
    for (let r = 0; r < 6; r++) {
      const reference = `http-ref-${r}`;
      const chunks = 1 + (r % 4);
      sends.push({
        json: { ...examplePayloads.large_request_sending, reference, expected_payloads: chunks },
        reference,
        traceId: `${reference}:sending`,
      });
      for (let n = 1; n <= chunks; n++)
        sends.push({ json: sleepChunk(reference, n), reference, traceId: `${reference}:chunk:${n}` });
    }
    for (const send of [...sends]) if (random() < 0.3) sends.push(send);
    for (let i = sends.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [sends[i], sends[j]] = [sends[j] as (typeof sends)[number], sends[i] as (typeof sends)[number]];
    }
    const statuses = await Promise.all(
      sends.map(({ json, reference, traceId }) =>
        postSignedDelivery((running[random() < 0.5 ? 0 : 1] as Running).url, json, {
          secret,
          reference,
          traceId,
        }),
      ),
    );
    // 409: a copy still being handled on the same instance; Terra would retry it, and it would count once.
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(completed.sort()).toEqual(Array.from({ length: 6 }, (_, r) => `http-ref-${r}`));
  });
});
