import { ClockOptionError, type Sandbox, startSandbox } from 'terra-sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { GENERATORS, parseDay, personaOf } from '../../src/generators/index.js';
import { localToEpoch } from '../../src/generators/world/local-time.js';
import { SimulatedClock } from '../../src/live/clock.js';
import { contextFor } from '../generators/users.js';
import { HOUR, startLiveRig } from './support/live-sandbox.js';
import { instantsIn, recordOf } from './support/verifying-receiver.js';

const USER = { provider: 'FITBIT', user_id: 'clock-fitbit-1' };
const ctx = contextFor(USER.user_id, USER.provider, 42);
const DAY = '2026-03-04';
/** Epoch ms of a local wall-clock time on a day in the user's zone. */
const local = (day: string, minutes: number) => localToEpoch(personaOf(ctx), parseDay(day), minutes) * 1000;

const started: Sandbox[] = [];
afterEach(async () => {
  for (const sandbox of started.splice(0)) await sandbox.close();
});

async function sandboxAt(now: number): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, seed: 42, users: [USER], clock: { start: now, speed: 0 } });
  started.push(sandbox);
  return sandbox;
}

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by assertions, not types
async function data(sandbox: Sandbox, type: string, day: string): Promise<any[]> {
  const res = await fetch(
    `${sandbox.baseUrl}/${type}?user_id=${USER.user_id}&start_date=${day}&to_webhook=false&with_samples=true`,
    { headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId } },
  );
  expect(res.status).toBe(200);
  return (await res.json()).data;
}

describe('the sandbox clock', () => {
  it('serves today as it stands at 06:00: daily, body and samples up to 06:00, nothing later', async () => {
    const six = local(DAY, 6 * 60);
    const sandbox = await sandboxAt(six);
    const [daily] = await data(sandbox, 'daily', DAY);
    expect(daily.metadata.end_time.slice(11, 16)).toBe('06:00');
    expect(Date.parse(daily.metadata.end_time)).toBe(six);
    expect(daily.heart_rate_data.detailed.hr_samples).toHaveLength(360);
    expect(daily.distance_data.detailed.step_samples).toHaveLength(24);
    const [whole] = GENERATORS.daily(ctx, DAY, { withSamples: true });
    expect(daily.distance_data.steps).toBeLessThan(whole?.distance_data?.steps ?? 0);
    for (const type of ['daily', 'body', 'activity', 'sleep', 'nutrition', 'menstruation']) {
      for (const record of await data(sandbox, type, DAY)) {
        expect(
          instantsIn(record).filter((t) => t > six),
          type,
        ).toEqual([]);
      }
    }
  });

  it('serves today up to 23:00 at 23:00, and yesterday complete', async () => {
    const eleven = local(DAY, 23 * 60);
    const sandbox = await sandboxAt(eleven);
    const [daily] = await data(sandbox, 'daily', DAY);
    expect(Date.parse(daily.metadata.end_time)).toBe(eleven);
    expect(daily.heart_rate_data.detailed.hr_samples).toHaveLength(23 * 60);
    const [yesterday] = await data(sandbox, 'daily', '2026-03-03');
    expect(yesterday).toEqual(GENERATORS.daily(ctx, '2026-03-03', { withSamples: true })[0]);
    expect(await data(sandbox, 'daily', '2026-03-05')).toEqual([]);
  });

  it('gives the same bytes for the same seed and the same now', async () => {
    const at = local(DAY, 9 * 60 + 20);
    const [a, b] = [await sandboxAt(at), await sandboxAt(at)];
    expect(JSON.stringify(await data(a, 'daily', DAY))).toBe(JSON.stringify(await data(b, 'daily', DAY)));
  });

  it('moves only forward: advance by the API or the control route, and today fills in', async () => {
    const sandbox = await sandboxAt(local(DAY, 6 * 60));
    const headers = {
      'x-api-key': sandbox.apiKey,
      'dev-id': sandbox.devId,
      'content-type': 'application/json',
    };
    await sandbox.clock.advance(HOUR);
    expect(sandbox.clock.now()).toBe(local(DAY, 7 * 60));
    const res = await fetch(`${sandbox.url}/sandbox/api/clock/advance`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ms: 2 * HOUR }),
    });
    expect(res.status).toBe(200);
    const clock = await res.json();
    expect(clock).toMatchObject({ now: local(DAY, 9 * 60), speed: 0, live: false });
    expect(clock.iso).toBe(new Date(local(DAY, 9 * 60)).toISOString());
    const [daily] = await data(sandbox, 'daily', DAY);
    expect(Date.parse(daily.metadata.end_time)).toBe(local(DAY, 9 * 60));
    const back = await fetch(`${sandbox.url}/sandbox/api/clock/advance`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ms: -1 }),
    });
    expect(back.status).toBe(400);
    expect((await back.json()).detail).toMatch(/never goes back/);
    await expect(sandbox.clock.advance(Number.NaN)).rejects.toThrow(ClockOptionError);
    const get = await fetch(`${sandbox.url}/sandbox/api/clock`, { headers });
    expect((await get.json()).now).toBe(local(DAY, 9 * 60));
  });

  it('refuses a start or speed it cannot use, saying what it takes', async () => {
    await expect(startSandbox({ port: 0, clock: { start: 'yesterday' } })).rejects.toThrow(/ISO 8601/);
    await expect(startSandbox({ port: 0, clock: { start: 1_772_600_000 } })).rejects.toThrow(/unix seconds/);
    await expect(startSandbox({ port: 0, clock: { speed: -1 } })).rejects.toThrow(/clock.speed must be/);
    await expect(startSandbox({ port: 0, live: { chaos: { duplicates: 2 } } })).rejects.toThrow(
      /chaos rate duplicates must be a share from 0 to 1/,
    );
    await expect(startSandbox({ port: 0, live: { chaos: { dupes: 0.1 } as never } })).rejects.toThrow(
      /unknown chaos rate "dupes"/,
    );
  });

  it('runs at its speed from its start, reading the wall clock with nothing else set', () => {
    let real = 1_000_000;
    const fast = new SimulatedClock({ start: '2026-03-04T00:00:00Z', speed: 60 }, () => real);
    real += 60_000; // a real minute is a simulated hour
    expect(fast.now()).toBe(Date.parse('2026-03-04T01:00:00Z'));
    fast.advance(30 * 60_000);
    expect(fast.now()).toBe(Date.parse('2026-03-04T01:30:00Z'));
    const wall = new SimulatedClock();
    expect(Math.abs(wall.now() - Date.now())).toBeLessThan(1000);
  });

  it('in live mode on a running clock, sends as simulated time passes with no advance', async () => {
    const { sandbox, receiver } = await startLiveRig({ users: [USER], start: local(DAY, 5 * 60) });
    await sandbox.close(); // the rig's clock is stopped; start one that runs instead
    const running = await startSandbox({
      port: 0,
      seed: 42,
      secret: 'live-test-signing-secret',
      webhookUrl: receiver.url,
      users: [USER],
      clock: { start: local(DAY, 5 * 60), speed: 50_000 }, // an hour in 72 real ms
      live: { withSamples: false },
    });
    started.push(running);
    const deadline = Date.now() + 15_000;
    while (!receiver.hooks.some((h) => h.type === 'daily') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const daily = receiver.hooks.find((h) => h.type === 'daily');
    expect(daily).toBeDefined();
    expect(instantsIn(recordOf(daily as never)).every((t) => t <= running.clock.now())).toBe(true);
  });
});
