import express from 'express';
import Fastify from 'fastify';
import { createNodeWebhookHandler, TerraWebhooks } from 'terra-ts';
import { examplePayloads, signTestWebhook } from 'terra-ts/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Running, serveNode } from '../support/servers.js';

const SECRET = 'node-adapter-secret';
const webhooks = new TerraWebhooks({ secret: SECRET });
let running: Running | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function deliver(
  path: string,
  payload: object = examplePayloads.sleep,
  extra: Record<string, string> = {},
) {
  const { body, headers } = await signTestWebhook(payload, { secret: SECRET, headers: extra });
  const response = await fetch(`${running?.url}${path}`, { method: 'POST', body, headers });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function recorder() {
  const seen: string[] = [];
  const handler = createNodeWebhookHandler(webhooks, {
    sleep: (event, delivery) => void seen.push(`${event.type}:${delivery.delivery.reference ?? '-'}`),
  });
  return { seen, handler };
}

describe('createNodeWebhookHandler on node:http', () => {
  it('reads the body stream itself and answers 200', async () => {
    const { seen, handler } = recorder();
    running = await serveNode(handler);
    expect(await deliver('/', examplePayloads.sleep, { 'terra-reference': 'ref-7' })).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(seen).toEqual(['sleep:ref-7']);
  });

  it('answers 405 to GET and 401 to a tampered body', async () => {
    const { handler } = recorder();
    running = await serveNode(handler);
    const get = await fetch(running.url);
    expect(get.status).toBe(405);
    const { body, headers } = await signTestWebhook(examplePayloads.sleep, { secret: SECRET });
    const changed = await fetch(running.url, {
      method: 'POST',
      body: body.replace('"sleep"', '"Sleep"'),
      headers,
    });
    expect(changed.status).toBe(401);
  });
});

describe('createNodeWebhookHandler on Express', () => {
  it('works with express.raw on the webhook route', async () => {
    const { seen, handler } = recorder();
    const app = express();
    app.post('/webhooks/terra', express.raw({ type: 'application/json' }), handler);
    running = await listen(app.listen(0, '127.0.0.1'));
    expect((await deliver('/webhooks/terra')).status).toBe(200);
    expect(seen).toEqual(['sleep:-']);
  });

  it('works without any body parser, reading the stream', async () => {
    const { seen, handler } = recorder();
    const app = express();
    app.post('/webhooks/terra', handler);
    running = await listen(app.listen(0, '127.0.0.1'));
    expect((await deliver('/webhooks/terra')).status).toBe(200);
    expect(seen).toEqual(['sleep:-']);
  });

  it('answers 400 payload_not_raw, explaining express.raw, when express.json parsed the body first', async () => {
    const { seen, handler } = recorder();
    const errors: unknown[] = [];
    const app = express();
    app.use(express.json());
    app.post(
      '/webhooks/terra',
      createNodeWebhookHandler(webhooks, {}, { onError: (error) => errors.push(error) }),
    );
    app.post('/other', handler);
    running = await listen(app.listen(0, '127.0.0.1'));
    const result = await deliver('/webhooks/terra');
    expect(result.status).toBe(400);
    expect(result.json.error).toBe('payload_not_raw');
    expect(String(result.json.message)).toMatch(/express\.raw/);
    expect(errors).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it('handleExpressWebhook returns the parsed delivery inside a route', async () => {
    const app = express();
    app.post('/webhooks/terra', express.raw({ type: '*/*' }), async (req, res) => {
      const delivery = await webhooks.handleExpressWebhook(req);
      res.json({ type: delivery.type, user: delivery.json.user });
    });
    running = await listen(app.listen(0, '127.0.0.1'));
    expect(await deliver('/webhooks/terra', examplePayloads.auth)).toEqual({
      status: 200,
      json: { type: 'auth', user: examplePayloads.auth.user },
    });
  });
});

describe('createNodeWebhookHandler on Fastify', () => {
  it('works with a parseAs buffer JSON parser in the route scope', async () => {
    const { seen, handler } = recorder();
    const app = Fastify();
    await app.register(async (scope) => {
      scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) =>
        done(null, body),
      );
      scope.post('/webhooks/terra', (request, reply) => handler(request, reply));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    running = { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
    expect(await deliver('/webhooks/terra')).toEqual({ status: 200, json: { ok: true } });
    expect(seen).toEqual(['sleep:-']);
  });

  it('answers 400 payload_not_raw when Fastify’s default JSON parser ran', async () => {
    const app = Fastify();
    const handler = createNodeWebhookHandler(webhooks, {}, { onError: () => {} });
    app.post('/webhooks/terra', (request, reply) => handler(request, reply));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address() as { port: number };
    running = { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
    const result = await deliver('/webhooks/terra');
    expect(result.status).toBe(400);
    expect(result.json.error).toBe('payload_not_raw');
    expect(String(result.json.message)).toMatch(/parseAs/);
  });
});
