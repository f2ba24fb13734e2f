import type { WorkoutTemplate } from '../models/index.js';
import { wireView } from './wire-view.js';

/** Wire shape of `POST /workouts`. */
export interface WorkoutCreatedJson {
  /** `success`. */
  status?: string;
  /** The new template's id. */
  workout_id?: string;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A workout template was stored. */
export class WorkoutCreated extends wireView<WorkoutCreatedJson>()('workout_created', [
  'status',
  'workout_id',
]) {}

/** Your stored workout templates (`GET /workouts`). */
export class WorkoutList {
  /** Discriminant. */
  readonly kind = 'workout_list' as const;
  /** The wire array. */
  readonly json: WorkoutTemplate[];
  /** The templates, by reference (each with its `workout_id`). */
  readonly workouts: WorkoutTemplate[];

  /** @param json - the wire array (kept by reference). */
  constructor(json: WorkoutTemplate[]) {
    this.json = json;
    this.workouts = json;
  }
}

/** One stored workout template (`GET /workouts/{id}`). */
export class WorkoutDetails {
  /** Discriminant. */
  readonly kind = 'workout' as const;
  /** The wire body. */
  readonly json: WorkoutTemplate;
  /** The template, by reference. */
  readonly workout: WorkoutTemplate;

  /** @param json - the wire body (kept by reference). */
  constructor(json: WorkoutTemplate) {
    this.json = json;
    this.workout = json;
  }
}

/** Wire shape of `POST /workouts/{id}/plan`. */
export interface WorkoutPlannedJson {
  /** `success`. */
  status?: string;
  /** Terra's id of the planned instance. */
  planned_workout_id?: string;
  /** The provider's id, once pushed. */
  provider_workout_id?: string | null;
  /** Set when the template could not be represented exactly on the provider. */
  coercion_warnings?: string | null;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** A template was scheduled on a user's calendar and pushed to their provider. */
export class WorkoutPlanned extends wireView<WorkoutPlannedJson>()('workout_planned', [
  'status',
  'planned_workout_id',
  'provider_workout_id',
  'coercion_warnings',
]) {}
