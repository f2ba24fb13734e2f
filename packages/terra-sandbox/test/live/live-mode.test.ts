import { LiveModeOffError, startSandbox } from 'terra-sandbox';
import { describe, expect, it } from 'vitest';
import { generateActivity, generateSleep } from '../../src/generators/index.js';
import { contextFor, daysFrom } from '../generators/users.js';
import { advanceInSteps, DAY, HOUR, LIVE_USERS, START, startLiveRig } from './support/live-sandbox.js';
import { instantsIn, keyOf, recordOf, type VerifiedHook } from './support/verifying-receiver.js';

const FITBIT = LIVE_USERS[1] as { provider: string; user_id: string };

/** The newest hook of each key (by ordering timestamp), as a receiver keeping the newest would hold them. */
function newestByKey(hooks: readonly VerifiedHook[]): Map<string, VerifiedHook> {
  const newest = new Map<string, VerifiedHook>();
  for (const hook of hooks) {
    if (hook.answered >= 300) continue;
    const key = keyOf(hook);
    const held = newest.get(key);
    if (!held || hook.orderingTimestamp > held.orderingTimestamp) newest.set(key, hook);
  }
  return newest;
}

describe('live mode', () => {
  it("revises today's daily through the day, each revision later and fuller, the newest equal to the ground truth", async () => {
    const { sandbox, receiver } = await startLiveRig({ withSamples: true, users: [FITBIT] });
    await advanceInSteps(sandbox, 1.5 * DAY, 2 * HOUR);
    expect(receiver.unverified).toBe(0);
    const today = receiver.hooks.filter(
      (h) => h.type === 'daily' && recordOf(h).metadata.start_time.startsWith('2026-03-04'),
    );
    expect(today.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < today.length; i++) {
      const [before, after] = [today[i - 1] as VerifiedHook, today[i] as VerifiedHook];
      expect(after.orderingTimestamp).toBeGreaterThan(before.orderingTimestamp);
      const [a, b] = [recordOf(before), recordOf(after)];
      expect(Date.parse(b.metadata.end_time)).toBeGreaterThan(Date.parse(a.metadata.end_time));
      expect(b.distance_data.steps).toBeGreaterThanOrEqual(a.distance_data.steps);
      const [hrA, hrB] = [a.heart_rate_data.detailed.hr_samples, b.heart_rate_data.detailed.hr_samples];
      expect(hrB.length).toBeGreaterThan(hrA.length);
      expect(hrB.slice(0, hrA.length)).toEqual(hrA);
    }
    // The first sync after midnight sends the day complete.
    const last = recordOf(today.at(-1) as VerifiedHook);
    expect(Date.parse(last.metadata.end_time) - Date.parse(last.metadata.start_time)).toBe(DAY);

    const truth = sandbox.groundTruth();
    const entry = truth.records.find((r) => r.type === 'daily' && r.key === '2026-03-04');
    expect(entry?.orderingTimestamp).toBe(today.at(-1)?.orderingTimestamp);
    expect(entry?.record).toEqual(last);
    expect(entry?.acknowledged).toBe(true);
    // Body is revised the same way.
    const bodies = receiver.hooks.filter(
      (h) => h.type === 'body' && recordOf(h).metadata.start_time.startsWith('2026-03-04'),
    );
    expect(bodies.length).toBeGreaterThanOrEqual(3);
  });

  it('never sends anything from after the clock: every timestamp is at or before the ordering timestamp and now', async () => {
    const { sandbox, receiver } = await startLiveRig();
    let seen = 0;
    await advanceInSteps(sandbox, 2 * DAY, 3 * HOUR, () => {
      const now = sandbox.clock.now();
      for (const hook of receiver.hooks.slice(seen)) {
        expect(hook.orderingTimestamp).toBeLessThanOrEqual(now);
        const late = instantsIn(recordOf(hook)).filter((t) => t > hook.orderingTimestamp);
        expect(late, `${hook.type} ${keyOf(hook)}`).toEqual([]);
      }
      seen = receiver.hooks.length;
    });
    expect(new Set(receiver.hooks.map((h) => h.type))).toEqual(
      new Set(['athlete', 'activity', 'sleep', 'daily', 'body', 'nutrition', 'menstruation']),
    );
  });

  it('sends a workout only after it ends, complete', async () => {
    const ctx = contextFor(FITBIT.user_id, FITBIT.provider, 7);
    const day = daysFrom('2026-03-04', 14).find((d) => generateActivity(ctx, d).length > 0);
    const [workout] = day ? generateActivity(ctx, day, { withSamples: false }) : [];
    if (!workout) throw new Error('no workout in two weeks');
    const start = Date.parse(workout.metadata.start_time);
    const end = Date.parse(workout.metadata.end_time);
    const { sandbox, receiver } = await startLiveRig({ users: [FITBIT], start: start - 2 * HOUR });
    const carrying = () =>
      receiver.hooks.filter(
        (h) => h.type === 'activity' && recordOf(h).metadata.summary_id === workout.metadata.summary_id,
      );

    await sandbox.clock.advance(end - 60_000 - sandbox.clock.now());
    await sandbox.liveSettled();
    expect(receiver.hooks.length).toBeGreaterThan(0); // the morning's syncs went out
    expect(carrying()).toEqual([]);
    // The watch syncs within 12 minutes of the end.
    await sandbox.clock.advance(13 * 60_000);
    await sandbox.liveSettled();
    const [hook] = carrying();
    expect(hook?.orderingTimestamp).toBeGreaterThanOrEqual(end);
    expect(recordOf(hook as VerifiedHook)).toEqual(workout);
  });

  it('sends a night when the user wakes, not before', async () => {
    const ctx = contextFor(FITBIT.user_id, FITBIT.provider, 7);
    const [night] = generateSleep(ctx, '2026-03-05', { withSamples: false }).filter(
      (s) => !s.metadata.is_nap,
    );
    if (!night) throw new Error('no night');
    const bed = Date.parse(night.metadata.start_time);
    const wake = Date.parse(night.metadata.end_time);
    const { sandbox, receiver } = await startLiveRig({ users: [FITBIT], start: bed - HOUR });
    const carrying = () =>
      receiver.hooks.filter(
        (h) => h.type === 'sleep' && recordOf(h).metadata.summary_id === night.metadata.summary_id,
      );
    await sandbox.clock.advance(wake - 60_000 - sandbox.clock.now());
    await sandbox.liveSettled();
    expect(carrying()).toEqual([]);
    await sandbox.clock.advance(21 * 60_000);
    await sandbox.liveSettled();
    expect(carrying()).toHaveLength(1);
    expect(carrying()[0]?.orderingTimestamp).toBeGreaterThanOrEqual(wake);
    expect(recordOf(carrying()[0] as VerifiedHook)).toEqual(night);
  });

  it('with chaos sends duplicates and older versions after newer ones, yet the ground truth is the newest', async () => {
    const chaos = { duplicates: 0.3, reorder: 0.3, lateRetries: 0.3, bursts: 0.1 };
    const { sandbox, receiver } = await startLiveRig({ chaos });
    await advanceInSteps(sandbox, 2 * DAY, 6 * HOUR);
    const hooks = receiver.hooks;
    expect(receiver.unverified).toBe(0);
    // Duplicates: the same version (trace id and bytes) more than once.
    const byTrace = new Map<string, VerifiedHook[]>();
    for (const h of hooks) byTrace.set(h.traceId, [...(byTrace.get(h.traceId) ?? []), h]);
    const repeated = [...byTrace.values()].filter((copies) => copies.length > 1);
    expect(repeated.length).toBeGreaterThan(5);
    for (const copies of repeated) {
      expect(new Set(copies.map((c) => c.body)).size).toBe(1);
      expect(new Set(copies.map((c) => c.orderingTimestamp)).size).toBe(1);
    }
    // Out of order: a version arriving after a newer one of the same record.
    const newestSoFar = new Map<string, number>();
    let older = 0;
    for (const h of hooks) {
      const key = keyOf(h);
      if (h.orderingTimestamp < (newestSoFar.get(key) ?? 0)) older++;
      newestSoFar.set(key, Math.max(h.orderingTimestamp, newestSoFar.get(key) ?? 0));
    }
    expect(older).toBeGreaterThan(5);
    // The ground truth is exactly what a receiver keeping the newest version per key holds.
    const truth = sandbox.groundTruth();
    const newest = newestByKey(hooks);
    expect(truth.records).toHaveLength(newest.size);
    for (const entry of truth.records) {
      const hook = newest.get(`${entry.type}:${entry.userId}:${entry.key}`);
      expect(hook?.orderingTimestamp).toBe(entry.orderingTimestamp);
      expect(entry.record).toEqual(recordOf(hook as VerifiedHook));
    }
    expect(truth.deliveries).toEqual({
      sent: hooks.length,
      acknowledged: hooks.length,
      failed: 0,
      inFlight: 0,
    });
  });

  it('gives the same deliveries in the same order for the same seed, however the clock is advanced', async () => {
    const chaos = { duplicates: 0.2, reorder: 0.2, lateRetries: 0.2, bursts: 0.1 };
    const a = await startLiveRig({ chaos, seed: 11 });
    const b = await startLiveRig({ chaos, seed: 11 });
    const c = await startLiveRig({ chaos, seed: 12 });
    await advanceInSteps(a.sandbox, 1.5 * DAY, 1.5 * DAY);
    await advanceInSteps(b.sandbox, 1.5 * DAY, 5 * HOUR);
    await advanceInSteps(c.sandbox, 1.5 * DAY, 1.5 * DAY);
    const sequence = (hooks: VerifiedHook[]) =>
      hooks.map((h) => `${h.traceId} ${h.orderingTimestamp} ${h.body}`);
    expect(a.receiver.hooks.length).toBeGreaterThan(50);
    expect(sequence(b.receiver.hooks)).toEqual(sequence(a.receiver.hooks));
    expect(sequence(c.receiver.hooks)).not.toEqual(sequence(a.receiver.hooks));
    expect(b.sandbox.groundTruth()).toEqual(a.sandbox.groundTruth());
  });

  it('counts the deliveries the receiver acknowledged, each one in its inbox', async () => {
    // Every third POST is refused; the sandbox retries it.
    const { sandbox, receiver } = await startLiveRig({ answer: (n) => (n % 3 === 2 ? 503 : 200) });
    await advanceInSteps(sandbox, DAY, 12 * HOUR);
    const truth = sandbox.groundTruth({ includeDeliveries: true });
    const accepted = receiver.hooks.filter((h) => h.answered < 300);
    expect(receiver.hooks.length).toBeGreaterThan(accepted.length);
    expect(truth.deliveries.acknowledged).toBe(accepted.length);
    expect(truth.deliveries.failed).toBe(0);
    expect(truth.acknowledgedDeliveries?.map((d) => d.traceId).sort()).toEqual(
      accepted.map((h) => h.traceId).sort(),
    );
    expect(truth.records.every((r) => r.acknowledged)).toBe(true);
  });

  it('keeps its counts straight when a delivery is resent from the dashboard or control API', async () => {
    const { sandbox, receiver } = await startLiveRig();
    await advanceInSteps(sandbox, 12 * HOUR, 12 * HOUR);
    const before = sandbox.groundTruth().deliveries;
    const [first] = sandbox.deliveries();
    const res = await fetch(`${sandbox.url}/sandbox/api/deliveries/${first?.id}/resend`, {
      method: 'POST',
      headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(201);
    const copy = await res.json();
    await sandbox.waitForDeliveries((all) => all.some((d) => d.id === copy.id && d.status === 'delivered'));
    expect(receiver.hooks.length).toBe(before.sent + 1);
    // Resent now, by the sandbox clock.
    expect(receiver.hooks.at(-1)?.orderingTimestamp).toBe(sandbox.clock.now());
    expect(sandbox.groundTruth().deliveries).toEqual(before);
    await sandbox.liveSettled();
  });

  it('reports, on request, the newest version each receiver acknowledged when newer ones were lost', async () => {
    const { sandbox, receiver } = await startLiveRig();
    await advanceInSteps(sandbox, 14 * HOUR, 14 * HOUR);
    const url = sandbox.webhookUrl;
    sandbox.setWebhookUrl(undefined); // the next syncs' deliveries fail at once
    await advanceInSteps(sandbox, 4 * HOUR, 4 * HOUR);
    sandbox.setWebhookUrl(url);
    const sent = sandbox.groundTruth();
    expect(sent.deliveries.failed).toBeGreaterThan(0);
    const lost = sent.records.filter((r) => !r.acknowledged);
    expect(lost.length).toBeGreaterThan(0);
    const held = sandbox.groundTruth({ acknowledgedOnly: true });
    const newest = newestByKey(receiver.hooks);
    expect(held.records).toHaveLength(newest.size);
    for (const entry of held.records) {
      const hook = newest.get(`${entry.type}:${entry.userId}:${entry.key}`);
      expect(hook?.orderingTimestamp).toBe(entry.orderingTimestamp);
      expect(entry.record).toEqual(recordOf(hook as VerifiedHook));
    }
    const res = await fetch(`${sandbox.url}/sandbox/api/ground-truth?acknowledged_only=true`, {
      headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId },
    });
    const wire = await res.json();
    expect(wire.records.map((r: { trace_id: string }) => r.trace_id)).toEqual(
      held.records.map((r) => r.traceId),
    );
    expect(wire.deliveries).toEqual({
      sent: held.deliveries.sent,
      acknowledged: held.deliveries.acknowledged,
      failed: held.deliveries.failed,
      in_flight: held.deliveries.inFlight,
    });
  });

  it('counts requested to_webhook data in the ground truth too, keyed the same way', async () => {
    const { sandbox } = await startLiveRig({ start: START + 10 * DAY });
    const user = LIVE_USERS[0]?.user_id;
    const res = await fetch(
      `${sandbox.baseUrl}/daily?user_id=${user}&start_date=2026-03-01&end_date=2026-03-04`,
      {
        headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId },
      },
    );
    expect(res.status).toBe(200);
    await sandbox.liveSettled();
    const daily = sandbox.groundTruth().records.filter((r) => r.type === 'daily' && r.userId === user);
    expect(daily.map((r) => r.key)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(daily.every((r) => r.orderingTimestamp === START + 10 * DAY)).toBe(true);
  });

  it('refuses the ground truth when live mode is off, saying how to turn it on', async () => {
    const sandbox = await startSandbox({ port: 0, users: [] });
    try {
      expect(() => sandbox.groundTruth()).toThrow(LiveModeOffError);
      expect(() => sandbox.groundTruth()).toThrow(/live: true \(or --live\)/);
      const res = await fetch(`${sandbox.url}/sandbox/api/ground-truth`, {
        headers: { 'x-api-key': sandbox.apiKey, 'dev-id': sandbox.devId },
      });
      expect(res.status).toBe(409);
      expect((await res.json()).detail).toMatch(/only in live mode/);
    } finally {
      await sandbox.close();
    }
  });
});
