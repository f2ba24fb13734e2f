import { describe, expect, it } from 'vitest';
import { generateRange } from '../../src/generators/index.js';
import { findUser } from './users.js';

const ctx = findUser('FITBIT', (p) => p.cycle !== null);
const days = generateRange('menstruation', ctx, '2026-01-01', '2026-05-01', { withSamples: true });
const data = days.map((d) => d.menstruation_data);

describe('generateMenstruation', () => {
  it('has a record every day for personas with cycles and none for others', () => {
    expect(days.length).toBe(120);
    const male = findUser('FITBIT', (p) => p.sex === 'male');
    expect(generateRange('menstruation', male, '2026-01-01', '2026-02-01')).toEqual([]);
  });

  it('counts day_in_cycle up by one a day and restarts at 1 when a period starts', () => {
    const lengths: number[] = [];
    for (let i = 1; i < data.length; i++) {
      const prev = data[i - 1]?.day_in_cycle ?? 0;
      const day = data[i]?.day_in_cycle ?? 0;
      if (day === 1) {
        lengths.push(prev);
        expect(prev).toBe(data[i - 1]?.cycle_length_days);
        expect(data[i]?.current_phase).toBe(1);
      } else expect(day).toBe(prev + 1);
    }
    expect(lengths.length).toBeGreaterThanOrEqual(3);
    for (const length of lengths) {
      expect(length).toBeGreaterThanOrEqual(24);
      expect(length).toBeLessThanOrEqual(36);
    }
  });

  it('has flow samples on period days only, and phase intervals that tile the cycle', () => {
    for (const d of data) {
      const inPeriod = (d?.day_in_cycle ?? 0) <= (d?.period_length_days ?? 0);
      expect(d?.current_phase === 1).toBe(inPeriod);
      expect((d?.menstruation_flow ?? []).length).toBe(inPeriod ? 1 : 0);
      const intervals = d?.intervals ?? [];
      expect(intervals[0]?.start_timestamp?.slice(0, 10)).toBe(d?.period_start_date);
      for (let i = 1; i < intervals.length; i++)
        expect(intervals[i]?.start_timestamp).toBe(intervals[i - 1]?.end_timestamp);
      // Counted in local calendar days: a cycle across a daylight-saving switch is an hour off in elapsed time.
      const localDay = (timestamp: string | null | undefined) => Date.parse((timestamp ?? '').slice(0, 10));
      const span = localDay(intervals.at(-1)?.end_timestamp) - localDay(intervals[0]?.start_timestamp);
      expect(span / 86_400_000).toBe(d?.cycle_length_days);
      expect(d?.days_until_next_phase).toBeGreaterThan(0);
      expect(d?.days_until_next_phase).toBeLessThanOrEqual(d?.length_of_current_phase_days ?? 0);
    }
  });

  it('places ovulation about 14 days before the next period, inside the fertile window', () => {
    for (const d of data) {
      const start = Date.parse(`${d?.period_start_date}T00:00:00Z`);
      const ovulation = Date.parse(`${d?.ovulation_day}T00:00:00Z`);
      expect((start + (d?.cycle_length_days ?? 0) * 86_400_000 - ovulation) / 86_400_000).toBe(14);
      expect((d?.fertility_window_start ?? 'z') <= (d?.ovulation_day ?? '')).toBe(true);
      expect(d?.fertility_window_end).toBe(d?.ovulation_day);
    }
  });
});
