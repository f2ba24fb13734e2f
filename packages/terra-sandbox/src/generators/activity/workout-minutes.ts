import type { Persona } from '../world/persona.js';
import { metOf } from './training-load.js';
import { WORKOUT_SAMPLE_SECONDS, type WorkoutTrace } from './workout-trace.js';

/** Per-minute series of a workout, rounded once so that samples and summaries add up to the same totals. */
export interface WorkoutMinutes {
  readonly count: number;
  /** Kilocalories per minute, rounded to 0.01. */
  readonly calories: Float64Array;
  /** Mean MET of each minute, rounded to 0.1. */
  readonly met: Float64Array;
}

/** Aggregates a trace into minutes (the last minute may be partial). */
export function workoutMinutes(persona: Persona, trace: WorkoutTrace): WorkoutMinutes {
  const perMinute = 60 / WORKOUT_SAMPLE_SECONDS;
  const count = Math.ceil(trace.count / perMinute);
  const calories = new Float64Array(count);
  const met = new Float64Array(count);
  for (let m = 0; m < count; m++) {
    const from = m * perMinute;
    const to = Math.min(trace.count, from + perMinute);
    let kcal = 0;
    let effort = 0;
    for (let i = from; i < to; i++) {
      kcal += trace.calories[i] ?? 0;
      effort += trace.effort[i] ?? 0;
    }
    calories[m] = Math.round(kcal * 100) / 100;
    met[m] = Math.round(metOf(persona, effort / (to - from)) * 10) / 10;
  }
  return { count, calories, met };
}

/** Sum of an array, rounded to 0.01 to shed floating-point dust. */
export function sumRounded(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return Math.round(total * 100) / 100;
}
