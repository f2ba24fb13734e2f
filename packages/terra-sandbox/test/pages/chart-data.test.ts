import { describe, expect, it } from 'vitest';
import { buildUserCharts, type ChartDataSource, parseStepsDays } from '../../src/pages/chart-data.js';
import type { ActivityLike, SleepLike } from '../../src/pages/chart-series.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

function workout(start: string, end: string, bpm: number): ActivityLike {
  return {
    metadata: { name: `ride ${bpm}`, start_time: start, end_time: end },
    heart_rate_data: {
      detailed: {
        hr_samples: [
          { timestamp: start, bpm },
          { timestamp: end, bpm: bpm + 1 },
        ],
      },
    },
  };
}

function night(start: string, end: string, isNap = false): SleepLike {
  return {
    metadata: { start_time: start, end_time: end, is_nap: isNap },
    sleep_durations_data: {
      hypnogram_samples: [
        { timestamp: start, level: 4 },
        { timestamp: end, level: 1 },
      ],
    },
  };
}

const source: ChartDataSource = {
  activity: (day) =>
    ({
      '2026-03-10': [workout('2026-03-10T17:00:00Z', '2026-03-10T18:00:00Z', 150)], // still to come
      '2026-03-09': [
        workout('2026-03-09T07:00:00Z', '2026-03-09T08:00:00Z', 120),
        workout('2026-03-09T17:00:00Z', '2026-03-09T18:00:00Z', 130),
      ],
    })[day] ?? [],
  sleep: (day) =>
    ({
      '2026-03-10': [
        night('2026-03-09T23:00:00Z', '2026-03-10T07:00:00Z'),
        night('2026-03-10T11:00:00Z', '2026-03-10T11:30:00Z', true),
      ],
    })[day] ?? [],
  daily: (day) => [{ distance_data: { steps: Number(day.slice(8)) * 1000 } }],
};

describe('buildUserCharts', () => {
  it('charts the latest workout that is already over, looking back across days', () => {
    const charts = buildUserCharts('u1', source, NOW, 14);
    expect(charts.heart_rate.workout).toBe('ride 130');
    expect(charts.heart_rate.y).toEqual([130, 131]);
  });

  it('charts the latest night and skips naps', () => {
    const charts = buildUserCharts('u1', source, NOW, 14);
    expect(charts.sleep.start_time).toBe('2026-03-09T23:00:00Z');
  });

  it('gives one steps bar per day, ending today', () => {
    const charts = buildUserCharts('u1', source, NOW, 3);
    expect(charts.steps.days).toEqual(['2026-03-08', '2026-03-09', '2026-03-10']);
    expect(charts.steps.y).toEqual([8000, 9000, 10000]);
  });

  it('leaves a chart empty when nothing happened in the look-back window', () => {
    const empty: ChartDataSource = { activity: () => [], sleep: () => [], daily: () => [] };
    const charts = buildUserCharts('u1', empty, NOW, 2);
    expect(charts.heart_rate.x).toEqual([]);
    expect(charts.sleep.x).toEqual([]);
    expect(charts.steps.y).toEqual([null, null]);
  });
});

describe('parseStepsDays', () => {
  it('defaults to 14 and accepts whole numbers from 1 to 30', () => {
    expect(parseStepsDays(null)).toEqual({ days: 14 });
    expect(parseStepsDays('30')).toEqual({ days: 30 });
    expect(parseStepsDays('1')).toEqual({ days: 1 });
  });

  it.each(['0', '31', '2.5', 'ten', '-3'])('refuses %j with a message that says the range', (raw) => {
    const result = parseStepsDays(raw);
    expect(result).toEqual({ error: `days must be a whole number from 1 to 30, got ${JSON.stringify(raw)}` });
  });
});
