import {
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  LargeRequestTracker,
  MemoryLargeRequestStore,
  type TerraWebhookResponse,
  TerraWebhooks,
  WebhookDeduplicator,
  webhookDedupeKey,
} from 'terra-ts';
import { examplePayloads } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { sleepChunk } from '../support/chunk-body.js';
import { type Running, serveFetch, serveNode } from '../support/servers.js';
import { nodeHeader, nowSeconds } from '../support/sign.js';

const SECRET = 'whsec_replay_attack_test';
const webhooks = new TerraWebhooks({ secret: SECRET });

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** One delivery as it travels: body, signature header (signed at `t`) and the unsigned delivery headers. */
interface Captured {
  body: string;
  signature: string;
}

function sign(json: object, t = nowSeconds()): Captured {
  const body = JSON.stringify(json);
  return { body, signature: nodeHeader(SECRET, t, body) };
}

async function post(
  url: string,
  delivery: Captured,
  reference: string,
  traceId: string,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    body: delivery.body,
    headers: {
      'content-type': 'application/json',
      'terra-signature': delivery.signature,
      'terra-reference': reference,
      'x-terra-trace-id': traceId,
    },
  });
  return { status: res.status, json: await res.json() };
}

const summaryOf = (response: TerraWebhookResponse) =>
  (response.json.data as { metadata: { summary_id: string } }[])[0]?.metadata.summary_id;

describe.each([
  [
    'Node',
    (handler: never, options: object) =>
      serveNode(createNodeWebhookHandler(webhooks, handler, options) as never),
  ],
  [
    'Fetch',
    (handler: never, options: object) => serveFetch(createFetchWebhookHandler(webhooks, handler, options)),
  ],
] as const)('%s adapter: a captured chunk replayed with forged X-Terra-Trace-Id values', (_name, serve) => {
  it("counts once and never shadows Terra's real chunks (dedupe and tracker key on the signed body)", async () => {
    const tracker = new LargeRequestTracker();
    const handled: string[] = [];
    const completed: string[] = [];
    const handler = (async (_event: unknown, response: TerraWebhookResponse) => {
      if (response.type === 'sleep') handled.push(summaryOf(response) as string);
      const progress = tracker.observe(response);
      if (progress?.complete) completed.push(progress.reference);
    }) as never;
    running = await serve(handler, { dedupe: new WebhookDeduplicator() });
    const R = 'ref-attacked';

    const announcement = sign({
      ...examplePayloads.large_request_sending,
      reference: R,
      expected_payloads: 3,
    });
    expect((await post(running.url, announcement, R, `${R}:sending`)).status).toBe(200);
    const chunk1 = sign(sleepChunk(R, 1));
    expect(await post(running.url, chunk1, R, `${R}:chunk:1`)).toEqual({ status: 200, json: { ok: true } });

    // The attacker re-sends chunk 1 exactly as captured (body and signature), relabelled as chunks 2 and 3.
    for (const forged of [`${R}:chunk:2`, `${R}:chunk:3`, 'anything-else']) {
      expect(await post(running.url, chunk1, R, forged)).toEqual({
        status: 200,
        json: { ok: true, duplicate: true },
      });
    }
    expect(completed).toEqual([]);
    expect(tracker.progress(R)).toMatchObject({ expected: 3, received: 1, complete: false });

    // Terra's real chunks 2 and 3, with the trace ids the attacker used first: handled, not "duplicates".
    expect(await post(running.url, sign(sleepChunk(R, 2)), R, `${R}:chunk:2`)).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(completed).toEqual([]);
    const chunk3 = sleepChunk(R, 3);
    expect(await post(running.url, sign(chunk3), R, `${R}:chunk:3`)).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(handled).toEqual([`${R}-chunk-1`, `${R}-chunk-2`, `${R}-chunk-3`]);
    expect(completed).toEqual([R]);

    // Terra's own retry of chunk 3: re-signed later, same body, same trace id: a duplicate, as it should be.
    const retry = sign(chunk3, nowSeconds() + 30);
    expect(await post(running.url, retry, R, `${R}:chunk:3`)).toEqual({
      status: 200,
      json: { ok: true, duplicate: true },
    });
    expect(handled).toHaveLength(3);
    expect(completed).toEqual([R]);
  });
});

describe('the key of a delivery', () => {
  it('is the SHA-256 of the signed body: the same under forged headers and across re-signed retries', async () => {
    const body = JSON.stringify(sleepChunk('r', 1));
    const a = await webhooks.handleWebhook(body, nodeHeader(SECRET, nowSeconds(), body), {
      'x-terra-trace-id': 'real',
    });
    const b = await webhooks.handleWebhook(
      new TextEncoder().encode(body),
      nodeHeader(SECRET, nowSeconds() - 60, body),
      {
        'x-terra-trace-id': 'forged',
      },
    );
    expect(a.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.bodySha256).toBe(a.bodySha256);
    expect(webhookDedupeKey(a)).toBe(`sha256:${a.bodySha256}`);
    expect(webhookDedupeKey(b)).toBe(webhookDedupeKey(a));
    const other = JSON.stringify(sleepChunk('r', 2));
    const c = await webhooks.handleWebhook(other, nodeHeader(SECRET, nowSeconds(), other), {
      'x-terra-trace-id': 'real',
    });
    expect(webhookDedupeKey(c)).not.toBe(webhookDedupeKey(a));
  });
});

describe('the large-request tracker on its own (no dedupe in front)', () => {
  async function verified(json: object, reference: string, traceId: string) {
    const { body, signature } = sign(json);
    return webhooks.handleWebhook(body, signature, {
      'terra-reference': reference,
      'x-terra-trace-id': traceId,
    });
  }

  it('counts a relabelled replay of a chunk once', async () => {
    const tracker = new LargeRequestTracker();
    tracker.observe(
      await verified(
        { ...examplePayloads.large_request_sending, reference: 'R', expected_payloads: 2 },
        'R',
        'R:s',
      ),
    );
    const chunk = sleepChunk('R', 1);
    expect(tracker.observe(await verified(chunk, 'R', 'R:chunk:1'))).toMatchObject({ received: 1 });
    expect(tracker.observe(await verified(chunk, 'R', 'R:chunk:2'))).toMatchObject({
      received: 1,
      complete: false,
    });
    expect(tracker.observe(await verified(sleepChunk('R', 2), 'R', 'R:chunk:2'))).toMatchObject({
      received: 2,
      complete: true,
    });
  });

  it('keeps at most maxDeliveriesPerRequest chunk ids per request (later ones are not counted)', async () => {
    const store = new MemoryLargeRequestStore({ maxDeliveriesPerRequest: 2 });
    const tracker = new LargeRequestTracker({ store });
    for (let n = 1; n <= 4; n++)
      await tracker.observeAsync(await verified(sleepChunk('B', n), 'B', `B:chunk:${n}`));
    expect(await tracker.progressAsync('B')).toMatchObject({ received: 2 });
    expect(() => new LargeRequestTracker({ store, maxDeliveriesPerRequest: 5 })).toThrow(
      /maxDeliveriesPerRequest/,
    );
    expect(() => new MemoryLargeRequestStore({ maxDeliveriesPerRequest: 0 })).toThrow(
      /maxDeliveriesPerRequest/,
    );
  });

  // What SECURITY.md says a replay inside the window can still do, shown so the document stays true.
  it('without dedupe, a replay inside the tolerance runs your handler again with the same body', async () => {
    const seen: string[] = [];
    running = await serveNode(
      createNodeWebhookHandler(
        webhooks,
        (_event, response) => void seen.push(response.bodySha256 as string),
      ) as never,
    );
    const captured = sign(sleepChunk('x', 1));
    await post(running.url, captured, 'x', 'x:1');
    await post(running.url, captured, 'x', 'x:1');
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
  });

  it('without dedupe, a replay relabelled with another terra-reference counts toward that request', async () => {
    const tracker = new LargeRequestTracker();
    tracker.observe(
      await verified(
        { ...examplePayloads.large_request_sending, reference: 'V', expected_payloads: 2 },
        'V',
        'V:s',
      ),
    );
    // A chunk of request U replayed with the unsigned terra-reference header of request V.
    expect(tracker.observe(await verified(sleepChunk('U', 1), 'V', 'V:chunk:1'))).toMatchObject({
      received: 1,
    });
  });
});
