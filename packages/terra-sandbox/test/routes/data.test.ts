import { describe, expect, it } from 'vitest';
import { GARMIN_USER, startTestSandbox } from '../support/sandbox.js';
import { assertResponse } from '../support/schemas.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();

const TYPES = ['activity', 'body', 'daily', 'menstruation', 'nutrition', 'sleep'] as const;
const q = (extra: string) => `user_id=${GARMIN_USER}&to_webhook=false&${extra}`;

describe('data endpoints', () => {
  for (const type of TYPES) {
    it(`returns ${type} data inline as { user, data, type }, valid against the spec`, async () => {
      const { status, body, headers } = await t.json(
        `/v2/${type}?${q('start_date=2026-03-01&end_date=2026-03-04&with_samples=true')}`,
      );
      expect(status).toBe(200);
      assertResponse('GET', `/${type}`, 200, body);
      expect(body.type).toBe(type);
      expect(body.user.user_id).toBe(GARMIN_USER);
      expect(Array.isArray(body.data)).toBe(true);
      expect(headers.get('x-terra-ratelimit-limit')).toBe('6000');
    });
  }

  it("never returns a workout or a night that has not ended yet, but does return today's daily so far", async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const range = `start_date=${day(-3)}&end_date=${day(2)}`;
    const before = Date.now();
    for (const type of ['activity', 'sleep'] as const) {
      const { body } = await t.json(`/v2/${type}?${q(range)}`);
      expect(body.data.length).toBeGreaterThan(0);
      for (const record of body.data)
        expect(Date.parse(record.metadata.end_time)).toBeLessThanOrEqual(Date.now());
    }
    const daily = (await t.json(`/v2/daily?${q(range)}`)).body.data as { metadata: Record<string, string> }[];
    // Today's daily so far ends at the last whole 15 minutes before now, never after it.
    expect(daily.some((d) => Date.parse(d.metadata.end_time as string) > before - 16 * 60_000)).toBe(true);
    for (const d of daily) {
      expect(Date.parse(d.metadata.start_time as string)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(d.metadata.end_time as string)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('serves the same data under /v2 and /api/v2, deterministically', async () => {
    const path = `/activity?${q('start_date=2026-03-01&end_date=2026-03-03')}`;
    const a = await t.json(`/v2${path}`);
    const b = await t.json(`/api/v2${path}`);
    expect(a.status).toBe(200);
    expect(b.body.data).toEqual(a.body.data);
  });

  it('includes sample arrays only with with_samples=true', async () => {
    const range = 'start_date=2026-03-01&end_date=2026-03-08';
    const lean = await t.json(`/v2/activity?${q(`${range}&with_samples=false`)}`);
    const full = await t.json(`/v2/activity?${q(`${range}&with_samples=true`)}`);
    expect(full.body.data.length).toBeGreaterThan(0);
    expect(lean.body.data.length).toBe(full.body.data.length);
    expect(full.body.data[0].heart_rate_data.detailed.hr_samples.length).toBeGreaterThan(0);
    expect(lean.body.data[0].heart_rate_data.detailed?.hr_samples ?? []).toEqual([]);
    // Summaries are the same either way: samples are dropped, not regenerated.
    expect(lean.body.data[0].metadata).toEqual(full.body.data[0].metadata);
  });

  it('derives data from the seed: same seed same data, another seed other data', async () => {
    const path = `/v2/sleep?${q('start_date=2026-03-01&end_date=2026-03-04')}`;
    const same = await startTestSandbox();
    const other = await startTestSandbox({ seed: 7 });
    try {
      const a = (await t.json(path)).body.data;
      expect((await same.json(path)).body.data).toEqual(a);
      expect((await other.json(path)).body.data).not.toEqual(a);
    } finally {
      await same.sandbox.close();
      await other.sandbox.close();
    }
  });

  it('only returns records that start inside [start_date, end_date)', async () => {
    const { body } = await t.json(`/v2/activity?${q('start_date=2026-03-01&end_date=2026-03-08')}`);
    for (const record of body.data) {
      const start = Date.parse(record.metadata.start_time);
      expect(start).toBeGreaterThanOrEqual(Date.UTC(2026, 2, 1) - 14 * 3600_000);
      expect(start).toBeLessThan(Date.UTC(2026, 2, 8) + 14 * 3600_000);
    }
  });

  it('splits a range at a time of day without losing or repeating records', async () => {
    const start = Date.UTC(2026, 2, 1) / 1000 + 3600;
    const cut = start + 3 * 86400 + 7 * 3600;
    const end = start + 7 * 86400;
    const ids = async (from: number, to: number) =>
      (await t.json(`/v2/activity?${q(`start_date=${from}&end_date=${to}`)}`)).body.data.map(
        (a: { metadata: { summary_id: string; start_time: string } }) => {
          const startMs = Date.parse(a.metadata.start_time);
          expect(startMs).toBeGreaterThanOrEqual(from * 1000);
          expect(startMs).toBeLessThan(to * 1000);
          return a.metadata.summary_id;
        },
      );
    const whole = await ids(start, end);
    const parts = [...(await ids(start, cut)), ...(await ids(cut, end))];
    expect(whole.length).toBeGreaterThan(0);
    expect(parts).toEqual(whole);
  });

  it('accepts unix seconds as dates', async () => {
    const start = Date.UTC(2026, 2, 1) / 1000;
    const { status, body } = await t.json(`/v2/sleep?${q(`start_date=${start}&end_date=${start + 86400}`)}`);
    expect(status).toBe(200);
    expect(body.type).toBe('sleep');
  });

  it('returns the athlete profile as { user, athlete, type }', async () => {
    const { status, body } = await t.json(`/v2/athlete?user_id=${GARMIN_USER}&to_webhook=false`);
    expect(status).toBe(200);
    assertResponse('GET', '/athlete', 200, body);
    expect(body.type).toBe('athlete');
    expect(typeof body.athlete).toBe('object');
    expect(body).not.toHaveProperty('data');
  });

  it('refuses a bad date with 400 problem+json', async () => {
    const res = await t.json(`/v2/activity?${q('start_date=2026-13-45')}`);
    expect(res.status).toBe(400);
    assertResponse('GET', '/activity', 400, res.body, 'application/problem+json');
    expect(res.body.detail).toContain('start_date');
  });

  it('refuses a full ISO timestamp with the invalid isoformat message', async () => {
    const res = await t.json(`/v2/activity?${q('start_date=2026-03-01T10:00:00Z')}`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('invalid isoformat');
  });

  it('refuses an end date before the start date', async () => {
    const res = await t.json(`/v2/activity?${q('start_date=2026-03-05&end_date=2026-03-01')}`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('before start_date');
  });

  it('refuses a missing start_date and a bad boolean', async () => {
    expect((await t.json(`/v2/activity?user_id=${GARMIN_USER}&to_webhook=false`)).status).toBe(400);
    const res = await t.json(`/v2/activity?user_id=${GARMIN_USER}&start_date=2026-03-01&to_webhook=maybe`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('to_webhook');
  });

  it('answers 404 for an unknown user', async () => {
    const res = await t.json('/v2/daily?user_id=nobody&start_date=2026-03-01&to_webhook=false');
    expect(res.status).toBe(404);
    assertResponse('GET', '/daily', 404, res.body, 'application/problem+json');
  });

  it('answers 400 for to_webhook=true (the default) when no webhook URL is configured', async () => {
    const res = await t.json(`/v2/activity?user_id=${GARMIN_USER}&start_date=2026-03-01`);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('webhook');
  });
});
