import type { AddressInfo } from 'node:net';
import type { Delivery } from 'terra-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxRuntime } from '../../src/runtime.js';
import { buildRouter, createSandboxServer } from '../../src/server.js';
import { type Receiver, startReceiver } from '../support/receiver.js';
import { GARMIN_USER } from '../support/sandbox.js';
import { useTestSandbox } from '../support/use-test-sandbox.js';

const t = useTestSandbox();
const data = (type: string, query: string) => t.json(`/v2/${type}?user_id=${GARMIN_USER}&${query}`);

function isoDay(offsetYears: number, offsetDays = 0): string {
  const now = new Date();
  return new Date(
    Date.UTC(now.getUTCFullYear() + offsetYears, now.getUTCMonth(), now.getUTCDate() + offsetDays),
  )
    .toISOString()
    .slice(0, 10);
}

describe('dates as Terra takes them', () => {
  it('a millisecond timestamp is a 400 problem that suggests seconds, never a dropped connection', async () => {
    const ms = Date.UTC(2026, 2, 1);
    for (const toWebhook of ['false', 'true']) {
      const res = await data('daily', `start_date=${ms}&to_webhook=${toWebhook}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.detail).toContain('looks like milliseconds');
      expect(res.body.detail).toContain(`in seconds that is ${ms / 1000}`);
    }
    const eleven = await data('sleep', 'start_date=17000000000&to_webhook=false');
    expect(eleven.status).toBe(400);
    expect(eleven.body.detail).toMatch(/start_date: 17000000000 has 11 digits.*unix seconds \(10 digits/);
    const end = await data('sleep', 'start_date=2026-03-01&end_date=1772409600000&to_webhook=false');
    expect(end.status).toBe(400);
    expect(end.body.detail).toContain('invalid end_date');
  });

  it('negative unix seconds are a 400 that asks for seconds since 1970', async () => {
    const res = await data('activity', 'start_date=-86400&to_webhook=false');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/start_date: -86400 is negative; send unix seconds since 1970-01-01/);
  });

  it('a year before 1900 or more than 5 years ahead is a 400 naming the accepted range', async () => {
    for (const date of ['0024-03-01', '1899-12-31', '0000-01-01', isoDay(5, 1), '9999-12-31']) {
      const res = await data('daily', `start_date=${date}&to_webhook=false`);
      expect(res.status, date).toBe(400);
      expect(res.body.detail, date).toContain(`the sandbox takes dates from 1900-01-01 to ${isoDay(5)}`);
    }
    expect((await data('daily', 'start_date=0024-03-01&to_webhook=false')).body.detail).toContain(
      '0024-03-01 is before 1900-01-01',
    );
    const far = Math.floor(Date.UTC(2100, 0, 1) / 1000);
    expect((await data('daily', `start_date=${far}&to_webhook=false`)).body.detail).toContain(
      'more than 5 years ahead',
    );
    expect((await data('daily', 'start_date=1900-01-01&to_webhook=false')).status).toBe(200);
    expect((await data('daily', `start_date=${isoDay(5)}&to_webhook=false`)).status).toBe(200);
  });

  it('with to_webhook=true a bad date is refused before any acknowledgement, so nothing is promised', async () => {
    t.sandbox.setWebhookUrl('http://127.0.0.1:9/never');
    try {
      const before = t.sandbox.deliveries().length;
      for (const date of ['1700000000000', '-1', '0024-03-01']) {
        const res = await data('sleep', `start_date=${date}&to_webhook=true`);
        expect(res.status).toBe(400);
        expect(res.body).not.toHaveProperty('reference');
      }
      expect(t.sandbox.deliveries().length).toBe(before);
    } finally {
      t.sandbox.setWebhookUrl(undefined);
    }
  });
});

describe('a generator that throws', () => {
  const FAILING_DAY = '2026-02-10';
  let runtime: SandboxRuntime;
  let origin = '';
  let receiver: Receiver;
  let close: () => Promise<void>;

  beforeAll(async () => {
    receiver = await startReceiver();
    runtime = new SandboxRuntime({
      users: [{ provider: 'GARMIN', user_id: GARMIN_USER }],
      webhookUrl: receiver.url,
    });
    // Fault injection: the real generators for every day but one, which throws as a generator bug would.
    const generate = runtime.recordsForDay.bind(runtime);
    runtime.recordsForDay = (type, user, day, withSamples) => {
      if (day === FAILING_DAY) throw new RangeError(`generator bug on ${day}`);
      return generate(type, user, day, withSamples);
    };
    const server = createSandboxServer(runtime, buildRouter(runtime));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    runtime.origin = origin;
    close = async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.close();
      await receiver.close();
    };
  });
  afterAll(() => close());

  const get = (query: string) =>
    fetch(`${origin}/v2/daily?user_id=${GARMIN_USER}&${query}`, {
      headers: { 'x-api-key': runtime.apiKey, 'dev-id': runtime.devId },
    });

  it('answers a REST request with a 500 problem+json giving the reason, not a cut connection', async () => {
    const res = await get(`start_date=2026-02-09&end_date=2026-02-12&to_webhook=false`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as { detail: string };
    expect(body.detail).toContain(`generator bug on ${FAILING_DAY}`);
    // The other days are fine.
    expect((await get('start_date=2026-02-11&to_webhook=false')).status).toBe(200);
  });

  it('turns a webhook payload it cannot make into a failed delivery with the reason', async () => {
    const res = await get('start_date=2026-02-10&to_webhook=true');
    expect(res.status).toBe(200);
    const { reference } = (await res.json()) as { reference: string };
    const all = await runtime.deliveries.waitFor(
      (list) => list.some((d) => d.reference === reference),
      5_000,
    );
    const failed = all.find((d) => d.reference === reference) as Delivery;
    expect(failed.status).toBe('failed');
    expect(failed.type).toBe('daily');
    expect(failed.attempts[0]?.error).toContain(
      `could not generate this payload (generator bug on ${FAILING_DAY})`,
    );
    // The dashboard's deliveries table shows it failed, and why.
    const table = await (
      await fetch(`${origin}/dashboard/partials/deliveries`, {
        headers: { 'x-api-key': runtime.apiKey, 'dev-id': runtime.devId },
      })
    ).text();
    const row = table.slice(table.indexOf(`data-delivery-id="${failed.id}"`));
    expect(row).toContain('data-delivery-status="failed"');
    expect(row.slice(0, 1500)).toContain(`could not generate this payload (generator bug on ${FAILING_DAY})`);
  });

  it('in a large request, only the month that cannot be made fails; the other chunks are delivered', async () => {
    const res = await get('start_date=2026-01-01&end_date=2026-04-01&to_webhook=true');
    const { reference } = (await res.json()) as { reference: string };
    const mine = (list: Delivery[]) => list.filter((d) => d.reference === reference);
    const all = await runtime.deliveries.waitFor(
      (list) =>
        mine(list).length === 5 && mine(list).every((d) => d.status === 'delivered' || d.status === 'failed'),
      10_000,
    );
    const byTrace = Object.fromEntries(mine(all).map((d) => [d.trace_id, d.status]));
    expect(byTrace).toEqual({
      [`${reference}:processing`]: 'delivered',
      [`${reference}:sending`]: 'delivered',
      [`${reference}:chunk:1`]: 'delivered',
      [`${reference}:chunk:2`]: 'failed',
      [`${reference}:chunk:3`]: 'delivered',
    });
  });
});
