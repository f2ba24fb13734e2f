import { GeneratorInputError } from './errors.js';

/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a `YYYY-MM-DD` calendar date into a day number (days since 1970-01-01).
 * Throws {@link GeneratorInputError} for anything else, including impossible dates like 2026-02-30.
 */
export function parseDay(day: string, argumentName = 'day'): number {
  const match = typeof day === 'string' ? DAY_PATTERN.exec(day) : null;
  if (match) {
    const [, y, m, d] = match;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
    const date = new Date(ms);
    if (date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1) return ms / 86_400_000;
  }
  throw new GeneratorInputError(
    `${argumentName} must be a calendar date written YYYY-MM-DD (for example '2026-03-01'), got ${JSON.stringify(day)}.`,
  );
}

/** Formats a day number (days since 1970-01-01) as `YYYY-MM-DD`. */
export function formatDay(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** Day of the week of a day number: 0 = Sunday ... 6 = Saturday. */
export function weekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}
