import { getPath } from '../output/fields.js';
import { wallClockMs } from './wall-clock.js';

/** Terra's SleepLevel values, named as on a hypnogram. */
export const SLEEP_LEVELS: Readonly<Record<number, string>> = {
  0: 'unknown',
  1: 'awake',
  2: 'asleep',
  3: 'out of bed',
  4: 'light',
  5: 'deep',
  6: 'rem',
};

/** One stage change of a hypnogram, at a wall-clock time. */
export interface StageChange {
  time: number;
  stage: string;
}

/** One sleep record, in the wearer's wall clock (see {@link wallClockMs}). */
export interface SleepPeriod {
  start: number;
  end: number;
  /** Terra's `metadata.is_nap`. */
  isNap: boolean;
  /** Time asleep, when Terra gives it. */
  asleepSeconds: number | undefined;
  /** The hypnogram, sorted by time (empty when the record has no samples). */
  stages: StageChange[];
}

/** The sleep records that carry a start and an end, as {@link SleepPeriod}s sorted by start. */
export function sleepPeriods(records: readonly unknown[]): SleepPeriod[] {
  const periods: SleepPeriod[] = [];
  for (const record of records) {
    const start = wallClockMs(getPath(record, 'metadata.start_time'));
    const end = wallClockMs(getPath(record, 'metadata.end_time'));
    if (start === undefined || end === undefined || end <= start) continue;
    const samples = getPath(record, 'sleep_durations_data.hypnogram_samples');
    const stages = (Array.isArray(samples) ? samples : [])
      .map((sample) => ({
        time: wallClockMs(getPath(sample, 'timestamp')) ?? Number.NaN,
        stage: SLEEP_LEVELS[Number(getPath(sample, 'level'))] ?? 'unknown',
      }))
      .filter((change) => Number.isFinite(change.time))
      .sort((a, b) => a.time - b.time);
    const asleep = Number(getPath(record, 'sleep_durations_data.asleep.duration_asleep_state_seconds'));
    periods.push({
      start,
      end,
      isNap: getPath(record, 'metadata.is_nap') === true,
      asleepSeconds: Number.isFinite(asleep) && asleep > 0 ? asleep : undefined,
      stages,
    });
  }
  return periods.sort((a, b) => a.start - b.start);
}
