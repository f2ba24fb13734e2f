import type {
  ActivityLevelSample,
  CalorieSample,
  Daily,
  DistanceSample,
  METSample,
  StepSample,
} from 'terra-ts';
import type { Persona } from '../world/persona.js';
import { average, maxOf, minOf } from '../world/series.js';
import type { TimestampFormatter } from '../world/timestamps.js';
import { heartRateSamples, windowSamples } from './daily-samples.js';
import { countWhere, type LevelSeconds, restingHeartRate, type WindowTotals } from './daily-summaries.js';
import type { DayTimeline } from './day-timeline.js';

type Section<K extends keyof Daily> = NonNullable<Daily[K]>;

/** What every daily section needs: the 15-minute windows and how to stamp them. */
export interface DailySampling {
  readonly windows: WindowTotals;
  readonly startSeconds: number;
  readonly fmt: TimestampFormatter;
  readonly withSamples: boolean;
}

/** One sample per 15-minute window of the sampled day (see `windowSamples` for where each is stamped). */
function daySamples<T>(
  s: DailySampling,
  atWindowEnd: boolean,
  make: (timestamp: string, index: number, timerSeconds: number) => T,
): T[] {
  return windowSamples(s.windows.count, s.startSeconds, s.fmt, atWindowEnd, make);
}

/** Steps and distance for the day, with cumulative samples ending at the totals. */
export function dailyDistanceOf(s: DailySampling): Section<'distance_data'> {
  const { windows } = s;
  const steps = windows.cumulativeSteps[windows.count - 1] ?? 0;
  const meters = windows.cumulativeMeters[windows.count - 1] ?? 0;
  return {
    steps,
    distance_meters: Math.round(meters * 10) / 10,
    // Everyday stairs: roughly a floor per 1,400 steps.
    floors_climbed: Math.round(steps / 1400),
    elevation: null,
    swimming: null,
    detailed: s.withSamples
      ? {
          step_samples: daySamples<StepSample>(s, true, (timestamp, i, timer) => ({
            timestamp,
            steps: windows.cumulativeSteps[i] ?? 0,
            timer_duration_seconds: timer,
          })),
          distance_samples: daySamples<DistanceSample>(s, true, (timestamp, i, timer) => ({
            timestamp,
            distance_meters: Math.round((windows.cumulativeMeters[i] ?? 0) * 10) / 10,
            timer_duration_seconds: timer,
          })),
          elevation_samples: null,
          floors_climbed_samples: null,
        }
      : null,
  };
}

/**
 * Calories burned: the total is the sum of the 15-minute samples; basal is the BMR of the day's real
 * length (23 or 25 hours when the clocks change), the same minutes the total counts.
 */
export function dailyCaloriesOf(timeline: DayTimeline, s: DailySampling): Section<'calories_data'> {
  const { windows } = s;
  const total = Math.round(windows.calories.reduce((a, b) => a + b, 0) * 100) / 100;
  const bmr = Math.round(timeline.bmrPerMinute * timeline.state.length * 100) / 100;
  return {
    total_burned_calories: total,
    BMR_calories: bmr,
    net_activity_calories: Math.round((total - bmr) * 100) / 100,
    net_intake_calories: null,
    calorie_samples: s.withSamples
      ? daySamples<CalorieSample>(s, false, (timestamp, i, timer) => ({
          timestamp,
          calories: windows.calories[i] ?? 0,
          timer_duration_seconds: timer,
        }))
      : null,
  };
}

/** Seconds at each activity level (they add up to the whole day) and the level of each window. */
export function dailyActiveDurationsOf(
  levels: LevelSeconds,
  s: DailySampling,
): Section<'active_durations_data'> {
  const { windows } = s;
  return {
    activity_seconds: levels.low + levels.moderate + levels.vigorous,
    rest_seconds: levels.rest,
    inactivity_seconds: levels.inactive,
    low_intensity_seconds: levels.low,
    moderate_intensity_seconds: levels.moderate,
    vigorous_intensity_seconds: levels.vigorous,
    num_continuous_inactive_periods: levels.inactivePeriods,
    standing_hours_count: null,
    standing_seconds: null,
    activity_levels_samples: s.withSamples
      ? daySamples<ActivityLevelSample>(s, false, (timestamp, i, timer) => ({
          timestamp,
          activity_level: windows.level[i] ?? 0,
          timer_duration_seconds: timer,
        }))
      : null,
  };
}

/** Heart rate over the whole day (sleep and workouts included), summarised from its per-minute samples. */
export function dailyHeartRateOf(
  persona: Persona,
  timeline: DayTimeline,
  s: DailySampling,
): Section<'heart_rate_data'> {
  const lastNight = timeline.lastNight;
  return {
    summary: {
      avg_hr_bpm: Math.round(average(timeline.heartRate) * 10) / 10,
      max_hr_bpm: maxOf(timeline.heartRate),
      min_hr_bpm: minOf(timeline.heartRate),
      resting_hr_bpm: restingHeartRate(timeline.heartRate),
      user_max_hr_bpm: persona.maxHr,
      avg_hrv_rmssd: lastNight ? Math.round(average(lastNight.signals.hrv) * 10) / 10 : null,
      avg_hrv_sdnn: null,
      hr_zone_data: null,
    },
    detailed: s.withSamples
      ? { hr_samples: heartRateSamples(timeline, s.fmt), hrv_samples_rmssd: null, hrv_samples_sdnn: null }
      : null,
  };
}

/** MET over the day: mean level and minutes per intensity band, with 15-minute samples. */
export function dailyMetOf(timeline: DayTimeline, s: DailySampling): Section<'MET_data'> {
  const { windows } = s;
  return {
    avg_level: Math.round(average(timeline.met) * 10) / 10,
    num_inactive_minutes: countWhere(timeline.met, (v) => v < 1.5),
    num_low_intensity_minutes: countWhere(timeline.met, (v) => v >= 1.5 && v < 3),
    num_moderate_intensity_minutes: countWhere(timeline.met, (v) => v >= 3 && v < 6),
    num_high_intensity_minutes: countWhere(timeline.met, (v) => v >= 6),
    MET_samples: s.withSamples
      ? daySamples<METSample>(s, false, (timestamp, i) => ({
          timestamp,
          level: windows.met[i] ?? 0,
        }))
      : null,
  };
}
