import fc from 'fast-check';
import { RateLimitError, TerraApiError, TerraConnectionError, Workouts } from 'terra-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, isRetryableStatus, isSafeToRepeatPost, parseRetryAfter } from '../../src/client/retry.js';
import { terraFor } from '../support/terra-for.js';
import { type Reply, startTestServer, type TestServer } from '../support/test-server.js';
import { scaled } from './support/long.js';

const RUNS = scaled(1_000, 10_000);

describe('retry backoff', () => {
  it('stays between half and all of the capped exponential ceiling, never below zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        (attempt, base, max) => {
          const ceiling = Math.min(max, base * 2 ** attempt);
          const delay = backoffMs(attempt, base, max);
          expect(Number.isFinite(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('has a ceiling that never shrinks from one attempt to the next', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 1, max: 60_000 }),
        (attempt, base, max) => {
          // The floor of attempt n+1 is at least the floor of attempt n: waits grow (up to the cap).
          const floor = (n: number) => Math.min(max, base * 2 ** n) / 2;
          expect(floor(attempt + 1)).toBeGreaterThanOrEqual(floor(attempt));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('Retry-After: delay seconds are read as is, HTTP dates relative to now, and anything else is ignored', () => {
    const now = Date.UTC(2025, 5, 1, 12, 0, 0);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (seconds, offset, garbage) => {
          expect(parseRetryAfter(String(seconds), now)).toBe(seconds);
          expect(parseRetryAfter(` ${seconds} `, now)).toBe(seconds);
          const date = new Date(now + offset * 1000).toUTCString();
          expect(parseRetryAfter(date, now)).toBe(Math.max(0, offset));
          const parsed = parseRetryAfter(garbage, now);
          if (parsed !== undefined) {
            expect(Number.isFinite(parsed)).toBe(true);
            expect(parsed).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

const STATUSES = [400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 501, 502, 503, 504];

describe('which requests are retried, over HTTP', () => {
  let server: TestServer;
  let reply: Reply = {};
  beforeAll(async () => {
    server = await startTestServer(() => reply);
  });
  afterAll(() => server.close());

  it('a GET is retried exactly for 408, 429 and 5xx; a POST only for 429 and 503; never past maxRetries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...STATUSES),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        async (status, post, maxRetries) => {
          const terra = terraFor(server, { maxRetries });
          reply = { status, body: { status: 'error', message: 'injected' } };
          server.requests.length = 0;
          const call = post ? new Workouts(terra).create({ name: 'w' } as never) : terra.listProviders();
          const error = await call.catch((e) => e);
          expect(error).toBeInstanceOf(TerraApiError);
          expect((error as TerraApiError).status).toBe(status);
          const retryable = isRetryableStatus(status) && (!post || isSafeToRepeatPost(status));
          expect(server.requests).toHaveLength(retryable ? maxRetries + 1 : 1);
        },
      ),
      { numRuns: scaled(60, 600) },
    );
  });

  it('a dropped connection is retried for a GET, never for a POST that may have been received', async () => {
    reply = { drop: true };
    for (const maxRetries of [0, 1, 3]) {
      server.requests.length = 0;
      const error = await terraFor(server, { maxRetries })
        .listProviders()
        .catch((e) => e);
      expect(error).toBeInstanceOf(TerraConnectionError);
      expect(server.requests).toHaveLength(maxRetries + 1);
      server.requests.length = 0;
      const postError = await new Workouts(terraFor(server, { maxRetries }))
        .create({ name: 'w' } as never)
        .catch((e) => e);
      expect(postError).toBeInstanceOf(TerraConnectionError);
      expect(server.requests).toHaveLength(1);
    }
  });

  it('a Retry-After longer than maxRetryAfterSeconds fails at once with the wait in the error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 6, max: 100_000 }),
        async (limit, retryAfter) => {
          reply = {
            status: 429,
            headers: { 'retry-after': String(retryAfter) },
            body: { message: 'slow down' },
          };
          server.requests.length = 0;
          const error = await terraFor(server, { maxRetries: 3, maxRetryAfterSeconds: limit })
            .listProviders()
            .catch((e) => e);
          expect(error).toBeInstanceOf(RateLimitError);
          expect((error as RateLimitError).retryAfterSeconds).toBe(retryAfter);
          expect(server.requests).toHaveLength(1);
        },
      ),
      { numRuns: scaled(30, 300) },
    );
  });
});
