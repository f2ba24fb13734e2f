import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { MAX_UNIX_SECONDS, MIN_UNIX_SECONDS, wireDateOf } from './wire-date.js';

/**
 * A date as terra-ts accepts it: a `Date` (sent as unix seconds, the exact instant; before 2001-09-09,
 * where Terra takes no unix seconds, a Date at UTC midnight is sent as its `'YYYY-MM-DD'` day),
 * a `'YYYY-MM-DD'` calendar day (sent as is, a UTC day for Terra), or unix seconds (an integer).
 */
export type DateInput = Date | string | number;

/** A validated date: what goes on the wire and the instant it stands for. */
export interface ParsedDate {
  /** The query value: `'YYYY-MM-DD'` or unix seconds. */
  wire: string | number;
  /** Unix seconds, for comparing and splitting ranges (`'YYYY-MM-DD'` is UTC midnight). */
  seconds: number;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Validates a date argument.
 *
 * @param value - what the caller passed.
 * @param name - the argument's name, for the error message.
 * @throws TerraInvalidArgumentError when the value is not a real date in one of the accepted forms.
 */
export function parseDateInput(value: unknown, name: string): ParsedDate {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw invalid(name, 'is an invalid Date');
    const seconds = Math.floor(ms / 1000);
    const wire = wireDateOf(seconds);
    if (wire === undefined) throw unsendableInstant(value, name);
    return { wire, seconds };
  }
  if (typeof value === 'string') return parseDay(value, name);
  if (typeof value === 'number') return parseUnixSeconds(value, name);
  throw invalid(name, `is ${describe(value)}`);
}

function parseDay(value: string, name: string): ParsedDate {
  const match = DAY_PATTERN.exec(value);
  if (!match) {
    const hint = /^\d{4}-\d{2}-\d{2}T/.test(value)
      ? ' (Terra rejects timestamps with a time of day: pass a Date or unix seconds for an exact instant)'
      : '';
    throw invalid(name, `is ${JSON.stringify(value)}${hint}`);
  }
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-30 over to March; a real calendar day survives the round trip.
  if (
    back.getUTCFullYear() !== Number(y) ||
    back.getUTCMonth() !== Number(m) - 1 ||
    back.getUTCDate() !== Number(d)
  ) {
    throw invalid(name, `is ${JSON.stringify(value)}, which is not a real calendar date`);
  }
  return { wire: value, seconds: ms / 1000 };
}

function parseUnixSeconds(value: number, name: string): ParsedDate {
  if (!Number.isInteger(value)) throw invalid(name, `is ${value}, not an integer number of seconds`);
  if (value > MAX_UNIX_SECONDS) {
    throw invalid(
      name,
      `is ${value}, which looks like milliseconds; Terra wants unix seconds: pass Math.floor(ms / 1000) or new Date(ms)`,
    );
  }
  if (value < MIN_UNIX_SECONDS) {
    throw invalid(name, `is ${value}, outside the 10-digit unix-seconds range Terra accepts`);
  }
  return { wire: value, seconds: value };
}

function unsendableInstant(value: Date, name: string): TerraInvalidArgumentError {
  return new TerraInvalidArgumentError(
    name,
    `${name} is ${value.toISOString()}, an instant Terra cannot take: it accepts 10-digit unix seconds (2001-09-09 to 2286-11-20) ` +
      `or a 'YYYY-MM-DD' UTC day (years 0100 to 9999); pass the day as 'YYYY-MM-DD' or a Date at UTC midnight`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  const type = Array.isArray(value) ? 'array' : typeof value;
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

function invalid(name: string, problem: string): TerraInvalidArgumentError {
  return new TerraInvalidArgumentError(
    name,
    `${name} ${problem}; pass a Date, a 'YYYY-MM-DD' string, or unix seconds (e.g. 1704067200)`,
  );
}
