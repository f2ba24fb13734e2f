import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AuthenticationError,
  InternalServerError,
  RateLimitError,
  Terra,
  TerraAbortError,
  TerraConnectionError,
  type TerraOptions,
  TerraResponseParseError,
  TerraTimeoutError,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';
import { terraFor } from '../support/terra-for.js';
import { type Reply, startTestServer, TEST_API_KEY } from '../support/test-server.js';
import { useTestServer } from '../support/use-test-server.js';

const server = useTestServer();

const PROVIDERS = { status: 'success', providers: ['GARMIN'], sdk_providers: ['APPLE'] };

/** Answers with each reply in turn, then repeats the last. */
function sequence(...replies: Reply[]) {
  let i = 0;
  server.setHandler(() => replies[Math.min(i++, replies.length - 1)] as Reply);
}

// Every behaviour below must hold on both transports: node:http (the default on Node) and fetch (the
// default elsewhere, and whatever fetch a caller passes).
describe.each([
  { transport: 'node:http, the default on Node', options: {} },
  { transport: 'fetch, when one is passed', options: { fetch: globalThis.fetch } },
])('over $transport', ({ options }) => {
  const client = (more: TerraOptions = {}) => terraFor(server, { ...options, ...more });

  describe('retries', () => {
    it('retries a GET on 500, 502, 503 and 408 and returns the eventual success', async () => {
      sequence({ status: 500 }, { status: 502 }, { status: 503 }, { status: 408 }, { body: PROVIDERS });
      const res = await client({ maxRetries: 4 }).listProviders();
      expect(res.getParsedResponse().providers).toEqual(['GARMIN']);
      expect(server.requests).toHaveLength(5);
    });

    it('gives up after maxRetries and throws the last error', async () => {
      sequence({
        status: 500,
        body: { type: 'about:blank', title: 'internal server error', instance: '/v2/integrations' },
      });
      await expect(client({ maxRetries: 2 }).listProviders()).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(3);
    });

    it('lets one call override maxRetries', async () => {
      sequence({ status: 500 });
      await expect(client().listProviders({ maxRetries: 0 })).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(1);
    });

    it('does not retry other 4xx statuses', async () => {
      sequence({
        status: 401,
        body: { type: 'about:blank', title: 'unauthorized', instance: '/v2/integrations' },
      });
      await expect(client().listProviders()).rejects.toBeInstanceOf(AuthenticationError);
      expect(server.requests).toHaveLength(1);
    });

    it('honours Retry-After in seconds instead of its own backoff', async () => {
      // With an hour of backoff, the test could only finish if Retry-After: 0 was used.
      sequence(
        { status: 429, headers: { 'retry-after': '0', 'x-terra-ratelimit-rule': 'r2' } },
        { body: PROVIDERS },
      );
      const terra = client({ retryBaseDelayMs: 3_600_000, maxRetryDelayMs: 3_600_000 });
      await terra.listProviders();
      expect(server.requests).toHaveLength(2);
    });

    it('honours Retry-After as an HTTP date', async () => {
      const past = new Date(Date.now() - 10_000).toUTCString();
      sequence({ status: 503, headers: { 'retry-after': past } }, { body: PROVIDERS });
      const terra = client({ retryBaseDelayMs: 3_600_000, maxRetryDelayMs: 3_600_000 });
      await terra.listProviders();
      expect(server.requests).toHaveLength(2);
    });

    it('fails at once when Retry-After is beyond maxRetryAfterSeconds, reporting the wait', async () => {
      sequence({ status: 429, headers: { 'retry-after': '1800', 'x-terra-ratelimit-rule': 'r2' } });
      const error = await client()
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.rule).toBe('r2');
      expect(error.retryAfterSeconds).toBe(1800);
      expect(server.requests).toHaveLength(1);
    });

    it('never retries a 429 for rule r1 and says to split the range', async () => {
      sequence({
        status: 429,
        headers: { 'x-terra-ratelimit-rule': 'r1' },
        body: { detail: 'rate limit exceeded' },
      });
      const error = await client()
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect(error.rule).toBe('r1');
      expect(error.message).toMatch(/1,825 days/);
      expect(error.message).toMatch(/split/);
      expect(server.requests).toHaveLength(1);
    });

    it('does not repeat a non-idempotent POST after a 500 (it may have been done)', async () => {
      sequence({ status: 500 });
      await expect(client().generateAuthToken()).rejects.toBeInstanceOf(InternalServerError);
      expect(server.requests).toHaveLength(1);
    });

    it('repeats a POST after a 503 or 429, which Terra rejects before acting', async () => {
      sequence(
        { status: 503 },
        { status: 429, headers: { 'retry-after': '0' } },
        { body: { status: 'success', token: 't' } },
      );
      const res = await client().generateAuthToken();
      expect(res.getParsedResponse().token).toBe('t');
      expect(server.requests).toHaveLength(3);
    });

    it('retries a read-only POST (bulkUserInfo) like a GET', async () => {
      sequence({ status: 500 }, { body: [] });
      await client().bulkUserInfo(['u1']);
      expect(server.requests).toHaveLength(2);
    });

    it('retries a dropped connection on a GET', async () => {
      sequence({ drop: true }, { body: PROVIDERS });
      await client().listProviders();
      expect(server.requests).toHaveLength(2);
    });

    it('throws TerraConnectionError when nothing listens, after retrying', async () => {
      const closed = await startTestServer();
      const terra = terraFor(closed, options);
      await closed.close();
      const error = await terra.listProviders().catch((e) => e);
      expect(error).toBeInstanceOf(TerraConnectionError);
      expect(error.message).toMatch(/ECONNREFUSED/);
    });
  });

  describe('timeouts and cancellation', () => {
    it('throws TerraTimeoutError when an attempt exceeds timeoutMs', async () => {
      sequence({ delayMs: 5_000, body: PROVIDERS });
      const error = await client({ timeoutMs: 50, maxRetries: 1 })
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraTimeoutError);
      expect(error).toBeInstanceOf(TerraConnectionError);
      expect(error.timeoutMs).toBe(50);
      expect(server.requests).toHaveLength(2);
    });

    it('applies the timeout to the body too, not only to the headers', async () => {
      sequence({ stallAfterBytes: 5, body: PROVIDERS });
      const error = await client({ timeoutMs: 100, maxRetries: 0 })
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraTimeoutError);
    });

    it('closes the connection of an attempt that timed out, so a stalled server cannot pin sockets', async () => {
      let closed = 0;
      const stalling = createServer((req, res) => {
        req.socket.once('close', () => closed++);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"sta');
      });
      await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
      const { port } = stalling.address() as AddressInfo;
      const terra = new Terra({
        ...options,
        apiKey: 'k',
        devId: 'd',
        baseUrl: `http://127.0.0.1:${port}/v2`,
        timeoutMs: 50,
        maxRetries: 1,
      });
      const error = await terra.listProviders().catch((e) => e);
      expect(error).toBeInstanceOf(TerraTimeoutError);
      const deadline = Date.now() + 5_000;
      while (closed < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(closed).toBe(2);
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    });

    it('reports a body cut off mid-way as a connection error', async () => {
      sequence({ cutAfterBytes: 5, body: PROVIDERS });
      const error = await client({ maxRetries: 0 })
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraConnectionError);
    });

    it('rejects with TerraAbortError when the signal aborts mid-request, without retrying', async () => {
      sequence({ delayMs: 5_000, body: PROVIDERS });
      const controller = new AbortController();
      const pending = client().listProviders({ signal: controller.signal });
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      controller.abort(new Error('user left'));
      const error = await pending.catch((e) => e);
      expect(error).toBeInstanceOf(TerraAbortError);
      expect(error.cause).toEqual(new Error('user left'));
      expect(server.requests).toHaveLength(1);
    });

    it('does not send anything when the signal is already aborted', async () => {
      const error = await client()
        .listProviders({ signal: AbortSignal.abort() })
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraAbortError);
      expect(server.requests).toHaveLength(0);
    });

    it('stops waiting between retries when aborted', async () => {
      sequence({ status: 503 });
      const controller = new AbortController();
      const terra = client({ retryBaseDelayMs: 3_600_000, maxRetryDelayMs: 3_600_000 });
      const pending = terra.listProviders({ signal: controller.signal });
      while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      await expect(pending).rejects.toBeInstanceOf(TerraAbortError);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('2xx bodies that are not what Terra sends', () => {
    it('reports an HTML page with a hint about baseUrl', async () => {
      sequence({
        headers: { 'content-type': 'text/html' },
        body: '<!doctype html><html><body>Login</body></html>',
      });
      const error = await client()
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraResponseParseError);
      expect(error.status).toBe(200);
      expect(error.message).toMatch(/HTML/);
      expect(error.message).toMatch(/baseUrl/);
      expect(error.bodyExcerpt).toContain('<!doctype html>');
    });

    it('reports truncated JSON', async () => {
      sequence({ body: '{"status":"success","providers":["GAR' });
      const error = await client()
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraResponseParseError);
      expect(error.message).toMatch(/cut short/);
    });

    it('reports plain text', async () => {
      sequence({ body: 'OK' });
      await expect(client().listProviders()).rejects.toBeInstanceOf(TerraResponseParseError);
    });

    it('reports an empty body', async () => {
      sequence({ body: '' });
      const error = await client()
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraResponseParseError);
      expect(error.message).toMatch(/empty/);
    });

    it('reports JSON of the wrong shape', async () => {
      sequence({ body: [1, 2, 3] });
      const error = await client()
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraResponseParseError);
      expect(error.message).toMatch(/unexpected shape/);
    });

    it('keeps the API key out of the excerpt even if the body echoes it', async () => {
      sequence({ body: `<html>${TEST_API_KEY}</html>` });
      const error = await client()
        .listProviders()
        .catch((e) => e);
      expect(error.bodyExcerpt).not.toContain(TEST_API_KEY);
      expect(error.bodyExcerpt).toContain('[redacted]');
    });
  });

  describe('TerraApiResponse', () => {
    it('keeps the text of a body up to 1 MiB exactly, and lets a larger one go once parsed', async () => {
      // Pretty-printed, so the exact text and a re-serialisation differ.
      const small = JSON.stringify(PROVIDERS, null, 2);
      sequence({ body: small, headers: { 'content-type': 'application/json' } });
      expect((await client().listProviders()).rawBody).toBe(small);
      const many = { ...PROVIDERS, providers: Array.from({ length: 60_000 }, (_, i) => `PROVIDER_${i}`) };
      const large = JSON.stringify(many, null, 2);
      expect(large.length).toBeGreaterThan(1024 * 1024);
      sequence({ body: large, headers: { 'content-type': 'application/json' } });
      const res = await client().listProviders();
      expect(res.getParsedResponse().providers).toHaveLength(60_000);
      expect(res.rawBody).toBe(JSON.stringify(many));
    });

    it('exposes status, headers, the raw body, the JSON object and the parsed class', async () => {
      const raw = JSON.stringify(PROVIDERS);
      sequence({ body: raw, headers: { 'content-type': 'application/json', 'terra-reference': 'ref-123' } });
      const res = await client().listProviders();
      expect(res.status).toBe(200);
      expect(res.headers.get('terra-reference')).toBe('ref-123');
      expect(res.reference).toBe('ref-123');
      expect(res.rawBody).toBe(raw);
      expect(res.getJson()).toEqual(PROVIDERS);
      // The parsed class wraps the very objects JSON.parse produced.
      expect(res.getParsedResponse().json).toBe(res.getJson());
      expect(res.getParsedResponse().providers).toBe(res.getJson().providers);
    });

    it('reads the X-Terra-RateLimit headers', async () => {
      sequence({
        body: PROVIDERS,
        headers: {
          'x-terra-ratelimit-limit': '6000',
          'x-terra-ratelimit-remaining': '5635',
          'x-terra-ratelimit-reset-after': '1200',
        },
      });
      const res = await client().listProviders();
      expect(res.rateLimit).toEqual({
        limit: 6000,
        remaining: 5635,
        resetAfterSeconds: 1200,
        rule: undefined,
      });
    });

    it('leaves rate-limit fields undefined when Terra does not send them', async () => {
      sequence({ body: PROVIDERS });
      const res = await client().listProviders();
      expect(res.rateLimit).toEqual({
        limit: undefined,
        remaining: undefined,
        resetAfterSeconds: undefined,
        rule: undefined,
      });
      expect(res.reference).toBeUndefined();
    });
  });
});
