import { describe, expect, it } from 'vitest';
import { optionalDayParam } from '../../src/data/date-range.js';
import { HttpProblem } from '../../src/http/problem.js';

function problemOf(run: () => unknown): HttpProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
  throw new Error('expected an HttpProblem');
}

describe('optionalDayParam', () => {
  it('is undefined when the parameter is absent or empty', () => {
    expect(optionalDayParam(new URLSearchParams(''), 'start_date')).toBeUndefined();
    expect(optionalDayParam(new URLSearchParams('start_date='), 'start_date')).toBeUndefined();
  });

  it('returns a YYYY-MM-DD calendar date as sent', () => {
    expect(optionalDayParam(new URLSearchParams('end_date=2024-02-29'), 'end_date')).toBe('2024-02-29');
  });

  it('answers 400 naming the parameter when the value is not YYYY-MM-DD', () => {
    const problem = problemOf(() => optionalDayParam(new URLSearchParams('from=1700000000'), 'from'));
    expect(problem.status).toBe(400);
    expect(problem.detail).toBe('invalid from: 1700000000; send YYYY-MM-DD');
  });

  it('answers 400 when the value has the shape of a date but is not a calendar day', () => {
    const problem = problemOf(() => optionalDayParam(new URLSearchParams('from=2023-02-29'), 'from'));
    expect(problem.status).toBe(400);
    expect(problem.detail).toContain('from');
  });
});
