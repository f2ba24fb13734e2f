import { zoneOf } from '../activity/heart-rate-zones.js';
import type { Persona } from '../world/persona.js';
import { type DayStress, STRESS_MINUTES } from './daily-stress.js';
import { type DayTimeline, MinuteState } from './day-timeline.js';

/** Minutes per step, distance, calorie, activity-level and MET sample. */
export const DAILY_WINDOW_MINUTES = 15;

/** Per-15-minute totals of a day: cumulative steps and metres, calories, activity level and mean MET. */
export interface WindowTotals {
  count: number;
  cumulativeSteps: number[];
  cumulativeMeters: number[];
  calories: number[];
  level: number[];
  met: number[];
}

/** Cuts a day's minute timeline into 15-minute windows. */
export function windowTotals(timeline: DayTimeline): WindowTotals {
  const count = timeline.state.length / DAILY_WINDOW_MINUTES;
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

/** Seconds spent at each activity level over a day, and the hour-long spells without moving. */
export interface LevelSeconds {
  rest: number;
  inactive: number;
  low: number;
  moderate: number;
  vigorous: number;
  inactivePeriods: number;
}

/** Seconds at each activity level over the day (asleep = rest; workouts by heart-rate zone; otherwise by steps). */
export function levelSeconds(persona: Persona, timeline: DayTimeline): LevelSeconds {
  const out: LevelSeconds = { rest: 0, inactive: 0, low: 0, moderate: 0, vigorous: 0, inactivePeriods: 0 };
  let inactiveRun = 0;
  for (let m = 0; m < timeline.state.length; m++) {
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

/** Stress summary from the day's stress samples (workout windows are counted as activity, not stress). */
export function stressSummaryOf(stress: DayStress) {
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

/**
 * The lowest 30-minute average heart rate of the day, as wearables define resting heart rate (the
 * mean of what there is when a day in progress has recorded less than 30 minutes).
 */
export function restingHeartRate(heartRate: Float64Array): number {
  const window = Math.min(30, heartRate.length);
  let sum = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (let m = 0; m < heartRate.length; m++) {
    sum += heartRate[m] ?? 0;
    if (m >= window) sum -= heartRate[m - window] ?? 0;
    if (m >= window - 1 && sum / window < lowest) lowest = sum / window;
  }
  return Math.round(lowest);
}

/** How many values pass `test`. */
export function countWhere(values: Float64Array, test: (value: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (test(values[i] ?? 0)) n++;
  return n;
}
