import {
  checkChunkDays,
  parseDateInput,
  parseDateRange,
  splitDateRange,
  TerraInvalidArgumentError,
} from 'terra-ts';
import { describe, expect, it } from 'vitest';

const DAY = 86_400;

describe('parseDateRange', () => {
  it('accepts a missing end date', () => {
    expect(parseDateRange('2024-01-01', undefined).end).toBeUndefined();
  });

  it('accepts mixed forms that describe a forward range', () => {
    const { start, end } = parseDateRange('2024-01-01', new Date('2024-01-02T00:00:00Z'));
    expect(start.seconds).toBeLessThan(end?.seconds ?? 0);
  });

  it('rejects an end before the start, naming endDate', () => {
    try {
      parseDateRange('2024-02-01', '2024-01-01');
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(TerraInvalidArgumentError);
      expect((error as TerraInvalidArgumentError).argument).toBe('endDate');
      expect((error as Error).message).toMatch(/before startDate/);
    }
  });
});

describe('splitDateRange', () => {
  it('covers the range exactly, in order, with windows that meet end to start', () => {
    const start = parseDateInput('2024-01-01', 'startDate');
    const end = parseDateInput('2025-01-01', 'endDate');
    const chunks = splitDateRange(start, end, 30);
    expect(chunks).toHaveLength(13);
    expect(chunks[0]?.start).toBe('2024-01-01');
    expect(chunks.at(-1)?.end).toBe('2025-01-01');
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]?.start).toBe(chunks[i - 1]?.end);
    for (const c of chunks.slice(0, -1)) {
      const from = typeof c.start === 'number' ? c.start : start.seconds;
      expect((c.end as number) - from).toBe(30 * DAY);
    }
  });

  it('keeps a range no longer than one window as one request', () => {
    const start = parseDateInput(1704067200, 'startDate');
    const end = parseDateInput(1704067200 + 30 * DAY, 'endDate');
    expect(splitDateRange(start, end, 30)).toEqual([{ start: 1704067200, end: 1704067200 + 30 * DAY }]);
  });

  it('splits a 6-year range into 1,825-day windows', () => {
    const start = parseDateInput('2018-01-01', 'startDate');
    const end = parseDateInput('2024-01-01', 'endDate');
    const chunks = splitDateRange(start, end, 1825);
    expect(chunks).toHaveLength(2);
    expect(chunks[0]).toEqual({ start: '2018-01-01', end: start.seconds + 1825 * DAY });
    expect(chunks[1]).toEqual({ start: start.seconds + 1825 * DAY, end: '2024-01-01' });
  });
});

describe('splitDateRange before 2001-09-09', () => {
  it('sends inner boundaries as YYYY-MM-DD days, which terra-ts itself accepts', () => {
    const start = parseDateInput('1999-01-01', 'startDate');
    const end = parseDateInput('2002-01-01', 'endDate');
    const chunks = splitDateRange(start, end, 365);
    expect(chunks).toEqual([
      { start: '1999-01-01', end: '2000-01-01' },
      { start: '2000-01-01', end: '2000-12-31' },
      // 2001-12-31T00:00Z is past 2001-09-09: unix seconds again.
      { start: '2000-12-31', end: 1_009_756_800 },
      { start: 1_009_756_800, end: '2002-01-01' },
    ]);
    for (const c of chunks) {
      expect(() => parseDateInput(c.start, 'startDate')).not.toThrow();
      expect(() => parseDateInput(c.end, 'endDate')).not.toThrow();
    }
  });

  it('switches to unix seconds once the boundaries reach the 10-digit range', () => {
    const start = parseDateInput('2001-09-01', 'startDate');
    const end = parseDateInput(1_001_000_000, 'endDate');
    const chunks = splitDateRange(start, end, 7);
    // 2001-09-15T00:00Z is 1,000,512,000: the first midnight in the 10-digit range.
    expect(chunks.map((c) => c.end)).toEqual(['2001-09-08', 1_000_512_000, 1_001_000_000]);
    for (const c of chunks) {
      expect(() => parseDateInput(c.start, 'startDate')).not.toThrow();
      expect(() => parseDateInput(c.end, 'endDate')).not.toThrow();
    }
  });

  it('cuts a window back to UTC midnight past 2286, where Terra takes no unix seconds', () => {
    const start = parseDateInput(9_999_000_123, 'startDate');
    const end = parseDateInput('2287-01-01', 'endDate');
    const chunks = splitDateRange(start, end, 30);
    expect(chunks[0]).toEqual({ start: 9_999_000_123, end: '2286-12-09' });
    for (const c of chunks.slice(1)) expect(typeof c.start).toBe('string');
    expect(chunks.at(-1)?.end).toBe('2287-01-01');
  });
});

describe('checkChunkDays', () => {
  it.each([0, -1, 1.5, 1826, Number.NaN, '30'])('rejects %j', (value) => {
    expect(() => checkChunkDays(value)).toThrow(/chunkDays must be a whole number of days from 1 to 1825/);
  });

  it('accepts 1 to 1,825', () => {
    expect(checkChunkDays(1)).toBe(1);
    expect(checkChunkDays(1825)).toBe(1825);
  });
});
