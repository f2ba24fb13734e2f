import { type Sandbox, startSandbox } from 'terra-sandbox';
import {
  InternalServerError,
  RateLimitError,
  Terra,
  TerraAbortError,
  TerraConnectionError,
  type TerraOptions,
  TerraResponseParseError,
  TerraTimeoutError,
  Workouts,
} from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { CANARY_API_KEY, CANARY_DEV_ID, CANARY_WEBHOOK_SECRET } from './support/canary.js';
import { faultingFetch, unhandledRejectionsDuring } from './support/counting-fetch.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    apiKey: CANARY_API_KEY,
    devId: CANARY_DEV_ID,
    secret: CANARY_WEBHOOK_SECRET,
  });
});
afterAll(() => sandbox.close());

function client(fetchImpl: typeof fetch, options: TerraOptions = {}): Terra {
  return new Terra({
    apiKey: CANARY_API_KEY,
    devId: CANARY_DEV_ID,
    baseUrl: sandbox.baseUrl,
    fetch: fetchImpl,
    retryBaseDelayMs: 1,
    maxRetryDelayMs: 5,
    ...options,
  });
}

/** Faults the first `n` attempts with `spec`, then lets the rest through. */
const burst = (spec: string, n: number) => faultingFetch((attempt) => (attempt < n ? spec : undefined));

describe('fault injection through the sandbox', () => {
  it('a 5xx burst shorter than the retry budget is ridden out; a longer one fails with the last status', async () => {
    const short = burst('status=503', 2);
    const ok = await client(short.fetch, { maxRetries: 2 }).listProviders();
    expect(ok.status).toBe(200);
    expect(short.attempts()).toBe(3);

    const long = burst('status=502', 5);
    const error = await client(long.fetch, { maxRetries: 2 })
      .listProviders()
      .catch((e) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.status).toBe(502);
    expect(long.attempts()).toBe(3);
  });

  it('a non-idempotent POST is not repeated after a 500 or a dropped connection, but is after a 503', async () => {
    for (const [spec, attempts] of [
      ['status=500', 1],
      ['drop', 1],
      ['status=503', 3],
    ] as const) {
      const faults = burst(spec, 10);
      await new Workouts(client(faults.fetch, { maxRetries: 2 }))
        .create({ name: 'w' } as never)
        .catch((e) => e);
      expect([spec, faults.attempts()]).toEqual([spec, attempts]);
    }
  });

  it('dropped connections are retried for reads and end in a TerraConnectionError', async () => {
    const faults = burst('drop', 10);
    const error = await client(faults.fetch, { maxRetries: 3 })
      .listProviders()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TerraConnectionError);
    expect(error).not.toBeInstanceOf(TerraTimeoutError);
    expect(faults.attempts()).toBe(4);
    const recovering = burst('drop', 1);
    expect((await client(recovering.fetch, { maxRetries: 1 }).listProviders()).status).toBe(200);
  });

  it('a body that trickles in slower than the timeout times out per attempt, retried, then fails', async () => {
    const faults = burst('slow-body=3000', 10);
    const error = await client(faults.fetch, { maxRetries: 1, timeoutMs: 150 })
      .listProviders()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TerraTimeoutError);
    expect(error.message).toContain('150 ms');
    expect(faults.attempts()).toBe(2);
  });

  it('truncated JSON, plain text and HTML 2xx bodies fail with TerraResponseParseError, without a retry', async () => {
    for (const [spec, hint] of [
      ['truncate', /cut short/],
      ['non-json', /baseUrl/],
      ['html', /HTML/],
    ] as const) {
      const faults = burst(spec, 10);
      const error = await client(faults.fetch, { maxRetries: 2 })
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraResponseParseError);
      expect(error.message).toMatch(hint);
      expect(faults.attempts()).toBe(1);
    }
  });

  it('429 r1 is never retried; r2 with an hour-long Retry-After fails at once with the wait to show', async () => {
    const r1 = burst('r1', 10);
    const e1 = await client(r1.fetch, { maxRetries: 3 })
      .listProviders()
      .catch((e) => e);
    expect(e1).toBeInstanceOf(RateLimitError);
    expect(e1.rule).toBe('r1');
    expect(r1.attempts()).toBe(1);

    const r2 = burst('r2', 10);
    const e2 = await client(r2.fetch, { maxRetries: 3 })
      .listProviders()
      .catch((e) => e);
    expect(e2).toBeInstanceOf(RateLimitError);
    expect(e2.rule).toBe('r2');
    expect(e2.retryAfterSeconds).toBeGreaterThan(60);
    expect(r2.attempts()).toBe(1);
  });

  it("latency past the timeout times out; the caller's abort wins over retries and settles at once", async () => {
    const slow = burst('latency=2000', 10);
    const error = await client(slow.fetch, { maxRetries: 0, timeoutMs: 100 })
      .listProviders()
      .catch((e) => e);
    expect(error).toBeInstanceOf(TerraTimeoutError);

    const aborted = burst('latency=5000', 10);
    const controller = new AbortController();
    const pending = client(aborted.fetch, { maxRetries: 5 })
      .listProviders({ signal: controller.signal })
      .catch((e) => e);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toBeInstanceOf(TerraAbortError);
    expect(aborted.attempts()).toBe(1);
  });

  it('every promise settles and nothing is left as an unhandled rejection across a mix of faults', async () => {
    const specs = [
      'status=503',
      'status=500',
      'drop',
      'truncate',
      'non-json',
      'html',
      'r1',
      'r2',
      'slow-body=400',
      'latency=300',
      undefined,
    ];
    const unhandled = await unhandledRejectionsDuring(async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 66 }, (_, i) => {
          const faults = faultingFetch((attempt) => specs[(i + attempt) % specs.length]);
          return client(faults.fetch, { maxRetries: 2, timeoutMs: 100 }).listProviders();
        }),
      );
      for (const result of results) {
        if (result.status === 'rejected') expect(result.reason?.constructor?.name).toMatch(/Error$/);
      }
    });
    expect(unhandled).toEqual([]);
  });
});

describe('Retry-After is honoured', () => {
  let server: TestServer;
  const seenAt: number[] = [];
  beforeAll(async () => {
    server = await startTestServer(() => {
      seenAt.push(Date.now());
      return seenAt.length % 3 === 0
        ? { body: { status: 'success', providers: [] } }
        : { status: 429, headers: { 'retry-after': '1' }, body: { message: 'slow down' } };
    });
  });
  afterAll(() => server.close());

  it('waits at least the Retry-After seconds between attempts, not the (shorter) backoff', async () => {
    const terra = new Terra({
      apiKey: CANARY_API_KEY,
      devId: CANARY_DEV_ID,
      baseUrl: server.baseUrl,
      retryBaseDelayMs: 1,
      maxRetryDelayMs: 2,
      maxRetries: 2,
    });
    const response = await terra.listProviders();
    expect(response.status).toBe(200);
    expect(seenAt).toHaveLength(3);
    // A lower bound only: the wait may be longer on a busy machine, never shorter.
    expect((seenAt[1] as number) - (seenAt[0] as number)).toBeGreaterThanOrEqual(995);
    expect((seenAt[2] as number) - (seenAt[1] as number)).toBeGreaterThanOrEqual(995);
  });
});
