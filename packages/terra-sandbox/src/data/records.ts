import type { SandboxRuntime } from '../runtime.js';
import type { TerraUser } from '../state/types.js';
import { DAY_MS, daysIn } from './date-range.js';
import type { DataType } from './source.js';

function startTimeOf(record: unknown): number | undefined {
  const start = (record as { metadata?: { start_time?: unknown } }).metadata?.start_time;
  return typeof start === 'string' ? Date.parse(start) : undefined;
}

/**
 * The records of one type in a range, produced a day at a time so a month of samples never has to
 * exist twice in memory.
 *
 * A day-aligned range (`YYYY-MM-DD` dates, the common case) returns the generators' records of those
 * days as they are: a user's day is their local day, which is what a caller asking for "March 1"
 * means. A range with a time of day (unix seconds) is filtered strictly to records starting in
 * `[startMs, endMs)`, looking one day beyond each end, since a local day can start on the
 * neighbouring UTC day.
 */
export function* recordsInRange(
  sandbox: SandboxRuntime,
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
