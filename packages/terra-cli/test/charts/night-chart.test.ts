import { describe, expect, it } from 'vitest';
import { renderNightChart } from '../../src/charts/night-chart.js';
import type { SleepPeriod } from '../../src/data/sleep-periods.js';

const at = (day: number, hour: number, minute = 0) => Date.UTC(2024, 0, day, hour, minute);

function night(day: number, stages: Array<[hour: number, minute: number, stage: string]>): SleepPeriod {
  return {
    start: at(day - 1, 23),
    end: at(day, 7),
    isNap: false,
    asleepSeconds: 7 * 3600,
    stages: stages.map(([hour, minute, stage]) => ({
      time: hour >= 12 ? at(day - 1, hour, minute) : at(day, hour, minute),
      stage,
    })),
  };
}

const rows = (chart: string) => chart.split('\n').filter((line) => /^\w{3} \d{2}-\d{2} │/.test(line));

describe('renderNightChart', () => {
  it('marks a night without a record, between nights that have one', () => {
    const hourly = (stage: string) =>
      [23, 0, 1, 2, 3, 4, 5, 6].map((hour) => [hour, 0, stage] as [number, number, string]);
    const chart = renderNightChart([night(2, hourly('light')), night(4, hourly('deep'))], { width: 80 });
    expect(rows(chart ?? '')).toEqual([
      expect.stringMatching(/^Tue 01-02 │ *▄+ +7h 00m$/),
      'Wed 01-03 │ · no sleep recorded',
      expect.stringMatching(/^Thu 01-04 │ *▂+ +7h 00m$/),
    ]);
  });

  it('marks a stretch inside a sleep with no stage samples as no data, and says so in the legend', () => {
    const stages: Array<[number, number, string]> = [
      [23, 0, 'light'],
      [0, 0, 'light'],
      [4, 0, 'rem'],
      [5, 0, 'rem'],
      [6, 0, 'rem'],
    ];
    const chart = renderNightChart([night(2, stages)], { width: 80, maxGapMs: 3_600_000 }) ?? '';
    expect(rows(chart)[0]).toMatch(/│▄+·+▆+ +7h 00m$/);
    expect(chart).toContain('▆ REM  ▄ light  · no data');
  });

  it('puts a nap on its own row under its day, with its clock times', () => {
    const nap: SleepPeriod = {
      start: at(2, 13, 5),
      end: at(2, 13, 30),
      isNap: true,
      asleepSeconds: 1200,
      stages: [],
    };
    const chart = renderNightChart([night(2, [[23, 0, 'light']]), nap], { width: 80 }) ?? '';
    const lines = chart.split('\n');
    const index = lines.indexOf('      nap │ 13:05–13:30, 0h 20m asleep');
    expect(lines[index - 1]).toMatch(/^Tue 01-02 │/);
  });

  it('lines nights up on one clock axis and fits the width', () => {
    const chart = renderNightChart([night(2, [[23, 0, 'light']])], { width: 60 }) ?? '';
    for (const line of chart.trimEnd().split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(chart.trimEnd().split('\n').at(-1)).toMatch(/^ {10} +00:00 +02:00 +04:00/);
  });

  it('draws nothing when there is no sleep', () => {
    expect(renderNightChart([], { width: 80 })).toBeUndefined();
  });
});
