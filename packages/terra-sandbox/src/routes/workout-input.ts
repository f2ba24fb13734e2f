import { parseDateParam } from '../data/date-range.js';
import { badRequest } from '../http/problem.js';
import type { PlannedWorkout } from '../state/workouts.js';

/** A path id that the spec types as int64; anything else is a 400. */
export function numericId(value: string | undefined, name: string): string {
  if (value === undefined || !/^\d+$/.test(value))
    throw badRequest(`${name} must be an integer, got ${value}`);
  return value;
}

/** A required `YYYY-MM-DD` body field. */
export function plannedDate(body: Record<string, unknown>): string {
  const value = body.planned_date;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw badRequest('planned_date is required as YYYY-MM-DD');
  }
  parseDateParam('planned_date', value);
  return value;
}

/** Checks the required fields of a WorkoutTemplate body. */
export function validateTemplate(body: Record<string, unknown>): void {
  if (typeof body.name !== 'string' || body.name === '') throw badRequest('name is required (a string)');
  if (typeof body.sport !== 'string' || body.sport === '') {
    throw badRequest('sport is required (a WorkoutSport such as "running")');
  }
  if (!Array.isArray(body.step_blocks)) throw badRequest('step_blocks is required (an array of StepBlock)');
}

/** The PlannedWorkoutSummary of a planned workout. */
export function summary(w: PlannedWorkout): Record<string, unknown> {
  const out: Record<string, unknown> = {
    planned_workout_id: w.planned_workout_id,
    planned_date: w.planned_date,
    is_external: w.is_external,
    workout_id: w.workout_id,
    provider_workout_id: w.provider_workout_id,
  };
  if (w.coercion_warnings) out.coercion_warnings = w.coercion_warnings;
  return out;
}
