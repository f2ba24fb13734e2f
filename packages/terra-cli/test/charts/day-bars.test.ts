import { describe, expect, it } from 'vitest';
import { renderDayBars } from '../../src/charts/day-bars.js';

const day = (n: number) => Date.UTC(2024, 0, n);

describe('renderDayBars', () => {
  it('draws each day as a bar proportional to its total on a round scale', () => {
    const chart =
      renderDayBars(
        [
          { day: day(1), value: 10_000, partial: false },
          { day: day(2), value: 5_000, partial: false },
        ],
        { width: 60, title: 'steps per day' },
      ) ?? '';
    const lines = chart.trimEnd().split('\n');
    expect(lines[0]).toBe('steps per day (scale 0 to 10,000)');
    const full = (lines[1] ?? '').split('│')[1]?.trimEnd() ?? '';
    const half = (lines[2] ?? '').split('│')[1]?.trimEnd() ?? '';
    expect(full).toMatch(/^█+ 10,000$/);
    expect(half).toMatch(/^█+ +5,000$/);
    expect(half.indexOf(' ')).toBe(Math.round((full.length - ' 10,000'.length) / 2));
    expect(lines.at(-1)).toMatch(/^ {10}0 .* 10,000$/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('marks a missing day and a day still in progress', () => {
    const chart =
      renderDayBars(
        [
          { day: day(1), value: 8_000, partial: false },
          { day: day(3), value: 2_000, partial: true },
        ],
        { width: 60, title: 'steps per day' },
      ) ?? '';
    expect(chart).toContain('Tue 01-02 │ · no data');
    expect(chart).toMatch(/^Wed 01-03 │█+[▏▎▍▌▋▊▉]? +2,000 so far$/m);
  });

  it('draws nothing without days', () => {
    expect(renderDayBars([], { width: 60, title: 'steps per day' })).toBeUndefined();
  });
});
