import { describe, expect, it } from 'vitest';
import { addOneMonth, isLargeRange, monthChunks, parseDateRange } from '../../src/data/date-range.js';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const range = (query: string) => parseDateRange(new URLSearchParams(query));

describe('parseDateRange', () => {
  it('defaults end_date to one day after start_date, and treats an equal bare end date as that day', () => {
    expect(range('start_date=2026-03-01')).toEqual({
      startMs: day('2026-03-01'),
      endMs: day('2026-03-02'),
      requestedDays: 1,
    });
    expect(range('start_date=2026-03-01&end_date=2026-03-01').endMs).toBe(day('2026-03-02'));
  });

  it('counts requested days as the span rounded up, at least one', () => {
    expect(range('start_date=2026-03-01&end_date=2026-03-31').requestedDays).toBe(30);
    const start = day('2026-03-01') / 1000;
    expect(range(`start_date=${start}&end_date=${start + 90_000}`).requestedDays).toBe(2);
    expect(range(`start_date=${start}&end_date=${start}`).requestedDays).toBe(1);
  });

  it('refuses impossible calendar dates', () => {
    expect(() => range('start_date=2026-02-30')).toThrow(/not a calendar date/);
  });
});

describe('large requests', () => {
  it('are ranges longer than one calendar month', () => {
    expect(isLargeRange({ startMs: day('2026-02-01'), endMs: day('2026-03-01') })).toBe(false);
    expect(isLargeRange({ startMs: day('2026-02-01'), endMs: day('2026-03-02') })).toBe(true);
    expect(isLargeRange({ startMs: day('2026-01-31'), endMs: day('2026-02-28') })).toBe(false);
  });

  it('clamps a month ahead to the last day of a shorter month', () => {
    expect(addOneMonth(day('2026-01-31'))).toBe(day('2026-02-28'));
    expect(addOneMonth(day('2028-01-31'))).toBe(day('2028-02-29'));
  });

  it('split into consecutive month chunks that cover the range exactly', () => {
    const chunks = monthChunks({ startMs: day('2026-01-15'), endMs: day('2026-04-01') });
    expect(chunks).toEqual([
      { startMs: day('2026-01-15'), endMs: day('2026-02-15') },
      { startMs: day('2026-02-15'), endMs: day('2026-03-15') },
      { startMs: day('2026-03-15'), endMs: day('2026-04-01') },
    ]);
  });
});
