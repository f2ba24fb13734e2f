import { Hono } from 'hono';
import {
  createFetchWebhookHandler,
  type ParsedWebhookEvent,
  Terra,
  TerraInvalidArgumentError,
  TerraWebhooks,
  WebhookDeduplicator,
  type WebhookHandlers,
} from 'terra-ts';
import { examplePayloads, signTestWebhook } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { terraFor } from '../../support/terra-for.js';
import { startTestServer } from '../../support/test-server.js';
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

describe('createFetchWebhookHandler over real HTTP', () => {
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
    running = await serveFetch(createFetchWebhookHandler(webhooks, handlers));
    for (const payload of [examplePayloads.sleep, examplePayloads.auth, examplePayloads.deauth]) {
      const { body, headers } = await signTestWebhook(payload, { secret: SECRET });
      expect(await post('/', body, headers)).toEqual({ status: 200, json: { ok: true } });
    }
    expect(seen).toEqual(['sleep:1', 'auth:your-user-123']);
  });

  it('accepts a single function for every event, with the delivery headers', async () => {
    const seen: Array<[ParsedWebhookEvent['type'], string | undefined]> = [];
    running = await serveFetch(
      createFetchWebhookHandler(webhooks, (event, delivery) => {
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
    running = await serveFetch(createFetchWebhookHandler(webhooks, {}));
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
      createFetchWebhookHandler(
        webhooks,
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
      createFetchWebhookHandler(
        webhooks,
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
    running = await serveFetch(
      createFetchWebhookHandler(webhooks, { unknown: (event) => void unknown.push(event.type) }),
    );
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
      createFetchWebhookHandler(
        webhooks,
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
    expect(() => createFetchWebhookHandler(new TerraWebhooks(), {})).toThrow(/signing secret/);
    expect(() =>
      createFetchWebhookHandler(webhooks, { sleep: 'nope' } as unknown as WebhookHandlers),
    ).toThrow(/not a function/);
  });
});

describe('the webhooks argument', () => {
  it("takes a Terra client and verifies with the client's secret", async () => {
    const terra = new Terra({ apiKey: 'k', devId: 'd', secret: 'client-secret' });
    const seen: string[] = [];
    running = await serveFetch(
      createFetchWebhookHandler(terra, { sleep: (event) => void seen.push(event.type) }),
    );
    const signed = await signTestWebhook(examplePayloads.sleep, { secret: 'client-secret' });
    expect((await post('/', signed.body, signed.headers)).status).toBe(200);
    const forged = await signTestWebhook(examplePayloads.sleep, { secret: SECRET });
    expect((await post('/', forged.body, forged.headers)).status).toBe(401);
    expect(seen).toEqual(['sleep']);
  });

  it('refuses anything but a TerraWebhooks or a Terra, saying what to pass', () => {
    for (const wrong of [undefined, null, { secret: SECRET }, { sleep: () => {} }]) {
      const error = (() => {
        try {
          createFetchWebhookHandler(wrong as never, {});
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(TerraInvalidArgumentError);
      expect((error as TerraInvalidArgumentError).argument).toBe('webhooks');
      expect((error as Error).message).toMatch(/TerraWebhooks or a Terra client/);
    }
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
        createFetchWebhookHandler(
          webhooks,
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

  it("downloads with a Terra client's configured fetch and binds the event's user to the client", async () => {
    const api = await startTestServer((req) =>
      req.path === '/v2/athlete' ? { body: examplePayloads.athlete } : { body: examplePayloads.sleep },
    );
    try {
      const fetched: string[] = [];
      const terra = terraFor(api, {
        secret: SECRET,
        fetch: (input, init) => {
          fetched.push(new URL(String(input instanceof Request ? input.url : input)).pathname);
          return fetch(input, init);
        },
      });
      running = await serveFetch(
        createFetchWebhookHandler(
          terra,
          { sleep: (event) => event.user.getAthlete({ toWebhook: false }) },
          { resolveS3Payloads: true },
        ),
      );
      const pointer = { ...examplePayloads.s3_payload, url: `${api.url}/payload.json?X-Amz-Signature=s` };
      const { body, headers } = await signTestWebhook(pointer, { secret: SECRET });
      expect(await post('/', body, headers)).toEqual({ status: 200, json: { ok: true } });
      expect(fetched).toEqual(['/payload.json', '/v2/athlete']);
      expect(api.requests.map((request) => [request.path, request.query.get('user_id')])).toEqual([
        ['/payload.json', null],
        ['/v2/athlete', examplePayloads.sleep.user.user_id],
      ]);
    } finally {
      await api.close();
    }
  });

  it('answers 502 when the payload cannot be downloaded, so Terra delivers again', async () => {
    running = await serveFetch(
      createFetchWebhookHandler(webhooks, {}, { resolveS3Payloads: true, onError: () => {} }),
    );
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
    const handler = createFetchWebhookHandler(webhooks, {
      sleep: (event) => void seen.push(event.user.user_id),
    });
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
