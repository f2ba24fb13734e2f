import type { DateInput } from 'terra-ts';
import { UsageError } from '../cli-error.js';

const DAY_MS = 86_400_000;

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Turns a date typed on the command line into what terra-ts accepts. Beyond Terra's own forms (`YYYY-MM-DD`,
 * unix seconds) it takes `today`, `yesterday`, `tomorrow`, `<n>d` (n days ago) and ISO timestamps with a time,
 * which become an exact instant (Terra itself rejects a time of day in a date parameter).
 *
 * @param option - the option name, for messages (`--from`).
 * @param now - the current time in ms (tests pin it).
 */
export function parseCliDate(value: string, option: string, now = Date.now()): DateInput {
  const text = value.trim().toLowerCase();
  if (text === 'today') return utcDay(now);
  if (text === 'yesterday') return utcDay(now - DAY_MS);
  if (text === 'tomorrow') return utcDay(now + DAY_MS);
  const relative = /^(\d{1,5})d$/.exec(text);
  if (relative) return utcDay(now - Number(relative[1]) * DAY_MS);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (utcDay(Date.parse(`${text}T00:00:00Z`) || 0) === text) return text;
    throw new UsageError(
      `${option} "${value}" is not a calendar date`,
      'use YYYY-MM-DD with a month from 01 to 12 and a day that month has, e.g. 2024-02-29',
    );
  }
  if (/^\d{10}$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}t/.test(text)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  throw new UsageError(
    `${option} "${value}" is not a date`,
    'use YYYY-MM-DD, unix seconds, an ISO timestamp, today, yesterday or e.g. 30d (30 days ago)',
  );
}

/** Unix seconds of a parsed CLI date (a `YYYY-MM-DD` day is UTC midnight, as Terra reads it). */
export function dateSeconds(input: DateInput): number {
  if (input instanceof Date) return Math.floor(input.getTime() / 1000);
  if (typeof input === 'number') return input;
  return Date.parse(`${input}T00:00:00Z`) / 1000;
}
