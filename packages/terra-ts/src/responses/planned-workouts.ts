import type { PlannedWorkout } from '../models/index.js';

/** Wire shape of a planned workout summary (`GET`/`PATCH /plannedWorkouts/{id}`). */
export interface PlannedWorkoutSummary {
  /** Terra's id of the planned instance. */
  planned_workout_id?: string;
  /** `YYYY-MM-DD`. */
  planned_date?: string;
  /** True when created on the provider side rather than through Terra. */
  is_external?: boolean;
  /** The source template's id; absent for external workouts. */
  workout_id?: string;
  /** The provider's id, once pushed. */
  provider_workout_id?: string;
  /** Set when the template could not be represented exactly on the provider. */
  coercion_warnings?: string;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A user's planned workouts (`GET /plannedWorkouts`). */
export class PlannedWorkoutList {
  /** Discriminant. */
  readonly kind = 'planned_workout_list' as const;
  /** The wire array. */
  readonly json: PlannedWorkout[];
  /** The planned workouts, by reference. */
  readonly planned_workouts: PlannedWorkout[];

  /** @param json - the wire array (kept by reference). */
  constructor(json: PlannedWorkout[]) {
    this.json = json;
    this.planned_workouts = json;
  }
}

/** One planned workout (`GET`/`PATCH /plannedWorkouts/{id}`). */
export class PlannedWorkoutInfo {
  /** Discriminant. */
  readonly kind = 'planned_workout' as const;
  /** The wire body. */
  readonly json: PlannedWorkoutSummary;
  /** The summary, by reference. */
  readonly planned_workout: PlannedWorkoutSummary;

  /** @param json - the wire body (kept by reference). */
  constructor(json: PlannedWorkoutSummary) {
    this.json = json;
    this.planned_workout = json;
  }
}
