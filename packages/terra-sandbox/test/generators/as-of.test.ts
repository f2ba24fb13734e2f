import type { Daily } from 'terra-ts';
import { describe, expect, it } from 'vitest';
import {
  DATA_TYPES,
  GENERATORS,
  generateActivity,
  generateBody,
  generateDaily,
  generateMenstruation,
  generateNutrition,
  generateSleep,
  parseDay,
  personaOf,
} from '../../src/generators/index.js';
import { localToEpoch } from '../../src/generators/world/local-time.js';
import { daysFrom, findUser, instant } from './users.js';

// A Fitbit user serves every data type; this one also weighs in, has cycles and trains often.
const ctx = findUser('FITBIT', (p) => p.cycle !== null && p.hasScale && p.workoutsPerWeek >= 3);
const persona = personaOf(ctx);
const glucoseCtx = findUser('FREESTYLELIBRE', (p) => p.hasGlucoseMonitor);
const DAY = '2026-03-04';
const YESTERDAY = '2026-03-03';

/** Epoch ms of a local wall-clock time (minutes after midnight) on a day, in the user's zone. */
function localMs(c: typeof ctx, day: string, minutes: number): number {
  return localToEpoch(personaOf(c), parseDay(day), minutes) * 1000;
}

/**
 * Every timestamp anywhere in a record (sample stamps, metadata, meal times), as epoch ms, except
 * a menstruation status's `intervals`: the current cycle's phases, a forecast by nature.
 */
function instantsIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value))
    out.push(Date.parse(value));
  else if (Array.isArray(value)) for (const item of value) instantsIn(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== 'intervals') instantsIn(item, out);
  }
  return out;
}

function onlyDaily(records: Daily[]): Daily {
  expect(records).toHaveLength(1);
  return records[0] as Daily;
}

describe('generators read at an instant (now)', () => {
  const six = localMs(ctx, DAY, 6 * 60);
  const eleven = localMs(ctx, DAY, 23 * 60);
  const full = onlyDaily(generateDaily(ctx, DAY, { withSamples: true }));
  const atSix = onlyDaily(generateDaily(ctx, DAY, { withSamples: true, now: six }));
  const atEleven = onlyDaily(generateDaily(ctx, DAY, { withSamples: true, now: eleven }));

  it("holds today's daily only up to 06:00 at 06:00: end_time, steps, distance, calories, heart rate, stress", () => {
    expect(atSix.metadata.start_time).toBe(full.metadata.start_time);
    expect(instant(atSix.metadata.end_time)).toBe(six);
    const steps = atSix.distance_data?.detailed?.step_samples ?? [];
    expect(steps).toHaveLength(24); // 15-minute windows from midnight to 06:00
    expect(steps.at(-1)?.timestamp).toBe(atSix.metadata.end_time);
    expect(atSix.distance_data?.steps).toBe(steps.at(-1)?.steps);
    // The same counts the whole day shows at 06:00, and far fewer than the whole day.
    const fullSteps = full.distance_data?.detailed?.step_samples ?? [];
    expect(steps).toEqual(fullSteps.slice(0, 24));
    expect(atSix.distance_data?.steps ?? 0).toBeLessThan((full.distance_data?.steps ?? 0) / 2);
    expect(atSix.distance_data?.distance_meters).toBe(
      full.distance_data?.detailed?.distance_samples?.[23]?.distance_meters,
    );
    const calories = atSix.calories_data?.calorie_samples ?? [];
    expect(calories).toHaveLength(24);
    const sum = Math.round(calories.reduce((t, s) => t + (s.calories ?? 0), 0) * 100) / 100;
    expect(atSix.calories_data?.total_burned_calories).toBe(sum);
    expect(atSix.calories_data?.BMR_calories).toBeCloseTo((full.calories_data?.BMR_calories ?? 0) / 4, 1);
    expect(atSix.heart_rate_data?.detailed?.hr_samples).toHaveLength(360);
    expect(atSix.heart_rate_data?.detailed?.hr_samples).toEqual(
      full.heart_rate_data?.detailed?.hr_samples?.slice(0, 360),
    );
    expect(atSix.stress_data?.body_battery_samples).toHaveLength(24);
    const seconds = atSix.active_durations_data;
    const counted =
      (seconds?.activity_seconds ?? 0) + (seconds?.rest_seconds ?? 0) + (seconds?.inactivity_seconds ?? 0);
    expect(counted).toBe(6 * 3600);
  });

  it('puts no timestamp of any type after now, at 06:00 and at 23:00', () => {
    for (const now of [six, eleven]) {
      for (const c of [ctx, glucoseCtx]) {
        for (const type of DATA_TYPES) {
          for (const day of [YESTERDAY, DAY]) {
            for (const record of GENERATORS[type](c, day, { withSamples: true, now })) {
              const late = instantsIn(record).filter((t) => t > now);
              expect(late, `${type} ${day} at ${new Date(now).toISOString()}`).toEqual([]);
            }
          }
        }
      }
    }
  });

  it('holds more at 23:00 than at 06:00, the earlier reading being the start of the later one', () => {
    expect(instant(atEleven.metadata.end_time)).toBe(eleven);
    const early = atSix.heart_rate_data?.detailed?.hr_samples ?? [];
    const late = atEleven.heart_rate_data?.detailed?.hr_samples ?? [];
    expect(late).toHaveLength(23 * 60);
    expect(late.slice(0, early.length)).toEqual(early);
    expect(atEleven.distance_data?.steps ?? 0).toBeGreaterThan(atSix.distance_data?.steps ?? 0);
    expect(atEleven.distance_data?.steps ?? 0).toBeLessThanOrEqual(full.distance_data?.steps ?? 0);
    expect(atEleven.stress_data?.samples?.slice(0, atSix.stress_data?.samples?.length)).toEqual(
      atSix.stress_data?.samples,
    );
  });

  it("serves yesterday complete: at 06:00 today it is byte for byte the day's full record, for every type", () => {
    for (const c of [ctx, glucoseCtx]) {
      for (const type of DATA_TYPES) {
        const complete = JSON.stringify(GENERATORS[type](c, YESTERDAY, { withSamples: true }));
        const readToday = JSON.stringify(GENERATORS[type](c, YESTERDAY, { withSamples: true, now: six }));
        // Last night may still be in progress at 06:00: sleep that has not ended is the only difference.
        if (type === 'sleep') continue;
        expect(readToday, type).toBe(complete);
      }
    }
  });

  it('gives the same bytes for the same seed and the same now', () => {
    for (const type of DATA_TYPES) {
      const a = JSON.stringify(GENERATORS[type](ctx, DAY, { withSamples: true, now: six + 7 * 60_000 }));
      const b = JSON.stringify(GENERATORS[type](ctx, DAY, { withSamples: true, now: six + 7 * 60_000 }));
      expect(a).toBe(b);
    }
    // 06:07 reads as 06:00: only whole 15-minute windows are recorded.
    expect(generateDaily(ctx, DAY, { withSamples: true, now: six + 7 * 60_000 })).toEqual([atSix]);
  });

  it('has nothing for a day that has not started, nor in its first 15 minutes', () => {
    const midnight = localMs(ctx, DAY, 0);
    for (const now of [midnight - 1, midnight + 14 * 60_000]) {
      for (const type of DATA_TYPES) expect(GENERATORS[type](ctx, DAY, { now }), type).toEqual([]);
    }
  });

  it('serves a workout only once it has ended', () => {
    const day = daysFrom('2026-03-01', 30).find((d) => generateActivity(ctx, d).length > 0);
    if (!day) throw new Error('no workout in 30 days');
    const [workout] = generateActivity(ctx, day, { withSamples: false });
    const start = instant(workout?.metadata.start_time);
    const end = instant(workout?.metadata.end_time);
    const during = start + Math.floor((end - start) / 2);
    expect(generateActivity(ctx, day, { now: during }).map((a) => a.metadata.summary_id)).not.toContain(
      workout?.metadata.summary_id,
    );
    expect(generateActivity(ctx, day, { now: end }).map((a) => a.metadata.summary_id)).toContain(
      workout?.metadata.summary_id,
    );
    // Its minutes so far are in the daily (a watch records steps and heart rate as they happen).
    const daily = onlyDaily(generateDaily(ctx, day, { withSamples: true, now: during }));
    expect(instant(daily.metadata.end_time)).toBeLessThanOrEqual(during);
    expect(instant(daily.metadata.end_time)).toBeGreaterThan(during - 15 * 60_000);
  });

  it('serves a night only once the user is up, and its scores reach the daily then', () => {
    const [night] = generateSleep(ctx, YESTERDAY, { withSamples: false }).filter((s) => !s.metadata.is_nap);
    if (!night) throw new Error('no night');
    const wake = instant(night.metadata.end_time);
    expect(generateSleep(ctx, YESTERDAY, { now: wake - 60_000 })).not.toContainEqual(
      expect.objectContaining({
        metadata: expect.objectContaining({ summary_id: night.metadata.summary_id }),
      }),
    );
    expect(generateSleep(ctx, YESTERDAY, { now: wake }).map((s) => s.metadata.summary_id)).toContain(
      night.metadata.summary_id,
    );
    const asleep = onlyDaily(generateDaily(ctx, DAY, { now: wake - 30 * 60_000 }));
    expect(asleep.scores?.sleep).toBeNull();
    const up = onlyDaily(generateDaily(ctx, DAY, { now: wake + 30 * 60_000 }));
    expect(up.scores?.sleep).toBe(full.scores?.sleep);
    expect(up.scores?.sleep).not.toBeNull();
    // Tonight's sleep, begun before 23:59, is not served at 23:00 if it is still going on then.
    for (const s of generateSleep(ctx, DAY, { now: eleven })) {
      expect(instant(s.metadata.end_time)).toBeLessThanOrEqual(eleven);
    }
  });

  it('holds body, nutrition and menstruation up to now', () => {
    const gSix = localMs(glucoseCtx, DAY, 6 * 60);
    const [body] = generateBody(glucoseCtx, DAY, { withSamples: true, now: gSix });
    const glucose = body?.glucose_data?.blood_glucose_samples ?? [];
    expect(glucose).toHaveLength(25); // readings at 00:00, 00:15, ..., 06:00
    expect(instant(glucose.at(-1)?.timestamp)).toBe(gSix);
    const [wholeBody] = generateBody(glucoseCtx, DAY, { withSamples: true });
    expect(glucose).toEqual(wholeBody?.glucose_data?.blood_glucose_samples?.slice(0, 25));
    expect(instant(body?.metadata.end_time)).toBe(gSix);

    const afternoon = localMs(ctx, DAY, 14 * 60);
    const [log] = generateNutrition(ctx, DAY, { withSamples: true, now: afternoon });
    const [wholeLog] = generateNutrition(ctx, DAY, { withSamples: true });
    if (!wholeLog) throw new Error(`no nutrition log on ${DAY}; pick a logged day`);
    const eaten = wholeLog.meals?.filter((m) => instant(m.timestamp) <= afternoon) ?? [];
    expect(eaten.length).toBeGreaterThan(0);
    expect(log?.meals ?? []).toEqual(eaten);
    expect(eaten.length).toBeLessThan(wholeLog.meals?.length ?? 0);
    expect(log?.summary?.macros?.calories ?? 0).toBeLessThan(wholeLog.summary?.macros?.calories ?? 0);
    const [status] = generateMenstruation(ctx, DAY, { withSamples: true, now: six });
    expect(instant(status?.menstruation_data?.last_updated_time)).toBeLessThanOrEqual(six);
    expect(status?.menstruation_data?.day_in_cycle).toBe(
      generateMenstruation(ctx, DAY)[0]?.menstruation_data?.day_in_cycle,
    );
  });

  it('refuses a now that is not epoch milliseconds, saying what it expects', () => {
    expect(() => generateDaily(ctx, DAY, { now: Number.NaN })).toThrow(/opts.now must be epoch milliseconds/);
    expect(() => generateDaily(ctx, DAY, { now: '2026-03-04' as unknown as number })).toThrow(
      /opts.now must be epoch milliseconds/,
    );
  });

  it('keeps the persona in a real zone: 06:00 is local time, not UTC', () => {
    expect(atSix.metadata.end_time.slice(11, 16)).toBe('06:00');
    expect(persona.timeZone.name).toMatch(/\//);
  });
});
