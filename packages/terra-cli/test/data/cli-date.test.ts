import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli-error.js';
import { dateSeconds, parseCliDate } from '../../src/data/cli-date.js';

const now = Date.UTC(2024, 2, 15, 12);

describe('parseCliDate', () => {
  it('passes Terra forms through', () => {
    expect(parseCliDate('2024-01-31', '--from', now)).toBe('2024-01-31');
    expect(parseCliDate('1704067200', '--from', now)).toBe(1704067200);
  });

  it('resolves relative days to UTC calendar days', () => {
    expect(parseCliDate('today', '--from', now)).toBe('2024-03-15');
    expect(parseCliDate('yesterday', '--from', now)).toBe('2024-03-14');
    expect(parseCliDate('tomorrow', '--to', now)).toBe('2024-03-16');
    expect(parseCliDate('30d', '--from', now)).toBe('2024-02-14');
  });

  it('turns an ISO timestamp into an exact instant', () => {
    const value = parseCliDate('2024-01-01T06:30:00Z', '--from', now);
    expect(value).toBeInstanceOf(Date);
    expect(dateSeconds(value)).toBe(Date.UTC(2024, 0, 1, 6, 30) / 1000);
  });

  it('names the option in a usage error for anything else', () => {
    expect(() => parseCliDate('last tuesday', '--from', now)).toThrow(UsageError);
    expect(() => parseCliDate('last tuesday', '--from', now)).toThrow(/--from/);
  });
});
