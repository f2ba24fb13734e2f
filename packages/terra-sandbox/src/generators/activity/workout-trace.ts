import { formatDay } from '../world/calendar.js';
import type { GeneratorContext } from '../world/context.js';
import { clamp } from '../world/numbers.js';
import type { Persona } from '../world/persona.js';
import { createRandom, type Random } from '../world/random.js';
import { buildEffort } from './effort.js';
import { advanceMotion, startMotion } from './locomotion.js';
import { createTerrain } from './terrain.js';
import type { WorkoutPlan } from './workout-plan.js';

/** Seconds between a workout's fine samples (heart rate, speed, cadence, power, position). */
export const WORKOUT_SAMPLE_SECONDS = 15;

/**
 * The simulated signals of one workout, one slot per {@link WORKOUT_SAMPLE_SECONDS}. Slot `i`
 * covers `[start + i·15 s, start + (i+1)·15 s)`. Arrays are null where the sport has no such signal.
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
 * power follow effort and the terrain at once, distance and steps integrate speed and cadence,
 * calories come from heart rate (Keytel et al. 2005). Deterministic per (seed, user, day, workout index).
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
  const terrain = createTerrain(persona.home.elevationMeters, plan.sport, rng);
  const elevation = plan.sport.outdoor ? new Float64Array(count) : null;
  const motion = startMotion();
  let meters = 0;
  let stepCount = 0;
  let stepRemainder = 0;
  for (let i = 0; i < count; i++) {
    advanceMotion(motion, persona, plan.sport, effort[i] ?? 0, terrain.gradeAt(meters), rng);
    const v = Math.max(0, motion.speed);
    const c = Math.max(0, motion.cadence);
    if (power) power[i] = Math.round(motion.watts);
    cadence[i] = Math.round(c);
    if (speed && distance) {
      speed[i] = Math.round(v * 100) / 100;
      meters += v * dt;
      distance[i] = Math.round(meters * 10) / 10;
    }
    if (elevation) elevation[i] = Math.round(terrain.elevationAt(meters) * 10) / 10;
    if (steps) {
      stepRemainder += (c * dt) / 60;
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
    elevation: plan.sport.outdoor ? elevation : null,
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
