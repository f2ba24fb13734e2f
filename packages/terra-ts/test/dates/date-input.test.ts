import { parseDateInput, TerraInvalidArgumentError } from 'terra-ts';
import { describe, expect, it } from 'vitest';

function errorOf(value: unknown): TerraInvalidArgumentError {
  try {
    parseDateInput(value, 'startDate');
  } catch (error) {
    return error as TerraInvalidArgumentError;
  }
  throw new Error('expected a throw');
}

describe('parseDateInput', () => {
  it('sends a Date as the unix seconds of its exact instant', () => {
    expect(parseDateInput(new Date('2024-03-01T12:34:56.789Z'), 'startDate')).toEqual({
      wire: 1709296496,
      seconds: 1709296496,
    });
  });

  it('passes a YYYY-MM-DD string through and reads it as UTC midnight', () => {
    expect(parseDateInput('2024-02-29', 'startDate')).toEqual({ wire: '2024-02-29', seconds: 1709164800 });
  });

  it('passes unix seconds through', () => {
    expect(parseDateInput(1704067200, 'startDate')).toEqual({ wire: 1704067200, seconds: 1704067200 });
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31'])(
    'rejects %s, which is not a real calendar date',
    (value) => {
      const error = errorOf(value);
      expect(error).toBeInstanceOf(TerraInvalidArgumentError);
      expect(error.argument).toBe('startDate');
      expect(error.message).toContain('not a real calendar date');
    },
  );

  it.each(['2024/01/01', '01-02-2024', '2024-1-1', 'yesterday', ''])(
    'rejects the malformed string %j',
    (value) => {
      expect(errorOf(value).message).toMatch(
        /startDate .*pass a Date, a 'YYYY-MM-DD' string, or unix seconds/,
      );
    },
  );

  it('explains that Terra rejects timestamps with a time of day', () => {
    expect(errorOf('2024-01-01T10:00:00Z').message).toMatch(/time of day/);
  });

  it('rejects milliseconds with a hint to divide by 1000', () => {
    const error = errorOf(1704067200000);
    expect(error.message).toMatch(/milliseconds/);
    expect(error.message).toMatch(/1000/);
  });

  it('rejects non-integer and out-of-range numbers', () => {
    expect(errorOf(1704067200.5).message).toMatch(/not an integer/);
    expect(errorOf(12345).message).toMatch(/10-digit/);
    expect(errorOf(Number.NaN).message).toMatch(/not an integer/);
  });

  it('sends a Date at UTC midnight before 2001-09-09 as its YYYY-MM-DD day, which Terra takes', () => {
    expect(parseDateInput(new Date('1995-06-15T00:00:00.000Z'), 'startDate')).toEqual({
      wire: '1995-06-15',
      seconds: 803_174_400,
    });
    expect(parseDateInput(new Date('1969-12-31T00:00:00Z'), 'startDate')).toEqual({
      wire: '1969-12-31',
      seconds: -86_400,
    });
  });

  it('refuses a Date Terra cannot take exactly (before 2001-09-09 with a time of day), saying what to pass', () => {
    const error = errorOf(new Date('1995-06-15T12:00:00Z'));
    expect(error).toBeInstanceOf(TerraInvalidArgumentError);
    expect(error.argument).toBe('startDate');
    expect(error.message).toContain('1995-06-15T12:00:00.000Z');
    expect(error.message).toMatch(/10-digit unix seconds/);
    expect(error.message).toMatch(/'YYYY-MM-DD'/);
    expect(errorOf(new Date('2400-01-01T06:00:00Z')).message).toMatch(/cannot take/);
  });

  it('rejects an invalid Date and values of other types', () => {
    expect(errorOf(new Date('nope')).message).toMatch(/invalid Date/);
    expect(errorOf(null).message).toMatch(/is null/);
    expect(errorOf(undefined).message).toMatch(/is missing/);
    expect(errorOf({}).message).toMatch(/is an object/);
    expect(errorOf(true).message).toMatch(/is a boolean/);
  });
});
