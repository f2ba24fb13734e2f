import { UsageError } from '../cli-error.js';
import type { SeriesPoint, StagePoint } from '../output/chart.js';
import { getPath } from '../output/fields.js';
import { SLEEP_LEVELS } from './sleep-periods.js';

/** The sample series `--chart` can draw. */
export const CHART_SERIES = ['heart-rate', 'steps', 'sleep-stages'] as const;

/** One of {@link CHART_SERIES}. */
export type ChartSeries = (typeof CHART_SERIES)[number];

/** The series drawn when `--chart` is given without a name, by data type. */
const DEFAULT_SERIES: Record<string, ChartSeries> = {
  activity: 'heart-rate',
  daily: 'steps',
  sleep: 'sleep-stages',
  body: 'heart-rate',
};

/** Hypnogram rows top to bottom: shallow to deep, then the rarer levels. */
export const SLEEP_STAGE_ORDER = ['awake', 'rem', 'light', 'deep', 'asleep', 'out of bed', 'unknown'];

/** Resolves `--chart [series]` for a data type, or says which series exist. */
export function chartSeriesFor(type: string, requested: string | true): ChartSeries {
  if (requested === true) {
    const series = DEFAULT_SERIES[type];
    if (series === undefined) {
      throw new UsageError(
        `${type} data has no sample series to chart`,
        `chart activity, daily or sleep data`,
      );
    }
    return series;
  }
  if (!(CHART_SERIES as readonly string[]).includes(requested)) {
    throw new UsageError(`--chart: unknown series "${requested}"`, `use one of: ${CHART_SERIES.join(', ')}`);
  }
  return requested as ChartSeries;
}

function samples(record: unknown, path: string): unknown[] {
  const value = getPath(record, path);
  return Array.isArray(value) ? value : [];
}

/**
 * The UTC offset, in minutes, of the first timestamp in `records` that carries one (Terra writes local times with
 * their offset), so a chart can label its axis in the wearer's own clock.
 */
export function utcOffsetOf(records: readonly unknown[]): number {
  for (const record of records) {
    const start = getPath(record, 'metadata.start_time');
    const match = typeof start === 'string' ? /([+-])(\d{2}):?(\d{2})$/.exec(start) : null;
    if (match) return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
    if (typeof start === 'string') return 0;
  }
  return 0;
}

function timeOf(sample: unknown): number {
  return Date.parse(String(getPath(sample, 'timestamp')));
}

/** Heart-rate samples (`heart_rate_data.detailed.hr_samples`) of all records, as bpm over time. */
export function heartRatePoints(records: readonly unknown[]): SeriesPoint[] {
  return records
    .flatMap((record) => samples(record, 'heart_rate_data.detailed.hr_samples'))
    .map((sample) => ({ time: timeOf(sample), value: Number(getPath(sample, 'bpm')) }))
    .filter((point) => Number.isFinite(point.time) && Number.isFinite(point.value));
}

/**
 * Steps per sample interval. Terra's `step_samples` are cumulative within each payload, so the chart shows the
 * difference between neighbours (a drop means a new payload began, and its first value counts whole).
 */
export function stepPoints(records: readonly unknown[]): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (const record of records) {
    let previous = 0;
    for (const sample of samples(record, 'distance_data.detailed.step_samples')) {
      const steps = Number(getPath(sample, 'steps'));
      const time = timeOf(sample);
      if (!Number.isFinite(steps) || !Number.isFinite(time)) continue;
      points.push({ time, value: steps >= previous ? steps - previous : steps });
      previous = steps;
    }
  }
  return points;
}

/** Hypnogram samples (`sleep_durations_data.hypnogram_samples`) as named stages over time. */
export function sleepStagePoints(records: readonly unknown[]): StagePoint[] {
  return records
    .flatMap((record) => samples(record, 'sleep_durations_data.hypnogram_samples'))
    .map((sample) => ({
      time: timeOf(sample),
      stage: SLEEP_LEVELS[Number(getPath(sample, 'level'))] ?? 'unknown',
    }))
    .filter((point) => Number.isFinite(point.time));
}
