import {
  type ActivityLike,
  type DailyLike,
  type HeartRateChart,
  heartRateSeries,
  type SleepChart,
  type SleepLike,
  type SleepSessionRow,
  type StepsChart,
  sleepSessionRows,
  sleepStageSeries,
  stepsSeries,
} from './chart-series.js';

/** One user's data by UTC day, as the sandbox's generators produce it (activity and sleep with samples). */
export interface ChartDataSource {
  activity(day: string): readonly ActivityLike[];
  sleep(day: string): readonly SleepLike[];
  daily(day: string): readonly DailyLike[];
}

/** The body of `GET /dashboard/api/users/<user_id>/charts`. */
export interface UserCharts {
  user_id: string;
  heart_rate: HeartRateChart;
  sleep: SleepChart;
  steps: StepsChart;
  /** Sleep sessions that ended in the last {@link SLEEP_TABLE_DAYS} days, naps marked, oldest first. */
  sleep_sessions: SleepSessionRow[];
}

/** How many days back the sleep table reaches. */
export const SLEEP_TABLE_DAYS = 7;

/** Fewest and most days the steps chart covers. */
export const STEPS_DAYS = { min: 1, max: 30, default: 14 } as const;

// How far back to look for a workout or a night with samples; users do not train every day.
const LOOK_BACK_DAYS = 14;

function shiftDay(day: string, by: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);
}

function latestDayWith<T>(
  today: string,
  records: (day: string) => readonly T[],
  pick: (record: T) => boolean,
) {
  for (let back = 0; back < LOOK_BACK_DAYS; back++) {
    const candidates = records(shiftDay(today, -back)).filter(pick);
    const latest = candidates[candidates.length - 1];
    if (latest !== undefined) return latest;
  }
  return undefined;
}

// The generators make whole days, so today's records may end in the future; "latest" means already over.
function endedBy(endTime: string | null | undefined, nowMs: number): boolean {
  const end = endTime ? Date.parse(endTime) : Number.NaN;
  return !Number.isNaN(end) && end <= nowMs;
}

/**
 * Builds the three dashboard charts for a user: heart rate of the latest workout and the latest night's
 * hypnogram (naps skipped) that ended by `nowMs`, and steps for the `days` UTC days ending on the day of `nowMs`;
 * with the sleep sessions of the last {@link SLEEP_TABLE_DAYS} days for the sleep table.
 */
export function buildUserCharts(
  userId: string,
  source: ChartDataSource,
  nowMs: number,
  days: number,
): UserCharts {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const workout = latestDayWith(
    today,
    (d) => source.activity(d),
    (a) => endedBy(a.metadata?.end_time, nowMs) && heartRateSeries(a).x.length > 1,
  );
  const night = latestDayWith(
    today,
    (d) => source.sleep(d),
    (s) =>
      s.metadata?.is_nap !== true && endedBy(s.metadata?.end_time, nowMs) && sleepStageSeries(s).x.length > 1,
  );
  const stepDays = [];
  for (let back = days - 1; back >= 0; back--) {
    const day = shiftDay(today, -back);
    stepDays.push({ day, records: source.daily(day) });
  }
  const sessions: SleepLike[] = [];
  for (let back = SLEEP_TABLE_DAYS - 1; back >= 0; back--) {
    for (const record of source.sleep(shiftDay(today, -back))) {
      if (endedBy(record.metadata?.end_time, nowMs)) sessions.push(record);
    }
  }
  return {
    user_id: userId,
    sleep_sessions: sleepSessionRows(sessions),
    heart_rate: workout
      ? heartRateSeries(workout)
      : { x: [], y: [], workout: null, start_time: null, utc_offset_seconds: 0 },
    sleep: night
      ? sleepStageSeries(night)
      : { x: [], y: [], start_time: null, end_time: null, utc_offset_seconds: 0 },
    steps: stepsSeries(stepDays),
  };
}

/**
 * Reads the `days` query parameter: absent means {@link STEPS_DAYS}.default; anything but a whole number
 * in range is an error message for a 400.
 */
export function parseStepsDays(raw: string | null): { days: number } | { error: string } {
  if (raw === null || raw === '') return { days: STEPS_DAYS.default };
  const days = Number(raw);
  if (!Number.isInteger(days) || days < STEPS_DAYS.min || days > STEPS_DAYS.max) {
    return {
      error: `days must be a whole number from ${STEPS_DAYS.min} to ${STEPS_DAYS.max}, got ${JSON.stringify(raw)}`,
    };
  }
  return { days };
}
