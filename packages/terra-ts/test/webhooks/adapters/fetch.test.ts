import { Hono } from 'hono';
import { type ParsedWebhookEvent, TerraWebhooks, WebhookDeduplicator, type WebhookHandlers } from 'terra-ts';
import { examplePayloads, signTestWebhook } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Running, serveFetch, serveNode } from '../support/servers.js';
import { nodeHeader, nowSeconds } from '../support/sign.js';

const SECRET = 'fetch-adapter-secret';
const webhooks = new TerraWebhooks({ secret: SECRET });
let running: Running | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${running?.url}${path}`, { method: 'POST', body, headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('fetchHandler over real HTTP', () => {
  it('dispatches each event to the handler for its type and answers 200', async () => {
    const seen: string[] = [];
    const handlers: WebhookHandlers = {
      sleep: (event) => {
        seen.push(`sleep:${event.data.length}`);
      },
      auth: (event) => {
        seen.push(`auth:${event.reference_id}`);
      },
    };
    running = await serveFetch(webhooks.fetchHandler(handlers));
    for (const payload of [examplePayloads.sleep, examplePayloads.auth, examplePayloads.deauth]) {
      const { body, headers } = await signTestWebhook(payload, { secret: SECRET });
      expect(await post('/', body, headers)).toEqual({ status: 200, json: { ok: true } });
    }
    expect(seen).toEqual(['sleep:1', 'auth:your-user-123']);
  });

  it('accepts a single function for every event, with the delivery headers', async () => {
    const seen: Array<[ParsedWebhookEvent['type'], string | undefined]> = [];
    running = await serveFetch(
      webhooks.fetchHandler((event, delivery) => {
        seen.push([event.type, delivery.delivery.traceId]);
      }),
    );
    const { body, headers } = await signTestWebhook(examplePayloads.activity, {
      secret: SECRET,
      headers: { 'x-terra-trace-id': 'trace-1' },
    });
    expect((await post('/', body, headers)).status).toBe(200);
    expect(seen).toEqual([['activity', 'trace-1']]);
  });

  it('answers 405 to anything but POST, 400 to a missing or malformed header, 401 to a bad signature', async () => {
    running = await serveFetch(webhooks.fetchHandler({}));
    const body = JSON.stringify(examplePayloads.sleep);
    const get = await fetch(running.url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await post('/', body, {})).toMatchObject({ status: 400, json: { error: 'missing_header' } });
    expect(await post('/', body, { 'terra-signature': 'nonsense' })).toMatchObject({
      status: 400,
      json: { error: 'malformed_header' },
    });
    const wrong = nodeHeader('another-secret', nowSeconds(), body);
    expect(await post('/', body, { 'x-terra-signature': wrong })).toMatchObject({
      status: 401,
      json: { error: 'signature_mismatch' },
    });
    const stale = nodeHeader(SECRET, nowSeconds() - 3600, body);
    expect(await post('/', body, { 'terra-signature': stale })).toMatchObject({
      status: 401,
      json: { error: 'timestamp_too_old' },
    });
  });

  it('answers 500 only when the user handler throws, without leaking its message', async () => {
    const errors: unknown[] = [];
    running = await serveFetch(
      webhooks.fetchHandler(
        {
          sleep: () => {
            throw new Error('database down: password=hunter2');
          },
        },
        { onError: (error) => errors.push(error) },
      ),
    );
    const { body, headers } = await signTestWebhook(examplePayloads.sleep, { secret: SECRET });
    const result = await post('/', body, headers);
    expect(result).toEqual({
      status: 500,
      json: { error: 'handler_failed', message: 'The webhook handler threw; Terra will retry.' },
    });
    expect(errors).toHaveLength(1);
  });

  it('still answers when the onError callback itself throws', async () => {
    running = await serveFetch(
      webhooks.fetchHandler(
        {
          sleep: () => {
            throw new Error('handler');
          },
        },
        {
          onError: () => {
            throw new Error('logger down');
          },
        },
      ),
    );
    const { body, headers } = await signTestWebhook(examplePayloads.sleep, { secret: SECRET });
    expect((await post('/', body, headers)).status).toBe(500);
    expect((await post('/', body, {})).status).toBe(400);
  });

  it('acknowledges unknown event types and types without a handler', async () => {
    const unknown: string[] = [];
    running = await serveFetch(webhooks.fetchHandler({ unknown: (event) => void unknown.push(event.type) }));
    for (const payload of [{ type: 'brand_new_event', foo: 1 }, examplePayloads.hormone]) {
      const { body, headers } = await signTestWebhook(payload, { secret: SECRET });
      expect((await post('/', body, headers)).status).toBe(200);
    }
    expect(unknown).toEqual(['brand_new_event']);
  });

  it('runs a delivery once when de-duplication is on, even when two copies arrive together', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    running = await serveFetch(
      webhooks.fetchHandler(
        {
          sleep: async () => {
            calls += 1;
            await gate;
          },
        },
        { dedupe: new WebhookDeduplicator() },
      ),
    );
    const { body, headers } = await signTestWebhook(examplePayloads.sleep, {
      secret: SECRET,
      headers: { 'x-terra-trace-id': 'dup-1' },
    });
    const first = post('/', body, headers);
    // Wait until the first copy is inside the handler, then send the concurrent duplicate.
    while (calls === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await post('/', body, headers);
    release();
    expect(second).toMatchObject({ status: 409, json: { error: 'in_progress' } });
    expect(await first).toEqual({ status: 200, json: { ok: true } });
    expect(await post('/', body, headers)).toEqual({ status: 200, json: { ok: true, duplicate: true } });
    expect(calls).toBe(1);
  });

  it('fails at start-up without a secret or with a handler that is not a function', () => {
    expect(() => new TerraWebhooks().fetchHandler({})).toThrow(/signing secret/);
    expect(() => webhooks.fetchHandler({ sleep: 'nope' } as unknown as WebhookHandlers)).toThrow(
      /not a function/,
    );
  });
});

describe('resolveS3Payloads', () => {
  it('downloads an s3_payload and dispatches the data event it stands for, with the original delivery headers', async () => {
    const bucket = await serveNode((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(examplePayloads.activity));
    });
    const seen: unknown[] = [];
    try {
      running = await serveFetch(
        webhooks.fetchHandler(
          {
            activity: (event, delivery) => void seen.push([event.data.length, delivery.delivery.traceId]),
            s3_payload: () => void seen.push('not resolved'),
          },
          { resolveS3Payloads: true },
        ),
      );
      const pointer = { ...examplePayloads.s3_payload, url: `${bucket.url}/payload.json?X-Amz-Signature=s` };
      const { body, headers } = await signTestWebhook(pointer, {
        secret: SECRET,
        headers: { 'x-terra-trace-id': 'tr' },
      });
      expect(await post('/', body, headers)).toEqual({ status: 200, json: { ok: true } });
      expect(seen).toEqual([[1, 'tr']]);
    } finally {
      await bucket.close();
    }
  });

  it('answers 502 when the payload cannot be downloaded, so Terra delivers again', async () => {
    running = await serveFetch(webhooks.fetchHandler({}, { resolveS3Payloads: true, onError: () => {} }));
    const pointer = { ...examplePayloads.s3_payload, url: 'http://127.0.0.1:1/gone.json' };
    const { body, headers } = await signTestWebhook(pointer, { secret: SECRET });
    expect(await post('/', body, headers)).toMatchObject({
      status: 502,
      json: { error: 'payload_download_failed' },
    });
  });
});

describe('Hono', () => {
  it('serves the fetch handler from a Hono route via c.req.raw', async () => {
    const seen: string[] = [];
    const handler = webhooks.fetchHandler({ sleep: (event) => void seen.push(event.user.user_id) });
    const app = new Hono();
    app.post('/webhooks/terra', (c) => handler(c.req.raw));
    running = await serveFetch((request) => app.fetch(request));
    const { body, headers } = await signTestWebhook(examplePayloads.sleep, { secret: SECRET });
    expect(await post('/webhooks/terra', body, headers)).toEqual({ status: 200, json: { ok: true } });
    expect((await post('/webhooks/terra', body, { ...headers, 'terra-signature': 't=1' })).status).toBe(400);
    expect(seen).toEqual([examplePayloads.sleep.user.user_id]);
  });

  it('verifies after a Hono middleware already read the body as text', async () => {
    const app = new Hono();
    app.post('/webhooks/terra', async (c) => {
      const raw = await c.req.text();
      const delivery = await webhooks.handleWebhook(raw, c.req.header('terra-signature'), c.req.raw.headers);
      return c.json({ type: delivery.type });
    });
    running = await serveFetch((request) => app.fetch(request));
    const { body, headers } = await signTestWebhook(examplePayloads.daily, { secret: SECRET });
    expect(await post('/webhooks/terra', body, headers)).toEqual({ status: 200, json: { type: 'daily' } });
  });
});
