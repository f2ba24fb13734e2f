import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { type ParsedDate, parseDateInput } from './date-input.js';
import { wireDateOf } from './wire-date.js';

/** Terra's rule r1: one request may span at most this many days. */
export const MAX_DAYS_PER_REQUEST = 1825;

const SECONDS_PER_DAY = 86_400;

/** One request's window, as wire values. */
export interface DateChunk {
  /** `start_date` query value. */
  start: string | number;
  /** `end_date` query value. */
  end: string | number;
}

/**
 * Validates a start/end pair.
 *
 * @throws TerraInvalidArgumentError when either date is malformed or the end is before the start.
 */
export function parseDateRange(
  startDate: unknown,
  endDate: unknown,
): { start: ParsedDate; end: ParsedDate | undefined } {
  const start = parseDateInput(startDate, 'startDate');
  if (endDate === undefined) return { start, end: undefined };
  const end = parseDateInput(endDate, 'endDate');
  if (end.seconds < start.seconds) {
    throw new TerraInvalidArgumentError(
      'endDate',
      `endDate (${String(end.wire)}) is before startDate (${String(start.wire)}); swap them or pass a later endDate`,
    );
  }
  return { start, end };
}

/**
 * Splits `[start, end)` into consecutive windows of at most `chunkDays` days that meet exactly:
 * each window's end is the next one's start. The first start and the last end keep the caller's own wire
 * form (so a `'YYYY-MM-DD'` end keeps Terra's meaning). Inner boundaries are unix seconds where Terra
 * takes them (10 digits, 2001-09-09 to 2286-11-20) and `'YYYY-MM-DD'` days elsewhere, so every boundary
 * sent is one {@link parseDateInput} accepts.
 *
 * @param chunkDays - days per window; must be a positive integer.
 */
export function splitDateRange(start: ParsedDate, end: ParsedDate, chunkDays: number): DateChunk[] {
  const step = chunkDays * SECONDS_PER_DAY;
  const chunks: DateChunk[] = [];
  let from: string | number = start.wire;
  let fromSeconds = start.seconds;
  while (end.seconds - fromSeconds > step) {
    const to = boundaryAtOrBefore(fromSeconds + step);
    chunks.push({ start: from, end: to.wire });
    from = to.wire;
    fromSeconds = to.seconds;
  }
  chunks.push({ start: from, end: end.wire });
  return chunks;
}

/**
 * The latest instant at or before `seconds` that Terra can take. Outside the 10-digit range only UTC
 * midnights can be sent (as days); a window starting at a day boundary has every boundary on one, so only
 * a window that started as unix seconds and runs past 2286 is cut back to midnight (a shorter, never empty
 * window: it is at least one day long).
 */
function boundaryAtOrBefore(seconds: number): { wire: string | number; seconds: number } {
  const exact = wireDateOf(seconds);
  if (exact !== undefined) return { wire: exact, seconds };
  const midnight = Math.floor(seconds / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  return { wire: wireDateOf(midnight) ?? midnight, seconds: midnight };
}

/** Validates a `chunkDays` option (1 to {@link MAX_DAYS_PER_REQUEST}). */
export function checkChunkDays(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_DAYS_PER_REQUEST) {
    throw new TerraInvalidArgumentError(
      'chunkDays',
      `chunkDays must be a whole number of days from 1 to ${MAX_DAYS_PER_REQUEST} (Terra's per-request limit); got ${String(value)}`,
    );
  }
  return value;
}
