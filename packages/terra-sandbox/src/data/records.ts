import type { TerraUser } from '../state/types.js';
import { DAY_MS, daysIn } from './date-range.js';
import type { DataType } from './source.js';

/** Where records come from: the sandbox's clock and its generators (the runtime is one). */
export interface RecordSource {
  /** The sandbox's now, epoch ms. */
  now(): number;
  /** Records of `type` for one local day, as they stand at the sandbox's now. */
  recordsForDay(type: DataType, user: TerraUser, day: string, withSamples: boolean): unknown[];
}

function endTimeOf(record: unknown): number | undefined {
  const end = (record as { metadata?: { end_time?: unknown } }).metadata?.end_time;
  return typeof end === 'string' ? Date.parse(end) : undefined;
}

// A workout or a night that has not ended yet has not been uploaded by any wearable, so Terra cannot
// return it; daily and body records, by contrast, are returned for today as they stand so far. Nothing
// that has not started yet exists.
const ONLY_WHEN_OVER: ReadonlySet<DataType> = new Set(['activity', 'sleep']);

function isRecorded(type: DataType, record: unknown, now: number): boolean {
  const at = ONLY_WHEN_OVER.has(type) ? endTimeOf(record) : startTimeOf(record);
  return at === undefined || at <= now;
}

function startTimeOf(record: unknown): number | undefined {
  const start = (record as { metadata?: { start_time?: unknown } }).metadata?.start_time;
  return typeof start === 'string' ? Date.parse(start) : undefined;
}

/**
 * The records of one type in a range, produced a day at a time so a month of samples never has to
 * exist twice in memory, leaving out what has not been recorded yet at `now` (see {@link isRecorded}).
 *
 * A day-aligned range (`YYYY-MM-DD` dates, the common case) returns the generators' records of those
 * days as they are: a user's day is their local day, which is what a caller asking for "March 1"
 * means. A range with a time of day (unix seconds) is filtered strictly to records starting in
 * `[startMs, endMs)`, looking one day beyond each end, since a local day can start on the
 * neighbouring UTC day.
 */
export function* recordsInRange(
  sandbox: RecordSource,
  type: DataType,
  user: TerraUser,
  range: { startMs: number; endMs: number },
  withSamples: boolean,
  now: number = sandbox.now(),
): Generator<unknown[]> {
  const batches = generatedInRange(sandbox, type, user, range, withSamples);
  // A local day can reach a day past the range's end, so only ranges that close to now need the check.
  if (range.endMs + DAY_MS <= now) {
    yield* batches;
    return;
  }
  for (const batch of batches) yield batch.filter((record) => isRecorded(type, record, now));
}

function* generatedInRange(
  sandbox: RecordSource,
  type: DataType,
  user: TerraUser,
  range: { startMs: number; endMs: number },
  withSamples: boolean,
): Generator<unknown[]> {
  const aligned = range.startMs % DAY_MS === 0 && range.endMs % DAY_MS === 0;
  if (aligned) {
    for (const day of daysIn(range)) yield sandbox.recordsForDay(type, user, day, withSamples);
    return;
  }
  const widened = { startMs: range.startMs - DAY_MS, endMs: range.endMs + DAY_MS };
  for (const day of daysIn(widened)) {
    yield sandbox.recordsForDay(type, user, day, withSamples).filter((r) => {
      const start = startTimeOf(r);
      return start !== undefined && start >= range.startMs && start < range.endMs;
    });
  }
}
