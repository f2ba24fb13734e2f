import { describe, expect, it } from 'vitest';
import { generateRange } from '../../src/generators/index.js';
import { findUser, instant } from './users.js';

describe('consistency across data types', () => {
  const ctx = findUser('OURA', (p) => p.cycle !== null);

  it('reports the night that ended each morning as the daily sleep and recovery scores', () => {
    const nights = generateRange('sleep', ctx, '2026-02-27', '2026-03-15').filter((s) => !s.metadata.is_nap);
    const days = generateRange('daily', ctx, '2026-03-01', '2026-03-14');
    for (const day of days) {
      const date = day.metadata.start_time.slice(0, 10);
      const night = nights.find((s) => s.metadata.end_time.slice(0, 10) === date);
      expect(day.scores?.sleep).toBe(night?.scores?.sleep);
      expect(day.scores?.recovery).toBe(night?.readiness_data?.readiness);
    }
  });

  it('raises night-time temperature after ovulation, as the cycle data says', () => {
    const cycle = generateRange('menstruation', ctx, '2026-01-01', '2026-04-01');
    const nights = generateRange('sleep', ctx, '2026-01-01', '2026-04-01').filter((s) => !s.metadata.is_nap);
    const luteal: number[] = [];
    const follicular: number[] = [];
    for (const night of nights) {
      const wakeDay = night.metadata.end_time.slice(0, 10);
      const status = cycle.find((c) => c.metadata.start_time.slice(0, 10) === wakeDay)?.menstruation_data;
      if (!status?.ovulation_day) continue;
      (wakeDay > status.ovulation_day ? luteal : follicular).push(night.temperature_data?.delta ?? 0);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(luteal.length).toBeGreaterThan(20);
    expect(mean(luteal) - mean(follicular)).toBeGreaterThan(0.15);
  });

  it('never schedules a workout while the user is asleep', () => {
    const garmin = findUser('GARMIN', (p) => p.workoutsPerWeek >= 4);
    const sleeps = generateRange('sleep', garmin, '2026-02-28', '2026-04-02');
    const workouts = generateRange('activity', garmin, '2026-03-01', '2026-04-01');
    expect(workouts.length).toBeGreaterThan(10);
    for (const w of workouts) {
      const from = instant(w.metadata.start_time);
      const to = instant(w.metadata.end_time);
      for (const s of sleeps) {
        const overlaps = from < instant(s.metadata.end_time) && to > instant(s.metadata.start_time);
        expect(overlaps).toBe(false);
      }
    }
  });
});
