import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-error.js';
import {
  chartSeriesFor,
  heartRatePoints,
  sleepStagePoints,
  stepPoints,
  utcOffsetOf,
} from '../../src/data/series.js';

describe('sample series', () => {
  it('reads heart-rate samples of every record', () => {
    const records = [
      { heart_rate_data: { detailed: { hr_samples: [{ timestamp: '2024-01-01T00:00:00Z', bpm: 61 }] } } },
      { heart_rate_data: { detailed: { hr_samples: [{ timestamp: '2024-01-02T00:00:00Z', bpm: 72 }] } } },
    ];
    expect(heartRatePoints(records)).toEqual([
      { time: Date.UTC(2024, 0, 1), value: 61 },
      { time: Date.UTC(2024, 0, 2), value: 72 },
    ]);
  });

  it('turns cumulative step samples into steps per interval', () => {
    const samples = [
      { timestamp: '2024-01-01T00:00:00Z', steps: 100 },
      { timestamp: '2024-01-01T00:15:00Z', steps: 250 },
      { timestamp: '2024-01-01T00:30:00Z', steps: 250 },
    ];
    const values = stepPoints([{ distance_data: { detailed: { step_samples: samples } } }]).map(
      (p) => p.value,
    );
    expect(values).toEqual([100, 150, 0]);
  });

  it('names hypnogram levels', () => {
    const samples = [
      { timestamp: '2024-01-01T00:00:00Z', level: 4 },
      { timestamp: '2024-01-01T00:30:00Z', level: 5 },
      { timestamp: '2024-01-01T01:00:00Z', level: 6 },
    ];
    const stages = sleepStagePoints([{ sleep_durations_data: { hypnogram_samples: samples } }]);
    expect(stages.map((p) => p.stage)).toEqual(['light', 'deep', 'rem']);
  });

  it('picks a default series per data type and rejects unknown ones', () => {
    expect(chartSeriesFor('sleep', true)).toBe('sleep-stages');
    expect(chartSeriesFor('activity', true)).toBe('heart-rate');
    expect(() => chartSeriesFor('nutrition', true)).toThrow(UsageError);
    expect(() => chartSeriesFor('sleep', 'pulse')).toThrow(/unknown series/);
  });

  it("reads the wearer's UTC offset from the first start time", () => {
    expect(utcOffsetOf([{ metadata: { start_time: '2024-01-01T23:10:00.000000+08:00' } }])).toBe(480);
    expect(utcOffsetOf([{ metadata: { start_time: '2024-01-01T23:10:00-05:30' } }])).toBe(-330);
    expect(utcOffsetOf([{ metadata: { start_time: '2024-01-01T23:10:00Z' } }])).toBe(0);
  });
});
