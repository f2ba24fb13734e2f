import { badRequest } from '../http/problem.js';

/** One UTC day in milliseconds. */
export const DAY_MS = 86_400_000;

/** A parsed `start_date`/`end_date` pair: records starting in `[startMs, endMs)`. */
export interface DateRange {
  startMs: number;
  endMs: number;
  /** What the request costs under rule r2: max(1, ceil(span / 1 day)). */
  requestedDays: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a bare `YYYY-MM-DD` value. */
function isBareDate(value: string): boolean {
  return DATE_RE.test(value);
}

/** The earliest date the sandbox takes: wearables did not exist before, and two-digit years are typos. */
export const EARLIEST_DATE = '1900-01-01';
/** How many years past today a date may lie (planned workouts look ahead; data for 2100 is a typo). */
export const YEARS_AHEAD = 5;

const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00Z`);
// Unix seconds have 10 digits until the year 2286; 13 digits are what Date.now() gives.
const MAX_SECONDS_DIGITS = 10;

/** The latest instant accepted at `nowMs`: the same UTC day {@link YEARS_AHEAD} years later, at its end. */
export function latestDateMs(nowMs: number): number {
  const now = new Date(nowMs);
  return Date.UTC(now.getUTCFullYear() + YEARS_AHEAD, now.getUTCMonth(), now.getUTCDate() + 1);
}

function checkBounds(name: string, value: string, ms: number, nowMs: number): number {
  const latest = latestDateMs(nowMs);
  if (ms < EARLIEST_MS || ms >= latest) {
    const last = dayOf(latest - DAY_MS);
    throw badRequest(
      `invalid ${name}: ${value} is ${ms < EARLIEST_MS ? `before ${EARLIEST_DATE}` : `more than ${YEARS_AHEAD} years ahead`}; ` +
        `the sandbox takes dates from ${EARLIEST_DATE} to ${last} (YYYY-MM-DD or unix seconds)`,
    );
  }
  return ms;
}

function parseUnixSeconds(name: string, value: string, nowMs: number): number {
  const example = Math.floor(nowMs / 1000);
  if (value.startsWith('-')) {
    throw badRequest(
      `invalid ${name}: ${value} is negative; send unix seconds since 1970-01-01 (e.g. ${example}) or YYYY-MM-DD`,
    );
  }
  const digits = value.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_SECONDS_DIGITS) {
    const seconds = digits.length >= 13 ? `; in seconds that is ${digits.slice(0, -3)}` : '';
    throw badRequest(
      `invalid ${name}: ${value} has ${digits.length} digits, so it looks like milliseconds; ` +
        `Terra takes unix seconds (10 digits, e.g. ${example})${seconds}`,
    );
  }
  return checkBounds(name, value, Number(digits) * 1000, nowMs);
}

/**
 * Parses a date parameter: `YYYY-MM-DD` (UTC midnight) or unix seconds, from {@link EARLIEST_DATE} to
 * {@link YEARS_AHEAD} years after `nowMs`. Anything else (a millisecond timestamp, a negative number,
 * year 0024) is a 400 that says what to send instead.
 */
export function parseDateParam(name: string, value: string, nowMs: number = Date.now()): number {
  const m = DATE_RE.exec(value);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const back = new Date(ms);
    // Date.UTC maps years 0-99 to 1900-1999; the year check catches that too.
    if (
      back.getUTCFullYear() !== Number(m[1]) ||
      back.getUTCMonth() !== Number(m[2]) - 1 ||
      back.getUTCDate() !== Number(m[3])
    ) {
      if (Number(m[1]) < 1900) return checkBounds(name, value, Number.NEGATIVE_INFINITY, nowMs);
      throw badRequest(`invalid ${name}: ${value} is not a calendar date`);
    }
    return checkBounds(name, value, ms, nowMs);
  }
  if (/^-?\d+$/.test(value)) return parseUnixSeconds(name, value, nowMs);
  if (value.includes('T')) {
    throw badRequest(
      `invalid ${name}: invalid isoformat ${JSON.stringify(value)}; send YYYY-MM-DD or unix seconds, not a full timestamp`,
    );
  }
  throw badRequest(`invalid ${name}: ${JSON.stringify(value)}; send YYYY-MM-DD or unix seconds`);
}

/**
 * Reads `start_date` (required) and `end_date` (default: one day later). A bare end date equal to
 * the start date means that one day; an end before the start is a 400.
 */
export function parseDateRange(query: URLSearchParams, nowMs: number = Date.now()): DateRange {
  const start = query.get('start_date');
  if (start === null || start === '') {
    throw badRequest('missing required query parameter start_date (YYYY-MM-DD or unix seconds)');
  }
  const startMs = parseDateParam('start_date', start, nowMs);
  const end = query.get('end_date');
  let endMs = startMs + DAY_MS;
  if (end !== null && end !== '') {
    endMs = parseDateParam('end_date', end, nowMs);
    if (endMs < startMs) {
      throw badRequest(`end_date ${end} is before start_date ${start}; swap them or widen the range`);
    }
    if (endMs === startMs && isBareDate(end)) endMs = startMs + DAY_MS;
  }
  return { startMs, endMs, requestedDays: Math.max(1, Math.ceil((endMs - startMs) / DAY_MS)) };
}

/** `YYYY-MM-DD` of a UTC instant. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The UTC days a range touches, in order. */
export function daysIn(range: { startMs: number; endMs: number }): string[] {
  const days: string[] = [];
  const first = Math.floor(range.startMs / DAY_MS) * DAY_MS;
  for (let d = first; d < range.endMs; d += DAY_MS) days.push(dayOf(d));
  if (days.length === 0) days.push(dayOf(first));
  return days;
}

/** The same instant one calendar month later (clamped to the month's last day). */
export function addOneMonth(ms: number): number {
  const d = new Date(ms);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime() + (ms - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** Terra handles ranges over one calendar month as large requests, delivered in chunks. */
export function isLargeRange(range: { startMs: number; endMs: number }): boolean {
  return range.endMs > addOneMonth(range.startMs);
}

/** Splits a range into consecutive calendar-month chunks (the chunk boundaries of a large request). */
export function monthChunks(range: {
  startMs: number;
  endMs: number;
}): Array<{ startMs: number; endMs: number }> {
  const chunks: Array<{ startMs: number; endMs: number }> = [];
  for (let s = range.startMs; s < range.endMs; ) {
    const e = Math.min(addOneMonth(s), range.endMs);
    chunks.push({ startMs: s, endMs: e });
    s = e;
  }
  return chunks;
}

/** An optional `YYYY-MM-DD` query parameter (a real calendar date), undefined when absent, else a 400. */
export function optionalDayParam(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badRequest(`invalid ${name}: ${value}; send YYYY-MM-DD`);
  parseDateParam(name, value);
  return value;
}
