import { describe, expect, it } from 'vitest';
import { renderSeriesChart, renderStageChart } from '../../src/output/chart.js';

const start = Date.UTC(2024, 0, 1, 22);

describe('renderSeriesChart', () => {
  it('draws the highest value as a full column and labels min and max', () => {
    const points = Array.from({ length: 40 }, (_, i) => ({
      time: start + i * 60_000,
      value: i < 20 ? 50 : 150,
    }));
    const chart = renderSeriesChart(points, { width: 40, height: 4, title: 'heart rate (bpm)' });
    const lines = chart.split('\n');
    expect(lines[0]).toBe('heart rate (bpm)  min 50 · max 150');
    expect(lines[1]).toMatch(/^150 │ +█+$/);
    expect(lines[4]).toMatch(/^ 50 │▁+█+$/);
    expect(chart).toContain('2024-01-01 22:00Z');
  });

  it("labels the time axis in the data's own UTC offset", () => {
    const points = [
      { time: start, value: 1 },
      { time: start + 3_600_000, value: 2 },
    ];
    const chart = renderSeriesChart(points, { width: 60, title: 't', utcOffsetMinutes: 480 });
    expect(chart).toContain('2024-01-02 06:00+08:00');
    expect(chart).toContain('2024-01-02 07:00+08:00');
  });

  it('says so when there are no samples', () => {
    expect(renderSeriesChart([], { width: 40, title: 'steps' })).toBe('steps: no samples\n');
  });

  it('fits the requested width', () => {
    const points = Array.from({ length: 500 }, (_, i) => ({ time: start + i * 1000, value: i % 17 }));
    for (const line of renderSeriesChart(points, { width: 50, title: 't' }).trimEnd().split('\n')) {
      expect([...line].length).toBeLessThanOrEqual(52);
    }
  });
});

describe('renderStageChart', () => {
  it('puts each stage on its own row, in the given order', () => {
    const points = [
      ...Array.from({ length: 10 }, (_, i) => ({ time: start + i * 60_000, stage: 'light' })),
      ...Array.from({ length: 10 }, (_, i) => ({ time: start + (10 + i) * 60_000, stage: 'deep' })),
    ];
    const lines = renderStageChart(points, ['light', 'deep'], { width: 30, title: 'sleep stages' }).split(
      '\n',
    );
    expect(lines[1]).toMatch(/^light │█+$/);
    expect(lines[2]).toMatch(/^ deep │ +█+$/);
  });

  it('leaves the time between two sleeps blank', () => {
    const night = (day: number) =>
      Array.from({ length: 8 }, (_, i) => ({
        time: Date.UTC(2024, 0, day, 23) + i * 3_600_000,
        stage: 'light',
      }));
    const lines = renderStageChart([...night(1), ...night(2)], ['light'], { width: 60, title: 't' }).split(
      '\n',
    );
    expect(lines[1]).toMatch(/^light │█+ +█+$/);
  });
});
