import { request as httpRequest } from 'node:http';
import {
  createFetchWebhookHandler,
  createNodeWebhookHandler,
  DEFAULT_MAX_WEBHOOK_BODY_BYTES,
  TerraInvalidArgumentError,
  TerraWebhooks,
  WebhookVerificationError,
} from 'terra-ts';
import { afterEach, describe, expect, it } from 'vitest';
import { type Running, serveFetch, serveNode } from '../webhooks/support/servers.js';
import { nodeHeader, nowSeconds } from '../webhooks/support/sign.js';
import { CANARY_WEBHOOK_SECRET } from './support/canary.js';

const webhooks = new TerraWebhooks({ secret: CANARY_WEBHOOK_SECRET });
const LIMIT = 64 * 1024;

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A signed body of about `size` bytes. */
function signedBody(size: number): { body: string; header: string } {
  const body = JSON.stringify({ type: 'healthcheck', status: 'success', pad: 'x'.repeat(size) });
  return { body, header: nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), body) };
}

/** Streams `total` bytes in chunks without a content-length (chunked encoding); resolves with the status or the error code. */
function streamChunked(url: string, total: number): Promise<number | string> {
  return new Promise((resolve) => {
    // A well-formed, current header (for another body): it passes the checks made before the body is read.
    const header = nodeHeader(CANARY_WEBHOOK_SECRET, nowSeconds(), 'another body');
    const req = httpRequest(url, { method: 'POST', headers: { 'terra-signature': header } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    const chunk = Buffer.alloc(16 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

const adapters = {
  node: (
    handlers: Parameters<typeof createNodeWebhookHandler>[1],
    options: Parameters<typeof createNodeWebhookHandler>[2],
  ) => serveNode(createNodeWebhookHandler(webhooks, handlers, options) as never),
  fetch: (
    handlers: Parameters<typeof createFetchWebhookHandler>[1],
    options: Parameters<typeof createFetchWebhookHandler>[2],
  ) => serveFetch(createFetchWebhookHandler(webhooks, handlers, options)),
};

describe.each(Object.entries(adapters))('the %s adapter limits the body it reads', (_name, serve) => {
  it('accepts a body at the limit and answers 413 to a longer one without calling the handler', async () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    running = await serve(() => void seen.push('handled'), {
      maxBodyBytes: LIMIT,
      onError: (error) => errors.push(error),
    });
    const small = signedBody(LIMIT - 200);
    const ok = await fetch(running.url, {
      method: 'POST',
      headers: { 'terra-signature': small.header },
      body: small.body,
    });
    expect(ok.status).toBe(200);
    const big = signedBody(LIMIT + 1);
    const refused = await fetch(running.url, {
      method: 'POST',
      headers: { 'terra-signature': big.header },
      body: big.body,
    });
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ error: 'payload_too_large' });
    expect(seen).toEqual(['handled']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(WebhookVerificationError);
    expect((errors[0] as WebhookVerificationError).reason).toBe('payload_too_large');
    expect((errors[0] as Error).message).toContain('maxBodyBytes');
  });

  it('stops reading a chunked body with no content-length once it passes the limit', async () => {
    const errors: unknown[] = [];
    let handled = 0;
    running = await serve(() => void handled++, {
      maxBodyBytes: LIMIT,
      onError: (error) => errors.push(error),
    });
    // Far beyond the limit: either the 413 arrives, or the server closes the connection mid-upload.
    const outcome = await streamChunked(running.url, 8 * LIMIT);
    expect(outcome === 413 || typeof outcome === 'string').toBe(true);
    for (let wait = 0; errors.length === 0 && wait < 100; wait++) await new Promise((r) => setTimeout(r, 20));
    expect((errors[0] as WebhookVerificationError).reason).toBe('payload_too_large');
    expect(handled).toBe(0);
  });
});

describe('the maxBodyBytes option', () => {
  it("defaults to 100 MiB, enough for Terra's largest deliveries", () => {
    expect(DEFAULT_MAX_WEBHOOK_BODY_BYTES).toBe(100 * 1024 * 1024);
  });

  it.each([0, -1, 1.5, Number.NaN, '10' as unknown as number])('refuses %s with a clear error', (value) => {
    expect(() => createNodeWebhookHandler(webhooks, () => {}, { maxBodyBytes: value })).toThrow(
      TerraInvalidArgumentError,
    );
    expect(() => createFetchWebhookHandler(webhooks, () => {}, { maxBodyBytes: value })).toThrow(
      /maxBodyBytes/,
    );
  });

  it('takes Infinity to switch the limit off', () => {
    expect(() =>
      createNodeWebhookHandler(webhooks, () => {}, { maxBodyBytes: Number.POSITIVE_INFINITY }),
    ).not.toThrow();
  });
});
