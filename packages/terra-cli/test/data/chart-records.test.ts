import { describe, expect, it } from 'vitest';
import { chartRecords } from '../../src/data/chart-records.js';
import { dailyStepTotals } from '../../src/data/daily-totals.js';

const context = (type: string) => ({
  type,
  width: 80,
  range: { from: '2026-12-01', to: '2026-12-03' },
  now: Date.UTC(2026, 11, 2, 12),
  redact: (text: string) => text,
});

describe('chartRecords', () => {
  it('says in one line what is missing and what to try when there is nothing to draw', () => {
    expect(chartRecords([], 'sleep-stages', { ...context('sleep'), width: 100 })).toEqual({
      empty: 'No sleep recorded between 2026-12-01 and 2026-12-03: try a longer range, e.g. --from 7d.',
    });
    expect(chartRecords([], 'heart-rate', { ...context('activity'), width: 100 })).toEqual({
      empty: 'No workouts between 2026-12-01 and 2026-12-03: try a longer range, e.g. --from 7d.',
    });
    expect(chartRecords([], 'steps', { ...context('daily'), width: 100 })).toEqual({
      empty: 'No daily step totals between 2026-12-01 and 2026-12-03: try a longer range, e.g. --from 7d.',
    });
  });

  it('puts the hint on its own line when one line would wrap in the terminal', () => {
    expect(chartRecords([], 'sleep-stages', context('sleep'))).toEqual({
      empty: 'No sleep recorded between 2026-12-01 and 2026-12-03.\nTry a longer range, e.g. --from 7d.',
    });
    expect(chartRecords([], 'steps', { ...context('daily'), width: 60 })).toEqual({
      empty: 'No daily step totals between 2026-12-01 and 2026-12-03.\nTry a longer range, e.g. --from 7d.',
    });
  });

  it('redacts a secret in a workout name before cutting it to the width', () => {
    const secret = 'sk_live_SECRET_KEY_123456';
    const record = {
      metadata: {
        name: `${'run '.repeat(14)}${secret}`,
        start_time: '2024-01-02T18:00:00-05:00',
        end_time: '2024-01-02T18:30:00-05:00',
      },
      heart_rate_data: { detailed: { hr_samples: [{ timestamp: '2024-01-02T18:00:00-05:00', bpm: 90 }] } },
    };
    const drawn = chartRecords([record], 'heart-rate', {
      ...context('activity'),
      redact: (text) => text.replaceAll(secret, '[redacted]'),
    });
    expect('chart' in drawn && drawn.chart).not.toContain('sk_live');
  });
});

describe('dailyStepTotals', () => {
  it("takes each day's total steps (the last record of a day wins) and marks a day not over yet", () => {
    const daily = (start: string, end: string, steps: number) => ({
      metadata: { start_time: start, end_time: end },
      distance_data: { steps },
    });
    const totals = dailyStepTotals(
      [
        daily('2026-12-01T00:00:00-05:00', '2026-12-02T00:00:00-05:00', 9000),
        daily('2026-12-01T00:00:00-05:00', '2026-12-02T00:00:00-05:00', 9500),
        daily('2026-12-02T00:00:00-05:00', '2026-12-03T00:00:00-05:00', 3000),
      ],
      Date.UTC(2026, 11, 2, 12),
    );
    expect(totals).toEqual([
      { day: Date.UTC(2026, 11, 1), value: 9500, partial: false },
      { day: Date.UTC(2026, 11, 2), value: 3000, partial: true },
    ]);
  });
});
