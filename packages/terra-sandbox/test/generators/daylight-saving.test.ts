import { describe, expect, it } from 'vitest';
import { generateRange, personaOf } from '../../src/generators/index.js';
import { findUser, TERRA_TIMESTAMP } from './users.js';

/** The `+hh:mm` offset of a Terra timestamp, in minutes. */
function offsetOf(timestamp: string | null | undefined): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(timestamp ?? '');
  if (!match) throw new Error(`no offset in ${timestamp}`);
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Every timestamp must carry the offset its zone had at that instant. */
function expectOffsetsOfZone(zone: string, timestamps: Array<string | null | undefined>): void {
  const tz = personaOf(findUser('GARMIN', (p) => p.timeZone.name === zone)).timeZone;
  const wrong = timestamps.filter(
    (t) => !TERRA_TIMESTAMP.test(t ?? '') || offsetOf(t) !== tz.offsetAt(Date.parse(t ?? '') / 1000),
  );
  expect(wrong).toEqual([]);
}

const newYorker = findUser('GARMIN', (p) => p.timeZone.name === 'America/New_York');
const sydneysider = findUser('GARMIN', (p) => p.timeZone.name === 'Australia/Sydney');

describe('personas in daylight-saving zones', () => {
  it('sleep across the spring-forward night starts at the old offset and ends at the new one', () => {
    const nights = generateRange('sleep', newYorker, '2026-03-05', '2026-03-12', { withSamples: true });
    const across = nights.filter((n) => offsetOf(n.metadata.start_time) !== offsetOf(n.metadata.end_time));
    expect(across).toHaveLength(1);
    expect(offsetOf(across[0]?.metadata.start_time)).toBe(-300);
    expect(offsetOf(across[0]?.metadata.end_time)).toBe(-240);
    // 02:00 EST on 2026-03-08 is 07:00 UTC: the night spans it.
    const switchAt = Date.parse('2026-03-08T07:00:00Z');
    expect(Date.parse(across[0]?.metadata.start_time ?? '')).toBeLessThan(switchAt);
    expect(Date.parse(across[0]?.metadata.end_time ?? '')).toBeGreaterThan(switchAt);
    for (const night of nights) {
      const samples = night.sleep_durations_data?.hypnogram_samples ?? [];
      expectOffsetsOfZone('America/New_York', [
        night.metadata.start_time,
        night.metadata.end_time,
        ...samples.map((s) => s.timestamp),
        ...(night.heart_rate_data?.detailed?.hr_samples ?? []).map((s) => s.timestamp),
      ]);
      // The samples still run on evenly in real time through the switch.
      const instants = samples.map((s) => Date.parse(s.timestamp ?? ''));
      for (let i = 1; i < instants.length; i++)
        expect(instants[i]).toBeGreaterThan(instants[i - 1] as number);
    }
  });

  it('workouts before the switch carry the old offset and after it the new, samples included', () => {
    const workouts = generateRange('activity', newYorker, '2026-02-22', '2026-03-22', { withSamples: true });
    const offsets = new Set(workouts.map((w) => offsetOf(w.metadata.start_time)));
    expect(offsets).toEqual(new Set([-300, -240]));
    for (const w of workouts) {
      const start = Date.parse(w.metadata.start_time);
      const samples = w.heart_rate_data?.detailed?.hr_samples ?? [];
      expectOffsetsOfZone('America/New_York', [
        w.metadata.start_time,
        w.metadata.end_time,
        ...samples.map((s) => s.timestamp),
      ]);
      for (const s of samples)
        expect(Date.parse(s.timestamp ?? '')).toBe(start + (s.timer_duration_seconds ?? 0) * 1000);
    }
  });

  it('the day the clocks change has 23 hours, midnight to midnight, and its samples stay inside it', () => {
    const [short] = generateRange('daily', newYorker, '2026-03-08', '2026-03-09', { withSamples: true });
    const [long] = generateRange('daily', newYorker, '2026-11-01', '2026-11-02', { withSamples: true });
    expect(short?.metadata).toMatchObject({
      start_time: '2026-03-08T00:00:00.000000-05:00',
      end_time: '2026-03-09T00:00:00.000000-04:00',
    });
    expect(long?.metadata).toMatchObject({
      start_time: '2026-11-01T00:00:00.000000-04:00',
      end_time: '2026-11-02T00:00:00.000000-05:00',
    });
    for (const [daily, hours] of [
      [short, 23],
      [long, 25],
    ] as const) {
      const samples = daily?.heart_rate_data?.detailed?.hr_samples ?? [];
      expect(samples).toHaveLength(hours * 60);
      const end = Date.parse(daily?.metadata.end_time ?? '');
      expect(samples.every((s) => Date.parse(s.timestamp ?? '') < end)).toBe(true);
      expectOffsetsOfZone(
        'America/New_York',
        samples.map((s) => s.timestamp),
      );
    }
    const [body] = generateRange('body', newYorker, '2026-03-08', '2026-03-09');
    expect(body?.metadata.end_time).toBe('2026-03-09T00:00:00.000000-04:00');
  });

  it('the southern hemisphere switches the other way round, in October and April', () => {
    const october = generateRange('sleep', sydneysider, '2026-10-01', '2026-10-07');
    const april = generateRange('sleep', sydneysider, '2026-04-01', '2026-04-08');
    expect(new Set(october.map((n) => offsetOf(n.metadata.end_time)))).toEqual(new Set([600, 660]));
    expect(new Set(april.map((n) => offsetOf(n.metadata.end_time)))).toEqual(new Set([660, 600]));
    expectOffsetsOfZone(
      'Australia/Sydney',
      [...october, ...april].flatMap((n) => [n.metadata.start_time, n.metadata.end_time]),
    );
  });
});
