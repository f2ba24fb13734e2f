import type { SandboxRuntime } from '../runtime.js';
import type { TerraUser } from '../state/types.js';
import { DAY_MS, daysIn } from './date-range.js';
import type { DataType } from './source.js';

function startTimeOf(record: unknown): number | undefined {
  const start = (record as { metadata?: { start_time?: unknown } }).metadata?.start_time;
  return typeof start === 'string' ? Date.parse(start) : undefined;
}

/**
 * The records of one type whose start lies in `[startMs, endMs)`, produced a day at a time so a
 * month of samples never has to exist twice in memory. Day-aligned ranges (the common case) skip
 * the per-record filter.
 */
export function* recordsInRange(
  sandbox: SandboxRuntime,
  type: DataType,
  user: TerraUser,
  range: { startMs: number; endMs: number },
  withSamples: boolean,
): Generator<unknown[]> {
  const aligned = range.startMs % DAY_MS === 0 && range.endMs % DAY_MS === 0;
  for (const day of daysIn(range)) {
    const records = sandbox.recordsForDay(type, user, day, withSamples);
    if (aligned) {
      yield records;
      continue;
    }
    yield records.filter((r) => {
      const start = startTimeOf(r);
      return start === undefined || (start >= range.startMs && start < range.endMs);
    });
  }
}
