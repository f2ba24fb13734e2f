import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import { type ParsedDate, parseDateInput } from './date-input.js';

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
 * form (so a `'YYYY-MM-DD'` end keeps Terra's meaning); inner boundaries are unix seconds.
 *
 * @param chunkDays - days per window; must be a positive integer.
 */
export function splitDateRange(start: ParsedDate, end: ParsedDate, chunkDays: number): DateChunk[] {
  const step = chunkDays * SECONDS_PER_DAY;
  const chunks: DateChunk[] = [];
  let from: string | number = start.wire;
  let fromSeconds = start.seconds;
  while (end.seconds - fromSeconds > step) {
    const to = fromSeconds + step;
    chunks.push({ start: from, end: to });
    from = to;
    fromSeconds = to;
  }
  chunks.push({ start: from, end: end.wire });
  return chunks;
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
