import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/rate-limit/limiter.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

const sleepQuery = (userId: string, start: string, end: string) =>
  `/v2/sleep?user_id=${userId}&start_date=${start}&end_date=${end}&to_webhook=false`;

describe('rate limits over HTTP', () => {
  it('refuses a window over 1,825 days with rule r1 and no Retry-After', async () => {
    const user = t.sandbox.createUser({ provider: 'GARMIN' });
    const res = await t.json(sleepQuery(user.user_id, '2020-01-01', '2025-01-01'));
    expect(res.status).toBe(429);
    expect(res.body).toEqual({ detail: 'rate limit exceeded' });
    expect(res.headers.get('x-terra-ratelimit-rule')).toBe('r1');
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('counts requested days per user and refuses past 6,000 per hour with rule r2', async () => {
    const user = t.sandbox.createUser({ provider: 'GARMIN' });
    const other = t.sandbox.createUser({ provider: 'OURA' });
    // 1,825 days is allowed (r1 is "over 1,825"); three of them spend 5,475 days.
    const spend = async () =>
      t.call(`/v2/sleep?user_id=${user.user_id}&start_date=2020-01-01&end_date=2024-12-30&to_webhook=false`, {
        method: 'HEAD',
      });
    const first = await spend();
    expect(first.status).toBe(200);
    expect(first.headers.get('x-terra-ratelimit-remaining')).toBe(String(6000 - 1825));
    await spend();
    const third = await spend();
    expect(third.headers.get('x-terra-ratelimit-remaining')).toBe(String(6000 - 3 * 1825));
    expect(Number(third.headers.get('x-terra-ratelimit-reset-after'))).toBeGreaterThan(0);

    const refused = await t.json(sleepQuery(user.user_id, '2020-01-01', '2022-01-01'));
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ detail: 'rate limit exceeded' });
    expect(refused.headers.get('x-terra-ratelimit-rule')).toBe('r2');
    expect(refused.headers.get('x-terra-ratelimit-limit')).toBe('6000');
    expect(refused.headers.get('x-terra-ratelimit-remaining')).toBe(String(6000 - 3 * 1825));
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    // A small request still fits, and other users are unaffected.
    expect((await t.call(sleepQuery(user.user_id, '2026-01-01', '2026-01-02'))).status).toBe(200);
    expect((await t.call(sleepQuery(other.user_id, '2020-01-01', '2022-01-01'))).status).toBe(200);
  });
});

describe('RateLimiter', () => {
  it('frees the budget an hour after it was spent', () => {
    const limiter = new RateLimiter();
    const t0 = 1_000_000;
    expect(limiter.charge('u', 1825, t0).allowed).toBe(true);
    expect(limiter.charge('u', 1825, t0 + 1).allowed).toBe(true);
    expect(limiter.charge('u', 1825, t0 + 2).allowed).toBe(true);
    const refused = limiter.charge('u', 1000, t0 + 10_000);
    expect(refused.allowed).toBe(false);
    // Enough frees up when the first spend expires, 3,590 s later.
    expect(refused.headers['retry-after']).toBe('3590');
    expect(limiter.charge('u', 1000, t0 + 3_600_000).allowed).toBe(true);
  });

  it('charges one day for a request without dates', () => {
    const limiter = new RateLimiter();
    const ok = limiter.charge('u', 1, 0);
    expect(ok.headers['x-terra-ratelimit-remaining']).toBe('5999');
  });
});
