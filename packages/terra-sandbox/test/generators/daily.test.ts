import { describe, expect, it } from 'vitest';
import { buildDayTimeline, MinuteState } from '../../src/generators/daily/day-timeline.js';
import {
  generateActivity,
  generateDaily,
  generateRange,
  parseDay,
  personaOf,
} from '../../src/generators/index.js';
import { contextFor, daysFrom, instant } from './users.js';

const ctx = contextFor('daily-watch', 'GARMIN');
const persona = personaOf(ctx);
const days = daysFrom('2026-03-01', 21);
const month = generateRange('daily', ctx, '2026-03-01', '2026-03-22', { withSamples: true });

describe('generateDaily', () => {
  it('covers each local day from midnight to midnight, one record per day', () => {
    expect(month.length).toBe(days.length);
    month.forEach((d, i) => {
      expect(d.metadata.start_time.slice(0, 19)).toBe(`${days[i]}T00:00:00`);
      expect(instant(d.metadata.end_time) - instant(d.metadata.start_time)).toBe(86_400_000);
    });
  });

  it('has cumulative step samples that never go down and end exactly at the daily total', () => {
    for (const d of month) {
      const samples = d.distance_data?.detailed?.step_samples ?? [];
      expect(samples.length).toBe(96);
      for (let i = 1; i < samples.length; i++) {
        expect(samples[i]?.steps ?? 0).toBeGreaterThanOrEqual(samples[i - 1]?.steps ?? 0);
      }
      expect(samples.at(-1)?.steps).toBe(d.distance_data?.steps);
      expect(samples.at(-1)?.timestamp).toBe(d.metadata.end_time);
      expect(d.distance_data?.steps).toBeGreaterThan(500);
    }
  });

  it("includes exactly the day's workout steps, counted in the minutes the workouts ran", () => {
    let daysWithWorkouts = 0;
    for (const day of days) {
      const workoutSteps = generateActivity(ctx, day, { withSamples: false }).reduce(
        (t, a) => t + (a.distance_data?.summary?.steps ?? 0),
        0,
      );
      const timeline = buildDayTimeline(ctx, persona, parseDay(day));
      let inWorkouts = 0;
      let total = 0;
      for (let m = 0; m < 1440; m++) {
        total += timeline.steps[m] ?? 0;
        if (timeline.state[m] === MinuteState.WORKOUT) inWorkouts += timeline.steps[m] ?? 0;
      }
      expect(inWorkouts).toBe(workoutSteps);
      expect(generateDaily(ctx, day, { withSamples: false })[0]?.distance_data?.steps).toBe(total);
      if (workoutSteps > 0) daysWithWorkouts++;
    }
    expect(daysWithWorkouts).toBeGreaterThan(3);
  });

  it('takes no steps while asleep', () => {
    const timeline = buildDayTimeline(ctx, persona, parseDay('2026-03-04'));
    let asleepSteps = 0;
    let asleepMinutes = 0;
    for (let m = 0; m < 1440; m++) {
      if (timeline.state[m] !== MinuteState.ASLEEP) continue;
      asleepMinutes++;
      asleepSteps += timeline.steps[m] ?? 0;
    }
    expect(asleepMinutes).toBeGreaterThan(300);
    expect(asleepSteps).toBe(0);
  });

  it('adds calories up: samples sum to the total, which exceeds the basal burn', () => {
    for (const d of month) {
      const c = d.calories_data;
      const sum = (c?.calorie_samples ?? []).reduce((t, s) => t + (s.calories ?? 0), 0);
      expect(c?.total_burned_calories).toBeCloseTo(sum, 1);
      expect(c?.total_burned_calories ?? 0).toBeGreaterThan(c?.BMR_calories ?? Number.POSITIVE_INFINITY);
      expect(c?.net_activity_calories).toBeCloseTo(
        (c?.total_burned_calories ?? 0) - (c?.BMR_calories ?? 0),
        1,
      );
    }
  });

  it('splits the whole day into activity levels and summarises heart rate from its samples', () => {
    for (const d of month) {
      const a = d.active_durations_data;
      const total =
        (a?.rest_seconds ?? 0) +
        (a?.inactivity_seconds ?? 0) +
        (a?.low_intensity_seconds ?? 0) +
        (a?.moderate_intensity_seconds ?? 0) +
        (a?.vigorous_intensity_seconds ?? 0);
      expect(total).toBe(86_400);
      expect(a?.activity_seconds).toBe(
        (a?.low_intensity_seconds ?? 0) +
          (a?.moderate_intensity_seconds ?? 0) +
          (a?.vigorous_intensity_seconds ?? 0),
      );
      const bpm = (d.heart_rate_data?.detailed?.hr_samples ?? []).map((s) => s.bpm ?? 0);
      expect(bpm.length).toBe(1440);
      expect(d.heart_rate_data?.summary?.max_hr_bpm).toBe(Math.max(...bpm));
      expect(d.heart_rate_data?.summary?.min_hr_bpm).toBe(Math.min(...bpm));
      expect(d.heart_rate_data?.summary?.avg_hr_bpm).toBeCloseTo(
        bpm.reduce((x, y) => x + y, 0) / bpm.length,
        1,
      );
      expect(Math.max(...bpm)).toBeLessThanOrEqual(persona.maxHr);
      const resting = d.heart_rate_data?.summary?.resting_hr_bpm ?? 0;
      expect(Math.abs(resting - persona.restingHr)).toBeLessThan(12);
    }
  });

  it('scores stress from 1 to 100 with durations matching the samples', () => {
    for (const d of month) {
      const s = d.stress_data;
      const levels = (s?.samples ?? []).map((x) => x.level ?? 0);
      expect(Math.min(...levels)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...levels)).toBeLessThanOrEqual(100);
      expect(s?.max_stress_level).toBe(Math.max(...levels));
      const scored =
        (s?.rest_stress_duration_seconds ?? 0) +
        (s?.low_stress_duration_seconds ?? 0) +
        (s?.medium_stress_duration_seconds ?? 0) +
        (s?.high_stress_duration_seconds ?? 0);
      expect(scored).toBe(levels.length * 300);
    }
  });

  it('drops samples but keeps the same totals when withSamples is false', () => {
    const lean = generateRange('daily', ctx, '2026-03-01', '2026-03-22', { withSamples: false });
    lean.forEach((d, i) => {
      expect(d.distance_data?.detailed).toBeNull();
      expect(d.heart_rate_data?.detailed).toBeNull();
      expect(d.stress_data?.samples).toBeNull();
      expect(d.distance_data?.steps).toBe(month[i]?.distance_data?.steps);
      expect(d.calories_data?.total_burned_calories).toBe(month[i]?.calories_data?.total_burned_calories);
    });
  });
});
