import type {
  ActivityLevelSample,
  BodyBatterySample,
  CalorieSample,
  Daily,
  DistanceSample,
  HeartRateDataSample,
  METSample,
  StepSample,
  StressSample,
} from 'terra-ts';
import { formatDay, parseDay } from './calendar.js';
import { type GenerateOptions, type GeneratorContext, readWithSamples } from './context.js';
import { BODY_BATTERY_MINUTES, type DayStress, STRESS_MINUTES, simulateStress } from './daily-stress.js';
import { buildDayTimeline, DAY_MINUTES, type DayTimeline, MinuteState } from './day-timeline.js';
import { deviceDataOf } from './device.js';
import { zoneOf } from './heart-rate-zones.js';
import { clamp } from './numbers.js';
import { type Persona, personaOf } from './persona.js';
import { createRandom } from './random.js';
import { average, maxOf, minOf } from './series.js';
import { TimestampFormatter } from './timestamps.js';
import { strainOf } from './training-load.js';

/** Minutes per step, distance, calorie, activity-level and MET sample. */
export const DAILY_WINDOW_MINUTES = 15;

/**
 * The summary of a local day (`YYYY-MM-DD`, midnight to midnight in the user's zone): steps
 * (everyday walking plus the day's workouts), distance, calories (basal + active), time at each
 * activity level, heart rate (including sleep and workouts), stress, body battery and scores.
 * Step and distance samples are cumulative from midnight, as Terra defines them: the last equals the total.
 *
 * @example
 * const [today] = generateDaily({ seed: 1, user }, '2026-03-01', { withSamples: false });
 */
export function generateDaily(ctx: GeneratorContext, day: string, opts?: Partial<GenerateOptions>): Daily[] {
  const dayNumber = parseDay(day);
  const withSamples = readWithSamples(opts);
  const persona = personaOf(ctx);
  if (!persona.profile.dataTypes.includes('daily')) return [];
  const timeline = buildDayTimeline(ctx, persona, dayNumber);
  const stress = simulateStress(
    timeline,
    createRandom(ctx.seed, persona.userId, formatDay(dayNumber), 'stress'),
  );
  return [buildDaily(persona, timeline, stress, withSamples)];
}

function buildDaily(persona: Persona, timeline: DayTimeline, stress: DayStress, withSamples: boolean): Daily {
  const fmt = new TimestampFormatter(persona.offsetMinutes);
  const { startSeconds } = timeline;
  const windows = windowTotals(timeline);
  const totalSteps = windows.cumulativeSteps[windows.count - 1] ?? 0;
  const totalMeters = windows.cumulativeMeters[windows.count - 1] ?? 0;
  const totalCalories = Math.round(windows.calories.reduce((a, b) => a + b, 0) * 100) / 100;
  const bmr = Math.round(timeline.bmrPerMinute * DAY_MINUTES * 100) / 100;
  const levels = levelSeconds(persona, timeline);
  const stressSummary = stressSummaryOf(stress);
  const restingHr = restingHeartRate(timeline.heartRate);
  const sleepScore = timeline.lastNight?.sleepScore ?? null;
  const recovery = timeline.lastNight?.readiness ?? null;
  const activeMinutes = (levels.low + levels.moderate + levels.vigorous) / 60;
  const strain = strainOf(timeline.workoutTrimp + activeMinutes * 0.3);
  return {
    metadata: {
      start_time: fmt.format(startSeconds),
      end_time: fmt.format(startSeconds + DAY_MINUTES * 60),
      upload_type: 1,
      timestamp_localization: 1,
    },
    device_data: deviceDataOf(persona),
    distance_data: {
      steps: totalSteps,
      distance_meters: Math.round(totalMeters * 10) / 10,
      floors_climbed: Math.round(totalSteps / 1400),
      elevation: null,
      swimming: null,
      detailed: withSamples
        ? {
            step_samples: windowSamples<StepSample>(
              windows.count,
              startSeconds,
              fmt,
              true,
              (timestamp, i, timer) => ({
                timestamp,
                steps: windows.cumulativeSteps[i] ?? 0,
                timer_duration_seconds: timer,
              }),
            ),
            distance_samples: windowSamples<DistanceSample>(
              windows.count,
              startSeconds,
              fmt,
              true,
              (timestamp, i, timer) => ({
                timestamp,
                distance_meters: Math.round((windows.cumulativeMeters[i] ?? 0) * 10) / 10,
                timer_duration_seconds: timer,
              }),
            ),
            elevation_samples: null,
            floors_climbed_samples: null,
          }
        : null,
    },
    calories_data: {
      total_burned_calories: totalCalories,
      BMR_calories: bmr,
      net_activity_calories: Math.round((totalCalories - bmr) * 100) / 100,
      net_intake_calories: null,
      calorie_samples: withSamples
        ? windowSamples<CalorieSample>(windows.count, startSeconds, fmt, false, (timestamp, i, timer) => ({
            timestamp,
            calories: windows.calories[i] ?? 0,
            timer_duration_seconds: timer,
          }))
        : null,
    },
    active_durations_data: {
      activity_seconds: levels.low + levels.moderate + levels.vigorous,
      rest_seconds: levels.rest,
      inactivity_seconds: levels.inactive,
      low_intensity_seconds: levels.low,
      moderate_intensity_seconds: levels.moderate,
      vigorous_intensity_seconds: levels.vigorous,
      num_continuous_inactive_periods: levels.inactivePeriods,
      standing_hours_count: null,
      standing_seconds: null,
      activity_levels_samples: withSamples
        ? windowSamples<ActivityLevelSample>(
            windows.count,
            startSeconds,
            fmt,
            false,
            (timestamp, i, timer) => ({
              timestamp,
              activity_level: windows.level[i] ?? 0,
              timer_duration_seconds: timer,
            }),
          )
        : null,
    },
    heart_rate_data: {
      summary: {
        avg_hr_bpm: Math.round(average(timeline.heartRate) * 10) / 10,
        max_hr_bpm: maxOf(timeline.heartRate),
        min_hr_bpm: minOf(timeline.heartRate),
        resting_hr_bpm: restingHr,
        user_max_hr_bpm: persona.maxHr,
        avg_hrv_rmssd: timeline.lastNight
          ? Math.round(average(timeline.lastNight.signals.hrv) * 10) / 10
          : null,
        avg_hrv_sdnn: null,
        hr_zone_data: null,
      },
      detailed: withSamples
        ? { hr_samples: heartRateSamples(timeline, fmt), hrv_samples_rmssd: null, hrv_samples_sdnn: null }
        : null,
    },
    stress_data: {
      ...stressSummary,
      samples: withSamples ? stressSamples(stress, startSeconds, fmt) : null,
      body_battery_samples: withSamples ? bodyBatterySamples(stress, startSeconds, fmt) : null,
    },
    MET_data: {
      avg_level: Math.round(average(timeline.met) * 10) / 10,
      num_inactive_minutes: countWhere(timeline.met, (v) => v < 1.5),
      num_low_intensity_minutes: countWhere(timeline.met, (v) => v >= 1.5 && v < 3),
      num_moderate_intensity_minutes: countWhere(timeline.met, (v) => v >= 3 && v < 6),
      num_high_intensity_minutes: countWhere(timeline.met, (v) => v >= 6),
      MET_samples: withSamples
        ? windowSamples<METSample>(windows.count, startSeconds, fmt, false, (timestamp, i) => ({
            timestamp,
            level: windows.met[i] ?? 0,
          }))
        : null,
    },
    oxygen_data: {
      avg_saturation_percentage: timeline.lastNight
        ? Math.round(average(timeline.lastNight.signals.spo2) * 10) / 10
        : null,
      vo2max_ml_per_min_per_kg: persona.vo2max,
      day_avg_vo2max_ml_per_min_per_kg: null,
      saturation_samples: null,
      vo2_samples: null,
    },
    scores: {
      sleep: sleepScore,
      recovery,
      activity: Math.round(clamp(40 + (totalSteps / 10_000) * 35 + activeMinutes / 6, 0, 100)),
    },
    strain_data: { strain_level: Math.round(strain * 10) / 10 },
    data_enrichment: {
      total_stress_score: stressSummary.avg_stress_level,
      strain_index: Math.round(strain * 10) / 10,
    },
    tag_data: null,
  };
}

interface WindowTotals {
  count: number;
  cumulativeSteps: number[];
  cumulativeMeters: number[];
  calories: number[];
  level: number[];
  met: number[];
}

function windowTotals(timeline: DayTimeline): WindowTotals {
  const count = DAY_MINUTES / DAILY_WINDOW_MINUTES;
  const out: WindowTotals = {
    count,
    cumulativeSteps: [],
    cumulativeMeters: [],
    calories: [],
    level: [],
    met: [],
  };
  let steps = 0;
  let meters = 0;
  for (let w = 0; w < count; w++) {
    let kcal = 0;
    let met = 0;
    let windowSteps = 0;
    let asleep = 0;
    let workout = 0;
    for (let m = w * DAILY_WINDOW_MINUTES; m < (w + 1) * DAILY_WINDOW_MINUTES; m++) {
      steps += timeline.steps[m] ?? 0;
      windowSteps += timeline.steps[m] ?? 0;
      meters += timeline.meters[m] ?? 0;
      kcal += timeline.calories[m] ?? 0;
      met += timeline.met[m] ?? 0;
      if (timeline.state[m] === MinuteState.ASLEEP) asleep++;
      if (timeline.state[m] === MinuteState.WORKOUT) workout++;
    }
    out.cumulativeSteps.push(steps);
    out.cumulativeMeters.push(meters);
    out.calories.push(Math.round(kcal * 100) / 100);
    out.met.push(Math.round((met / DAILY_WINDOW_MINUTES) * 10) / 10);
    // ActivityLevel: 1 rest, 2 inactive, 3 low, 4 medium, 5 high.
    out.level.push(
      asleep > DAILY_WINDOW_MINUTES / 2
        ? 1
        : workout > 5
          ? 5
          : windowSteps > 900
            ? 4
            : windowSteps > 150
              ? 3
              : 2,
    );
  }
  return out;
}

function levelSeconds(persona: Persona, timeline: DayTimeline) {
  const out = { rest: 0, inactive: 0, low: 0, moderate: 0, vigorous: 0, inactivePeriods: 0 };
  let inactiveRun = 0;
  for (let m = 0; m < DAY_MINUTES; m++) {
    const state = timeline.state[m];
    const steps = timeline.steps[m] ?? 0;
    let inactive = false;
    if (state === MinuteState.ASLEEP) out.rest += 60;
    else if (state === MinuteState.WORKOUT) {
      const zone = zoneOf(timeline.heartRate[m] ?? 0, persona.maxHr);
      if (zone >= 4) out.vigorous += 60;
      else if (zone >= 3) out.moderate += 60;
      else out.low += 60;
    } else if (steps >= 100) out.moderate += 60;
    else if (steps >= 30) out.low += 60;
    else {
      out.inactive += 60;
      inactive = true;
    }
    inactiveRun = inactive ? inactiveRun + 1 : 0;
    // A "continuous inactive period" is an hour without moving, counted once when it reaches the hour.
    if (inactiveRun === 60) out.inactivePeriods++;
  }
  return out;
}

function stressSummaryOf(stress: DayStress) {
  let rest = 0;
  let low = 0;
  let medium = 0;
  let high = 0;
  let total = 0;
  let count = 0;
  let max = 0;
  const window = STRESS_MINUTES * 60;
  for (let i = 0; i < stress.stress.length; i++) {
    const level = stress.stress[i] ?? -1;
    if (level < 0) continue;
    total += level;
    count++;
    if (level > max) max = level;
    if (level <= 25) rest += window;
    else if (level <= 50) low += window;
    else if (level <= 75) medium += window;
    else high += window;
  }
  const avg = count === 0 ? 0 : Math.round((total / count) * 10) / 10;
  return {
    avg_stress_level: avg,
    max_stress_level: max,
    rest_stress_duration_seconds: rest,
    low_stress_duration_seconds: low,
    medium_stress_duration_seconds: medium,
    high_stress_duration_seconds: high,
    stress_duration_seconds: low + medium + high,
    activity_stress_duration_seconds: stress.workoutSeconds,
    stress_rating: avg <= 25 ? 1 : avg <= 50 ? 2 : avg <= 75 ? 3 : 4,
  };
}

/** The lowest 30-minute average heart rate of the day, as wearables define resting heart rate. */
function restingHeartRate(heartRate: Float64Array): number {
  const window = 30;
  let sum = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (let m = 0; m < heartRate.length; m++) {
    sum += heartRate[m] ?? 0;
    if (m >= window) sum -= heartRate[m - window] ?? 0;
    if (m >= window - 1 && sum / window < lowest) lowest = sum / window;
  }
  return Math.round(lowest);
}

function heartRateSamples(timeline: DayTimeline, fmt: TimestampFormatter): HeartRateDataSample[] {
  const out: HeartRateDataSample[] = new Array(DAY_MINUTES);
  for (let m = 0; m < DAY_MINUTES; m++) {
    out[m] = {
      timestamp: fmt.format(timeline.startSeconds + m * 60),
      bpm: timeline.heartRate[m] ?? 0,
      context: timeline.state[m] === MinuteState.WORKOUT ? 1 : 2,
    };
  }
  return out;
}

function stressSamples(stress: DayStress, startSeconds: number, fmt: TimestampFormatter): StressSample[] {
  const out: StressSample[] = [];
  for (let i = 0; i < stress.stress.length; i++) {
    const level = stress.stress[i] ?? -1;
    if (level >= 0) out.push({ timestamp: fmt.format(startSeconds + i * STRESS_MINUTES * 60), level });
  }
  return out;
}

function bodyBatterySamples(
  stress: DayStress,
  startSeconds: number,
  fmt: TimestampFormatter,
): BodyBatterySample[] {
  return Array.from(stress.bodyBattery, (level, i) => ({
    timestamp: fmt.format(startSeconds + i * BODY_BATTERY_MINUTES * 60),
    level,
  }));
}

/**
 * One sample per 15-minute window. Cumulative series are stamped at the end of their window
 * (so the last sample sits at the day's end and equals the total); others at the window's start.
 */
function windowSamples<T>(
  count: number,
  startSeconds: number,
  fmt: TimestampFormatter,
  atWindowEnd: boolean,
  make: (timestamp: string, index: number, timerSeconds: number) => T,
): T[] {
  const out: T[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const offset = (i + (atWindowEnd ? 1 : 0)) * DAILY_WINDOW_MINUTES * 60;
    out[i] = make(fmt.format(startSeconds + offset), i, offset);
  }
  return out;
}

function countWhere(values: Float64Array, test: (value: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i] ?? 0)) n++;
  return n;
}
