// Turns Terra-shaped records (as the generators produce them) into the x/y arrays the charts draw.
// The input types name only the fields read here, so any object shaped like the wire models fits.

/** Parallel arrays for one chart: x in unix seconds, y the value (null where there is a gap). */
export interface ChartSeries {
  x: number[];
  y: (number | null)[];
}

/** The heart rate of one workout. */
export interface HeartRateChart extends ChartSeries {
  /** Offset of the user's local time from UTC, from `start_time`, so the axis shows their wall clock. */
  utc_offset_seconds: number;
  /** The workout's `metadata.name` (or type) and start time, for the caption. */
  workout: string | null;
  start_time: string | null;
}

/** The sleep stages of one night; y holds {@link HYPNOGRAM_ROWS} rows. */
export interface SleepChart extends ChartSeries {
  /** Offset of the user's local time from UTC, from `start_time`. */
  utc_offset_seconds: number;
  start_time: string | null;
  end_time: string | null;
}

/** Steps per UTC day; x is each day's midnight. */
export interface StepsChart extends ChartSeries {
  days: string[];
}

interface Timed {
  timestamp?: string | null;
}

/** The fields of an activity record the heart-rate chart reads. */
export interface ActivityLike {
  metadata?: {
    name?: string | null;
    type?: unknown;
    start_time?: string | null;
    end_time?: string | null;
  } | null;
  heart_rate_data?: { detailed?: { hr_samples?: (Timed & { bpm?: number | null })[] | null } | null } | null;
}

/** The fields of a sleep record the hypnogram reads. */
export interface SleepLike {
  metadata?: { start_time?: string | null; end_time?: string | null; is_nap?: boolean | null } | null;
  sleep_durations_data?: { hypnogram_samples?: (Timed & { level?: number | null })[] | null } | null;
}

/** The fields of a daily record the steps chart reads. */
export interface DailyLike {
  distance_data?: { steps?: number | null } | null;
}

/** The UTC offset written at the end of an ISO timestamp (`+09:00` -> 32400); 0 for `Z` or none. */
export function utcOffsetSeconds(timestamp: string | null | undefined): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(timestamp ?? '');
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function unixSeconds(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms / 1000;
}

/**
 * Hypnogram rows, top to bottom as sleep charts draw them: awake, REM, light, deep. Terra's SleepLevel numbers
 * (1 awake, 2 sleeping, 3 out of bed, 4 light, 5 deep, 6 REM) are not in depth order, so they are mapped.
 */
export const HYPNOGRAM_ROWS: Record<number, string> = { 4: 'Awake', 3: 'REM', 2: 'Light', 1: 'Deep' };

const LEVEL_TO_ROW: Record<number, number> = { 1: 4, 3: 4, 6: 3, 2: 2, 4: 2, 5: 1 };

/** The heart-rate samples of a workout, in time order; samples without a time or bpm are dropped. */
export function heartRateSeries(activity: ActivityLike): HeartRateChart {
  const points: [number, number][] = [];
  for (const sample of activity.heart_rate_data?.detailed?.hr_samples ?? []) {
    const t = unixSeconds(sample.timestamp);
    if (t !== undefined && typeof sample.bpm === 'number') points.push([t, sample.bpm]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const type = activity.metadata?.type;
  return {
    x: points.map((p) => p[0]),
    y: points.map((p) => p[1]),
    workout: activity.metadata?.name ?? (type === undefined || type === null ? null : String(type)),
    start_time: activity.metadata?.start_time ?? null,
    utc_offset_seconds: utcOffsetSeconds(activity.metadata?.start_time),
  };
}

/**
 * The hypnogram of a night as a step series. The stage of the last sample lasts until the end of the
 * session, so a closing point at `end_time` repeats it; unknown levels (0) become gaps.
 */
export function sleepStageSeries(sleep: SleepLike): SleepChart {
  const points: [number, number | null][] = [];
  for (const sample of sleep.sleep_durations_data?.hypnogram_samples ?? []) {
    const t = unixSeconds(sample.timestamp);
    if (t === undefined || typeof sample.level !== 'number') continue;
    points.push([t, LEVEL_TO_ROW[sample.level] ?? null]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const end = unixSeconds(sleep.metadata?.end_time);
  const last = points[points.length - 1];
  if (last && end !== undefined && end > last[0]) points.push([end, last[1]]);
  return {
    x: points.map((p) => p[0]),
    y: points.map((p) => p[1]),
    start_time: sleep.metadata?.start_time ?? null,
    utc_offset_seconds: utcOffsetSeconds(sleep.metadata?.start_time),
    end_time: sleep.metadata?.end_time ?? null,
  };
}

/** Steps per day from each day's daily records (the largest value when a provider sent several). */
export function stepsSeries(days: readonly { day: string; records: readonly DailyLike[] }[]): StepsChart {
  const series: StepsChart = { x: [], y: [], days: [] };
  for (const { day, records } of days) {
    const steps = records
      .map((r) => r.distance_data?.steps)
      .filter((s): s is number => typeof s === 'number');
    series.days.push(day);
    series.x.push(Date.parse(`${day}T00:00:00Z`) / 1000);
    series.y.push(steps.length > 0 ? Math.max(...steps) : null);
  }
  return series;
}

/** One sleep session for the dashboard's sleep table; naps are marked. */
export interface SleepSessionRow {
  start_time: string;
  end_time: string;
  duration_seconds: number;
  is_nap: boolean;
  /** Offset of the user's local time from UTC at the start, so the table shows their wall clock. */
  utc_offset_seconds: number;
}

/** The sessions among `records` that have a start and an end, in start order. */
export function sleepSessionRows(records: readonly SleepLike[]): SleepSessionRow[] {
  const rows: SleepSessionRow[] = [];
  for (const record of records) {
    const start = record.metadata?.start_time;
    const end = record.metadata?.end_time;
    const startMs = start ? Date.parse(start) : Number.NaN;
    const endMs = end ? Date.parse(end) : Number.NaN;
    if (!start || !end || Number.isNaN(startMs) || Number.isNaN(endMs)) continue;
    rows.push({
      start_time: start,
      end_time: end,
      duration_seconds: Math.round((endMs - startMs) / 1000),
      is_nap: record.metadata?.is_nap === true,
      utc_offset_seconds: utcOffsetSeconds(start),
    });
  }
  return rows.sort((a, b) => Date.parse(a.start_time) - Date.parse(b.start_time));
}
