import type { SeriesPoint } from '../output/chart.js';
import { getPath } from '../output/fields.js';
import { wallClockMs } from './wall-clock.js';

/** One workout (an activity record) with its heart rate, in the wearer's wall clock. */
export interface Workout {
  start: number;
  end: number;
  /** `metadata.name`, when the wearable gave one. */
  name: string | undefined;
  /** bpm over wall-clock time, sorted. */
  heartRate: SeriesPoint[];
}

/** The activity records with a start and an end, as {@link Workout}s sorted by start. */
export function workouts(records: readonly unknown[]): Workout[] {
  const found: Workout[] = [];
  for (const record of records) {
    const start = wallClockMs(getPath(record, 'metadata.start_time'));
    const end = wallClockMs(getPath(record, 'metadata.end_time'));
    if (start === undefined || end === undefined) continue;
    const samples = getPath(record, 'heart_rate_data.detailed.hr_samples');
    const heartRate = (Array.isArray(samples) ? samples : [])
      .map((sample) => ({
        time: wallClockMs(getPath(sample, 'timestamp')) ?? Number.NaN,
        value: Number(getPath(sample, 'bpm')),
      }))
      .filter((point) => Number.isFinite(point.time) && Number.isFinite(point.value) && point.value > 0)
      .sort((a, b) => a.time - b.time);
    const name = getPath(record, 'metadata.name');
    found.push({ start, end, name: typeof name === 'string' && name !== '' ? name : undefined, heartRate });
  }
  return found.sort((a, b) => a.start - b.start);
}
