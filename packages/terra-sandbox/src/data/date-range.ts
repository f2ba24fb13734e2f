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

/** Parses a date parameter: `YYYY-MM-DD` (UTC midnight) or unix seconds. Anything else is a 400. */
export function parseDateParam(name: string, value: string): number {
  const m = DATE_RE.exec(value);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    const back = new Date(ms);
    if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) {
      throw badRequest(`invalid ${name}: ${value} is not a calendar date`);
    }
    return ms;
  }
  if (/^-?\d+$/.test(value)) return Number(value) * 1000;
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
export function parseDateRange(query: URLSearchParams): DateRange {
  const start = query.get('start_date');
  if (start === null || start === '') {
    throw badRequest('missing required query parameter start_date (YYYY-MM-DD or unix seconds)');
  }
  const startMs = parseDateParam('start_date', start);
  const end = query.get('end_date');
  let endMs = startMs + DAY_MS;
  if (end !== null && end !== '') {
    endMs = parseDateParam('end_date', end);
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
