import { describe, expect, it } from 'vitest';
import {
  heartRateSeries,
  sleepStageSeries,
  stepsSeries,
  utcOffsetSeconds,
} from '../../src/pages/chart-series.js';

describe('heartRateSeries', () => {
  it('returns the samples in time order as unix seconds and bpm, dropping incomplete ones', () => {
    const series = heartRateSeries({
      metadata: { name: 'Morning run', start_time: '2026-03-01T07:00:00.000000+00:00' },
      heart_rate_data: {
        detailed: {
          hr_samples: [
            { timestamp: '2026-03-01T07:00:10.000000+00:00', bpm: 120 },
            { timestamp: '2026-03-01T07:00:00.000000+00:00', bpm: 100 },
            { timestamp: null, bpm: 130 },
            { timestamp: '2026-03-01T07:00:20.000000+00:00', bpm: null },
          ],
        },
      },
    });
    const t0 = Date.parse('2026-03-01T07:00:00Z') / 1000;
    expect(series.x).toEqual([t0, t0 + 10]);
    expect(series.y).toEqual([100, 120]);
    expect(series.workout).toBe('Morning run');
  });

  it('is empty for an activity without samples', () => {
    expect(heartRateSeries({}).x).toEqual([]);
  });
});

describe('sleepStageSeries', () => {
  it('maps Terra sleep levels to hypnogram rows and holds the last stage until the end of the night', () => {
    const series = sleepStageSeries({
      metadata: { start_time: '2026-03-01T23:00:00+00:00', end_time: '2026-03-02T00:00:00+00:00' },
      sleep_durations_data: {
        hypnogram_samples: [
          { timestamp: '2026-03-01T23:00:00+00:00', level: 1 },
          { timestamp: '2026-03-01T23:15:00+00:00', level: 4 },
          { timestamp: '2026-03-01T23:30:00+00:00', level: 5 },
          { timestamp: '2026-03-01T23:45:00+00:00', level: 6 },
        ],
      },
    });
    const t0 = Date.parse('2026-03-01T23:00:00Z') / 1000;
    expect(series.x).toEqual([t0, t0 + 900, t0 + 1800, t0 + 2700, t0 + 3600]);
    // awake 4, light 2, deep 1, REM 3, then REM again at end_time
    expect(series.y).toEqual([4, 2, 1, 3, 3]);
  });

  it('turns unknown levels into gaps', () => {
    const series = sleepStageSeries({
      sleep_durations_data: { hypnogram_samples: [{ timestamp: '2026-03-01T23:00:00Z', level: 0 }] },
    });
    expect(series.y).toEqual([null]);
  });
});

describe('stepsSeries', () => {
  it('puts each day at UTC midnight with its steps, and a gap for a day without a value', () => {
    const series = stepsSeries([
      { day: '2026-03-01', records: [{ distance_data: { steps: 8000 } }] },
      { day: '2026-03-02', records: [] },
      { day: '2026-03-03', records: [{ distance_data: { steps: 100 } }, { distance_data: { steps: 900 } }] },
    ]);
    const d0 = Date.parse('2026-03-01T00:00:00Z') / 1000;
    expect(series.x).toEqual([d0, d0 + 86_400, d0 + 172_800]);
    expect(series.y).toEqual([8000, null, 900]);
    expect(series.days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
  });
});

describe('utcOffsetSeconds', () => {
  it('reads the offset a Terra timestamp ends with', () => {
    expect(utcOffsetSeconds('2026-03-01T07:00:00.000000+09:00')).toBe(32_400);
    expect(utcOffsetSeconds('2026-03-01T07:00:00.000000-05:30')).toBe(-19_800);
    expect(utcOffsetSeconds('2026-03-01T07:00:00Z')).toBe(0);
    expect(utcOffsetSeconds(null)).toBe(0);
  });

  it('is carried on the heart-rate and sleep charts', () => {
    const start = '2026-03-01T07:00:00.000000-08:00';
    expect(heartRateSeries({ metadata: { start_time: start } }).utc_offset_seconds).toBe(-28_800);
    expect(sleepStageSeries({ metadata: { start_time: start } }).utc_offset_seconds).toBe(-28_800);
  });
});
