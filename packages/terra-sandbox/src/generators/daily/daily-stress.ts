import { wallMinuteOf } from '../world/local-time.js';
import { clamp } from '../world/numbers.js';
import type { Random } from '../world/random.js';
import { type DayTimeline, MinuteState } from './day-timeline.js';

/** Minutes between stress samples. */
export const STRESS_MINUTES = 5;
/** Minutes between body-battery samples. */
export const BODY_BATTERY_MINUTES = 15;

/** Stress through the day (none while training) and the body battery it drains. */
export interface DayStress {
  /** Stress level (1-100) per 5-minute window, or -1 where the window was a workout. */
  readonly stress: Float64Array;
  /** Body battery (5-100) per 15-minute window. */
  readonly bodyBattery: Float64Array;
  readonly workoutSeconds: number;
}

/**
 * Stress is low asleep, higher in working hours and after poor nights; workouts are not scored
 * (Garmin marks them as activity). Body battery charges in sleep and drains with stress and effort.
 */
export function simulateStress(timeline: DayTimeline, rng: Random): DayStress {
  const length = timeline.state.length;
  const windows = length / STRESS_MINUTES;
  const stress = new Float64Array(windows);
  const readiness = timeline.lastNight?.readiness ?? 70;
  const baseline = clamp(30 + (70 - readiness) * 0.4 + rng.normal(0, 5), 12, 65);
  let level = baseline;
  let workoutSeconds = 0;
  for (let w = 0; w < windows; w++) {
    const m = w * STRESS_MINUTES;
    const state = timeline.state[m];
    if (state === MinuteState.WORKOUT) {
      stress[w] = -1;
      workoutSeconds += STRESS_MINUTES * 60;
      continue;
    }
    // Working hours are by the wall clock, also on the day the clocks change.
    const hour = wallMinuteOf(timeline.clock, m) / 60;
    const work = hour >= 9 && hour < 18 ? 12 : 0;
    const target = state === MinuteState.ASLEEP ? 12 : baseline + work;
    level += (target - level) * 0.3 + rng.normal(0, 6);
    stress[w] = Math.round(clamp(level, 1, 100));
  }
  const bodyBattery = new Float64Array(length / BODY_BATTERY_MINUTES);
  let battery = clamp(25 + readiness * 0.25, 5, 100);
  for (let m = 0; m < length; m++) {
    const state = timeline.state[m];
    const s = stress[Math.floor(m / STRESS_MINUTES)] ?? 0;
    if (state === MinuteState.ASLEEP) battery += 0.14;
    else if (state === MinuteState.WORKOUT) battery -= 0.18;
    else battery -= 0.03 + s / 2500;
    battery = clamp(battery, 5, 100);
    if (m % BODY_BATTERY_MINUTES === 0) bodyBattery[m / BODY_BATTERY_MINUTES] = Math.round(battery);
  }
  return { stress, bodyBattery, workoutSeconds };
}

/**
 * Stress as recorded in the first `minutes` of the day (a multiple of 15): the windows that had
 * ended by then, the same values the whole day holds there.
 */
export function recordedStress(stress: DayStress, minutes: number): DayStress {
  const windows = Math.floor(minutes / STRESS_MINUTES);
  if (windows >= stress.stress.length) return stress;
  const levels = stress.stress.subarray(0, windows);
  let training = 0;
  for (let i = 0; i < levels.length; i++) if (levels[i] === -1) training++;
  return {
    stress: levels,
    bodyBattery: stress.bodyBattery.subarray(0, Math.floor(minutes / BODY_BATTERY_MINUTES)),
    workoutSeconds: training * STRESS_MINUTES * 60,
  };
}
