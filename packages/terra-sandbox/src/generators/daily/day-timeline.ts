import { metOf, trimpOf } from '../activity/training-load.js';
import { planWorkouts, type WorkoutPlan } from '../activity/workout-plan.js';
import { traceWorkout, WORKOUT_SAMPLE_SECONDS } from '../activity/workout-trace.js';
import { planNap } from '../sleep/nap-plan.js';
import { planNight } from '../sleep/night-plan.js';
import { type SleepSession, simulateSleep } from '../sleep/sleep-session.js';
import { formatDay, weekday } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import {
  type DayClock,
  dayClockOf,
  localDayMinutes,
  localMidnight,
  wallMinuteOf,
} from '../world/local-time.js';
import { clamp } from '../world/numbers.js';
import { mifflinStJeor, type Persona } from '../world/persona.js';
import { createRandom, type Random } from '../world/random.js';

/** Minutes in a day (a local day on which the clocks change has 60 fewer or more). */
export const DAY_MINUTES = 1440;

/** What a minute of the day was spent doing. */
export const MinuteState = { AWAKE: 0, ASLEEP: 1, WORKOUT: 2 } as const;

/**
 * The minute arrays of a local day (index = minute since local midnight, in elapsed time: on a day the
 * clocks change they hold 1380 or 1500 minutes, so the day ends exactly at the next local midnight).
 */
export interface DayMinutes {
  readonly state: Uint8Array;
  /** Whole steps in each minute. */
  readonly steps: Float64Array;
  /** Whole bpm in each minute. */
  readonly heartRate: Float64Array;
  /** Kilocalories in each minute (basal included). */
  readonly calories: Float64Array;
  readonly met: Float64Array;
  /** Metres covered in each minute. */
  readonly meters: Float64Array;
}

/** A local day minute by minute: the ground truth daily summaries are cut from. */
export interface DayTimeline extends DayMinutes {
  readonly startSeconds: number;
  /** How the wall clock reads at each minute, for patterns people live by the clock. */
  readonly clock: DayClock;
  readonly bmrPerMinute: number;
  /** The night that ended this morning (its scores are the day's sleep and recovery scores), if any. */
  readonly lastNight: SleepSession | null;
  /** The day's workouts: when each ended and its training load. */
  readonly workouts: readonly TimelineWorkout[];
  /** Total TRIMP of {@link DayTimeline.workouts}. */
  readonly workoutTrimp: number;
}

/** A workout as the daily summary counts it: when it ended (epoch seconds) and its TRIMP. */
export interface TimelineWorkout {
  readonly endSeconds: number;
  readonly trimp: number;
}

/**
 * Builds a local day: sleep from last night, tonight and any nap (with their simulated heart rate),
 * the day's workouts (their steps, heart rate and calories, exactly as the activity records show),
 * and everyday steps spread over the waking hours around commute, lunch and evening peaks.
 */
export function buildDayTimeline(ctx: GeneratorContext, persona: Persona, day: number): DayTimeline {
  const rng = createRandom(ctx.seed, persona.userId, formatDay(day), 'daily');
  const startSeconds = localMidnight(persona, day);
  const length = localDayMinutes(persona, day);
  const clock = dayClockOf(persona, day);
  const minutes: DayMinutes = {
    state: new Uint8Array(length),
    steps: new Float64Array(length),
    heartRate: new Float64Array(length),
    calories: new Float64Array(length),
    met: new Float64Array(length),
    meters: new Float64Array(length),
  };
  const lastNight = simulateSleep(ctx, persona, planNight(ctx, persona, day - 1));
  const sessions = [lastNight, simulateSleep(ctx, persona, planNight(ctx, persona, day))];
  const nap = planNap(ctx, persona, day);
  if (nap) sessions.push(simulateSleep(ctx, persona, nap));
  const bmrPerMinute =
    mifflinStJeor(persona.sex, persona.weightKg, persona.heightCm, persona.age) / DAY_MINUTES;
  placeSleep(minutes, sessions, startSeconds, bmrPerMinute);
  const plans = persona.profile.dataTypes.includes('activity') ? planWorkouts(ctx, persona, day) : [];
  const workouts = placeWorkouts(ctx, persona, minutes, plans, startSeconds, bmrPerMinute);
  const workoutTrimp = workouts.reduce((total, w) => total + w.trimp, 0);
  spreadEverydaySteps(persona, day, clock, minutes.state, minutes.steps, rng);
  fillWakingMinutes(persona, minutes, bmrPerMinute, rng);
  return { startSeconds, clock, ...minutes, bmrPerMinute, lastNight, workouts, workoutTrimp };
}

/**
 * The first `minutes` of a day as recorded by then: the minute arrays cut there; last night's
 * scores only once it had ended, and only the workouts that had ended count towards the load.
 * The minutes before the cut are exactly those of the whole day, so a later reading only adds.
 */
export function recordedTimeline(timeline: DayTimeline, minutes: number): DayTimeline {
  if (minutes >= timeline.state.length) return timeline;
  const cut = timeline.startSeconds + minutes * 60;
  const workouts = timeline.workouts.filter((w) => w.endSeconds <= cut);
  const lastNight =
    timeline.lastNight && timeline.lastNight.plan.endSeconds <= cut ? timeline.lastNight : null;
  return {
    ...timeline,
    state: timeline.state.subarray(0, minutes),
    steps: timeline.steps.subarray(0, minutes),
    heartRate: timeline.heartRate.subarray(0, minutes),
    calories: timeline.calories.subarray(0, minutes),
    met: timeline.met.subarray(0, minutes),
    meters: timeline.meters.subarray(0, minutes),
    lastNight,
    workouts,
    workoutTrimp: workouts.reduce((total, w) => total + w.trimp, 0),
  };
}

function placeSleep(
  minutes: DayMinutes,
  sessions: SleepSession[],
  startSeconds: number,
  bmrPerMinute: number,
): void {
  for (const session of sessions) {
    const first = Math.round((session.plan.startSeconds - startSeconds) / 60);
    const hr = session.signals.heartRate;
    for (let k = 0; k < hr.length; k++) {
      const m = first + k;
      if (m < 0 || m >= minutes.state.length) continue;
      minutes.state[m] = MinuteState.ASLEEP;
      minutes.heartRate[m] = hr[k] ?? 0;
      // Metabolism drops a little below the waking basal rate in sleep.
      minutes.calories[m] = bmrPerMinute * 0.95;
      minutes.met[m] = 0.95;
    }
  }
}

/** Copies each workout's trace into the minutes it ran; returns when each ended and its TRIMP. */
function placeWorkouts(
  ctx: GeneratorContext,
  persona: Persona,
  minutes: DayMinutes,
  plans: readonly WorkoutPlan[],
  startSeconds: number,
  bmrPerMinute: number,
): TimelineWorkout[] {
  const perMinute = 60 / WORKOUT_SAMPLE_SECONDS;
  const workouts: TimelineWorkout[] = [];
  for (const plan of plans) {
    const trace = traceWorkout(ctx, persona, plan);
    workouts.push({
      endSeconds: plan.startSeconds + plan.durationSeconds,
      trimp: trimpOf(persona, trace.heartRate),
    });
    const first = Math.round((plan.startSeconds - startSeconds) / 60);
    for (let k = 0; k * perMinute < trace.count; k++) {
      const m = first + k;
      if (m < 0 || m >= minutes.state.length) continue;
      const from = k * perMinute;
      const to = Math.min(trace.count, from + perMinute);
      let hr = 0;
      let effort = 0;
      let kcal = 0;
      for (let i = from; i < to; i++) {
        hr += trace.heartRate[i] ?? 0;
        effort += trace.effort[i] ?? 0;
        kcal += trace.calories[i] ?? 0;
      }
      minutes.state[m] = MinuteState.WORKOUT;
      minutes.heartRate[m] = Math.round(hr / (to - from));
      minutes.met[m] = metOf(persona, effort / (to - from));
      minutes.calories[m] = Math.max(kcal, bmrPerMinute);
      minutes.steps[m] = trace.steps
        ? (trace.steps[to - 1] ?? 0) - (from > 0 ? (trace.steps[from - 1] ?? 0) : 0)
        : 0;
      minutes.meters[m] = trace.distance
        ? (trace.distance[to - 1] ?? 0) - (from > 0 ? (trace.distance[from - 1] ?? 0) : 0)
        : 0;
    }
  }
  return workouts;
}

/** Waking minutes outside workouts: heart rate, energy and distance follow the steps taken. */
function fillWakingMinutes(persona: Persona, minutes: DayMinutes, bmrPerMinute: number, rng: Random): void {
  const stride = (persona.heightCm * 0.414) / 100;
  let hr = persona.restingHr + 8;
  for (let m = 0; m < minutes.state.length; m++) {
    if (minutes.state[m] !== MinuteState.AWAKE) {
      hr = minutes.heartRate[m] ?? hr;
      continue;
    }
    const s = minutes.steps[m] ?? 0;
    minutes.meters[m] = s * stride;
    minutes.calories[m] = bmrPerMinute * 1.1 + s * 0.04 * (persona.weightKg / 70);
    minutes.met[m] = 1.3 + s / 40;
    const target = persona.restingHr + 9 + Math.min(45, s / 2.6);
    hr += (target - hr) * 0.4;
    minutes.heartRate[m] = Math.round(clamp(hr + rng.normal(0, 1.5), persona.restingHr - 4, persona.maxHr));
  }
}

/**
 * Spreads the day's everyday steps (the persona's habit, more on weekends, day-to-day spread) over
 * waking minutes outside workouts, weighted towards the commute, lunch and early evening by the
 * wall clock (so on the day the clocks change the commute is still at 08:00 local). Whole steps per
 * minute whose total is exactly the day's target.
 */
function spreadEverydaySteps(
  persona: Persona,
  day: number,
  clock: DayClock,
  state: Uint8Array,
  steps: Float64Array,
  rng: Random,
): void {
  const dow = weekday(day);
  const weekendFactor = dow === 0 || dow === 6 ? rng.between(0.8, 1.35) : 1;
  const target = Math.max(0, Math.round(persona.baseSteps * weekendFactor * Math.exp(rng.normal(0, 0.22))));
  const length = state.length;
  const weights = new Float64Array(length);
  let total = 0;
  for (let m = 0; m < length; m++) {
    if (state[m] !== MinuteState.AWAKE) continue;
    const hour = wallMinuteOf(clock, m) / 60;
    const peak = bump(hour, 8.3, 0.6) + bump(hour, 12.5, 0.7) + bump(hour, 17.8, 0.9) + 0.35;
    // Most waking minutes have few or no steps; walking comes in bouts.
    const w = rng.chance(0.35) ? peak * -Math.log(1 - rng.next()) : 0;
    weights[m] = w;
    total += w;
  }
  if (total <= 0) return;
  let given = 0;
  for (let m = 0; m < length; m++) {
    const share = Math.floor((target * (weights[m] ?? 0)) / total);
    steps[m] = (steps[m] ?? 0) + share;
    given += share;
  }
  // Hand out the rounding remainder one step at a time to minutes with walking, so the total is exact.
  for (let m = 0; given < target; m = (m + 1) % length) {
    if ((weights[m] ?? 0) > 0) {
      steps[m] = (steps[m] ?? 0) + 1;
      given++;
    }
  }
}

function bump(hour: number, centre: number, width: number): number {
  const z = (hour - centre) / width;
  return 2.5 * Math.exp(-0.5 * z * z);
}
