import { formatDay } from './calendar.js';
import type { GeneratorContext } from './context.js';
import { buildEffort } from './effort.js';
import { clamp } from './numbers.js';
import type { Persona } from './persona.js';
import { createRandom, type Random } from './random.js';
import type { WorkoutPlan } from './workout-plan.js';

/** Seconds between a workout's fine samples (heart rate, speed, cadence, power, position). */
export const WORKOUT_SAMPLE_SECONDS = 10;

/**
 * The simulated signals of one workout, one slot per {@link WORKOUT_SAMPLE_SECONDS}. Slot `i`
 * covers `[start + i*10 s, start + (i+1)*10 s)`. Arrays are null where the sport has no such signal.
 */
export interface WorkoutTrace {
  readonly count: number;
  readonly effort: Float64Array;
  /** Whole bpm, within [resting, max] of the persona. */
  readonly heartRate: Float64Array;
  readonly speed: Float64Array | null;
  /** Steps per minute on foot, revolutions per minute on a bike, strokes per minute in water or on a rower. */
  readonly cadence: Float64Array | null;
  readonly power: Float64Array | null;
  /** Cumulative metres at the end of each slot. */
  readonly distance: Float64Array | null;
  /** Cumulative whole steps at the end of each slot. */
  readonly steps: Float64Array | null;
  readonly elevation: Float64Array | null;
  /** Kilocalories burned in each slot. */
  readonly calories: Float64Array;
}

/**
 * Simulates a planned workout: heart rate lags the effort curve (faster up than down), speed and
 * power follow effort at once, distance and steps integrate speed and cadence, calories come from
 * heart rate (Keytel et al. 2005). Deterministic per (seed, user, day, workout index).
 */
export function traceWorkout(ctx: GeneratorContext, persona: Persona, plan: WorkoutPlan): WorkoutTrace {
  const rng = createRandom(
    ctx.seed,
    persona.userId,
    formatDay(plan.dayNumber),
    'activity',
    String(plan.index),
  );
  const dt = WORKOUT_SAMPLE_SECONDS;
  const count = plan.durationSeconds / dt;
  const effort = buildEffort(plan.shape, count, plan.effort, dt, rng);
  const heartRate = simulateHeartRate(persona, effort, rng);
  const calories = caloriesFromHeartRate(persona, heartRate);
  const { locomotion } = plan.sport;
  const moving = locomotion !== 'stationary';
  const speed = moving ? new Float64Array(count) : null;
  const cadence = new Float64Array(count);
  const power = locomotion === 'bike' || locomotion === 'row' ? new Float64Array(count) : null;
  const distance = moving ? new Float64Array(count) : null;
  const steps = locomotion === 'foot' || locomotion === 'stationary' ? new Float64Array(count) : null;
  let smoothedPower = persona.ftpWatts * plan.effort;
  let meters = 0;
  let stepCount = 0;
  let stepRemainder = 0;
  const walking = plan.sport.key === 'walk' || plan.sport.key === 'hike';
  for (let i = 0; i < count; i++) {
    const e = effort[i] ?? 0;
    let v = 0;
    let c = 0;
    if (locomotion === 'foot') {
      // ACSM running equation (VO2 = 0.2·v + 3.5) read backwards, nudged up because effort here lags oxygen uptake.
      v = walking ? 0.95 + 1.1 * e : Math.max(1.9, ((e * (persona.vo2max - 3.5)) / 0.2 / 60) * 1.15);
      v *= 1 + rng.normal(0, 0.03);
      c = walking ? 98 + 28 * e + rng.normal(0, 2) : 148 + 36 * e + rng.normal(0, 2.5);
    } else if (locomotion === 'bike' && power) {
      const coasting = rng.chance(0.04);
      const watts = coasting
        ? 0
        : Math.max(0, persona.ftpWatts * (1.1 * e - 0.05) * (1 + rng.normal(0, 0.06)));
      power[i] = Math.round(watts);
      smoothedPower += (watts - smoothedPower) * 0.3;
      v = Math.cbrt(Math.max(smoothedPower, 25) / 0.34);
      c = coasting ? 0 : 78 + 16 * e + rng.normal(0, 2);
    } else if (locomotion === 'swim') {
      v = 0.55 + 0.85 * e + rng.normal(0, 0.03);
      c = 22 + 14 * e + rng.normal(0, 1);
    } else if (locomotion === 'row' && power) {
      const watts = persona.ftpWatts * (1.05 * e) * (1 + rng.normal(0, 0.05));
      power[i] = Math.round(watts);
      v = Math.cbrt(watts / 2.8);
      c = 18 + 14 * e + rng.normal(0, 1);
    } else {
      // Gym work: shuffling between stations, a few steps a minute.
      c = 4 + 14 * e * rng.next();
    }
    cadence[i] = Math.round(Math.max(0, c));
    if (speed && distance) {
      v = Math.max(0, v);
      speed[i] = Math.round(v * 100) / 100;
      meters += v * dt;
      distance[i] = Math.round(meters * 10) / 10;
    }
    if (steps) {
      stepRemainder += (Math.max(0, c) * dt) / 60;
      const whole = Math.floor(stepRemainder);
      stepCount += whole;
      stepRemainder -= whole;
      steps[i] = stepCount;
    }
  }
  return {
    count,
    effort,
    heartRate,
    speed,
    cadence: locomotion === 'stationary' ? null : cadence,
    power,
    distance,
    steps,
    elevation:
      plan.sport.outdoor && distance
        ? elevationProfile(persona, distance, plan.sport.reliefMeters, rng)
        : null,
    calories,
  };
}

function simulateHeartRate(persona: Persona, effort: Float64Array, rng: Random): Float64Array {
  const { restingHr, maxHr } = persona;
  const reserve = maxHr - restingHr;
  const out = new Float64Array(effort.length);
  const riseAlpha = 1 - Math.exp(-WORKOUT_SAMPLE_SECONDS / 25);
  const fallAlpha = 1 - Math.exp(-WORKOUT_SAMPLE_SECONDS / 45);
  let hr = restingHr + 0.18 * reserve;
  for (let i = 0; i < effort.length; i++) {
    // Cardiac drift: the same effort costs a few more beats as the session goes on.
    const drift = 0.05 * reserve * (i / effort.length);
    const target = restingHr + reserve * (effort[i] ?? 0) + drift;
    hr += (target - hr) * (target > hr ? riseAlpha : fallAlpha);
    out[i] = Math.round(clamp(hr + rng.normal(0, 1.2), restingHr, maxHr));
  }
  return out;
}

function caloriesFromHeartRate(persona: Persona, heartRate: Float64Array): Float64Array {
  const { sex, weightKg, age } = persona;
  const out = new Float64Array(heartRate.length);
  const minutes = WORKOUT_SAMPLE_SECONDS / 60;
  for (let i = 0; i < heartRate.length; i++) {
    const hr = heartRate[i] ?? 0;
    const perMinute =
      sex === 'male'
        ? (-55.0969 + 0.6309 * hr + 0.1988 * weightKg + 0.2017 * age) / 4.184
        : (-20.4022 + 0.4472 * hr - 0.1263 * weightKg + 0.074 * age) / 4.184;
    out[i] = Math.max(1.3, perMinute) * minutes;
  }
  return out;
}

function elevationProfile(
  persona: Persona,
  distance: Float64Array,
  relief: number,
  rng: Random,
): Float64Array {
  const base = persona.home.elevationMeters;
  const p1 = rng.between(0, 6.283);
  const p2 = rng.between(0, 6.283);
  const p3 = rng.between(0, 6.283);
  const out = new Float64Array(distance.length);
  for (let i = 0; i < distance.length; i++) {
    const d = distance[i] ?? 0;
    const shape = 0.6 * Math.sin(d / 900 + p1) + 0.3 * Math.sin(d / 330 + p2) + 0.1 * Math.sin(d / 110 + p3);
    out[i] = Math.round((base + relief * (1 + shape)) * 10) / 10;
  }
  return out;
}
