import { createHmac } from 'node:crypto';
import {
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  LargeRequestTracker,
  type TerraWebhookResponse,
  TerraWebhooks,
  WebhookDeduplicator,
} from 'terra-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { wireUser } from '../support/terra-for.js';
import { type Running, serveFetch, serveNode } from '../webhooks/support/servers.js';
import { CANARY_WEBHOOK_SECRET } from './support/canary.js';
import { scaled } from './support/long.js';

const DELIVERIES = scaled(1_000, 5_000);
const IN_FLIGHT = 64;
const TOLERANCE = 300;

interface Send {
  body: string;
  headers: Record<string, string>;
  /** A genuine delivery (or a duplicate of one) that must be handled; else a replay that must be refused. */
  genuine: boolean;
  traceId: string;
}

function sign(body: string, t: number): string {
  return `t=${t},v1=${createHmac('sha256', CANARY_WEBHOOK_SECRET).update(`${t}.`).update(body).digest('hex')}`;
}

/** A seeded shuffle, so a failure can be reproduced. */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * The traffic: large requests (a `large_request_sending` notice and its chunks), single data events,
 * duplicates of about a fifth of them (Terra delivers at least once), and replays of captured deliveries
 * signed long before the tolerance, all shuffled so chunks arrive out of order.
 */
function traffic(
  total: number,
  now: number,
): { sends: Send[]; genuineIds: Set<string>; references: Map<string, number> } {
  const sends: Send[] = [];
  const genuineIds = new Set<string>();
  const references = new Map<string, number>();
  const user = wireUser();
  const add = (json: object, traceId: string, reference: string) => {
    const body = JSON.stringify(json);
    const headers = {
      'content-type': 'application/json',
      'terra-signature': sign(body, now),
      'x-terra-trace-id': traceId,
      'terra-reference': reference,
    };
    sends.push({ body, headers, genuine: true, traceId });
    genuineIds.add(traceId);
  };
  let n = 0;
  while (genuineIds.size < total) {
    n++;
    if (n % 10 === 0) {
      const reference = `ref-${n}`;
      const chunks = 1 + (n % 6);
      references.set(reference, chunks);
      add(
        {
          type: 'large_request_sending',
          user,
          // Terra's notice names its reference (a required field), so each notice's body is its own.
          reference,
          expected_payloads: chunks,
          status: 'success',
          message: 'sending',
        },
        `${reference}:sending`,
        reference,
      );
      for (let c = 1; c <= chunks; c++) {
        add(
          { type: 'sleep', user, data: [{ chunk: c, reference }], version: '2022-03-16' },
          `${reference}:chunk:${c}`,
          reference,
        );
      }
    } else {
      add(
        { type: n % 3 === 0 ? 'activity' : 'daily', user, data: [{ n }], version: '2022-03-16' },
        `trace-${n}`,
        `single-${n}`,
      );
    }
  }
  const originals = [...sends];
  for (let i = 0; i < originals.length; i += 5) sends.push({ ...(originals[i] as Send) });
  // Replays: a captured delivery re-sent with its old signature, an hour and a day outside the tolerance.
  for (let i = 0; i < originals.length; i += 7) {
    const original = originals[i] as Send;
    const t = now - (i % 2 === 0 ? 3_600 : 86_400);
    sends.push({
      ...original,
      headers: { ...original.headers, 'terra-signature': sign(original.body, t) },
      genuine: false,
    });
  }
  return { sends: shuffle(sends, total), genuineIds, references };
}

/** Sends everything with `IN_FLIGHT` at once; a 409 (still being handled) is sent again later, as Terra would. */
async function deliverAll(
  url: string,
  sends: Send[],
): Promise<{ statuses: Map<string, number[]>; retriedAfter409: number }> {
  const queue = [...sends];
  const statuses = new Map<string, number[]>();
  let retriedAfter409 = 0;
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const res = await fetch(url, { method: 'POST', headers: item.headers, body: item.body });
      await res.arrayBuffer();
      if (res.status === 409) {
        retriedAfter409++;
        queue.push(item);
        continue;
      }
      const key = item.genuine ? 'genuine' : 'replay';
      statuses.set(key, [...(statuses.get(key) ?? []), res.status]);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { statuses, retriedAfter409 };
}

const adapters = {
  node: (
    webhooks: TerraWebhooks,
    handler: (event: unknown, delivery: TerraWebhookResponse) => Promise<void>,
    dedupe: WebhookDeduplicator,
  ) => serveNode(createNodeWebhookHandler(webhooks, handler as never, { dedupe }) as never),
  fetch: (
    webhooks: TerraWebhooks,
    handler: (event: unknown, delivery: TerraWebhookResponse) => Promise<void>,
    dedupe: WebhookDeduplicator,
  ) => serveFetch(createFetchWebhookHandler(webhooks, handler as never, { dedupe })),
};

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe.each(Object.keys(adapters) as Array<keyof typeof adapters>)('%s adapter under load', (name) => {
  it(`${DELIVERIES} deliveries with duplicates, out-of-order chunks and replays, ${IN_FLIGHT} in flight: each genuine one handled exactly once`, async () => {
    const now = Math.floor(Date.now() / 1000);
    const { sends, genuineIds, references } = traffic(DELIVERIES, now);
    const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET, toleranceSeconds: TOLERANCE });
    const tracker = new LargeRequestTracker();
    const handled = new Map<string, number>();
    const completed = new Map<string, number>();
    const handler = async (_event: unknown, delivery: TerraWebhookResponse) => {
      const traceId = delivery.delivery.traceId as string;
      handled.set(traceId, (handled.get(traceId) ?? 0) + 1);
      const progress = tracker.observe(delivery);
      if (progress?.complete) completed.set(progress.reference, (completed.get(progress.reference) ?? 0) + 1);
      // A little work, so copies of one delivery overlap while the first is still running.
      await new Promise((resolve) => setTimeout(resolve, traceId.length % 3));
    };
    running = await adapters[name](webhooks, handler, new WebhookDeduplicator());
    const { statuses } = await deliverAll(running.url, sends);

    const genuineSends = sends.filter((s) => s.genuine).length;
    const replays = sends.length - genuineSends;
    expect(statuses.get('genuine')).toHaveLength(genuineSends);
    expect(new Set(statuses.get('genuine'))).toEqual(new Set([200]));
    expect(statuses.get('replay')).toHaveLength(replays);
    expect(new Set(statuses.get('replay'))).toEqual(new Set([401]));
    // Exactly once per trace id: nothing dropped, nothing handled twice.
    expect(handled.size).toBe(genuineIds.size);
    expect([...handled.values()].every((count) => count === 1)).toBe(true);
    expect([...handled.keys()].every((id) => genuineIds.has(id))).toBe(true);
    // Every large request is reported complete exactly once, whatever order its chunks came in.
    expect(completed).toEqual(new Map([...references.keys()].map((reference) => [reference, 1])));
  }, 180_000);
});
