import { optionsObject } from '../client/arguments.js';
import { arrayBody, objectBody } from '../client/json-shape.js';
import type { RequestOptions } from '../client/options.js';
import { buildQuery } from '../client/query.js';
import { request } from '../client/request.js';
import { TerraInvalidArgumentError } from '../errors/terra-invalid-argument-error.js';
import type { WorkoutTemplate } from '../models/index.js';
import { Deleted } from '../responses/deleted.js';
import { WorkoutCreated, WorkoutDetails, WorkoutList, WorkoutPlanned } from '../responses/workouts.js';
import type { UserClient } from '../user.js';
import { type ClientContext, clientContextOf } from './client-context.js';
import { dayString, idSegment } from './path-arguments.js';
import { type UserRef, userIdOf } from './user-id.js';

/** Parameters of `Workouts.plan`. */
export interface PlanWorkoutParams {
  /** The user whose calendar gets the workout. */
  user: UserRef;
  /** The day, `'YYYY-MM-DD'`. */
  plannedDate: string;
  /** Functional threshold power, watts. */
  ftp?: number;
  /** Maximum heart rate, bpm. */
  maxHeartRate?: number;
  /** Threshold heart rate, bpm. */
  thresholdHeartRate?: number;
  /** Threshold speed, m/s. */
  thresholdSpeed?: number;
  /** Pool length for swims, meters. */
  poolLengthMeters?: number;
}

/** Workout templates (`/workouts`): store once, then plan onto users' provider calendars. */
export class Workouts {
  readonly #ctx: ClientContext;

  /**
   * @param terra - the client whose credentials and settings the calls use (`new Workouts(terra)`).
   *   A standalone class rather than a property of `Terra`, so a bundle that never uses it does not carry it.
   * @throws {@link TerraInvalidArgumentError} when `terra` is not a `Terra` client.
   */
  constructor(terra: UserClient) {
    this.#ctx = clientContextOf(terra, 'Workouts');
  }

  /** `POST /workouts`: stores a template. Not retried after a possible success, so it is never stored twice. */
  async create(template: WorkoutTemplate, options?: RequestOptions) {
    const body = optionsObject(template, 'template', true);
    return request(
      this.#ctx.config,
      { group: 'workouts', method: 'POST', path: '/workouts', body },
      (json) => new WorkoutCreated(objectBody(json)),
      options,
    );
  }

  /** `GET /workouts`: every stored template. */
  async list(options?: RequestOptions) {
    return request(
      this.#ctx.config,
      { group: 'workouts', method: 'GET', path: '/workouts' },
      (json) => new WorkoutList(arrayBody<WorkoutTemplate>(json)),
      options,
    );
  }

  /** `GET /workouts/{workoutId}`. */
  async get(workoutId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      { group: 'workouts', method: 'GET', path: `/workouts/${idSegment(workoutId, 'workoutId')}` },
      (json) => new WorkoutDetails(objectBody(json)),
      options,
    );
  }

  /** `DELETE /workouts/{workoutId}`: the template and its planned instances. `partial` is true on a 207. */
  async delete(workoutId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      {
        group: 'workouts',
        method: 'DELETE',
        path: `/workouts/${idSegment(workoutId, 'workoutId')}`,
        allowEmptyBody: true,
      },
      (json, status) => new Deleted(status, json === undefined ? undefined : objectBody(json)),
      options,
    );
  }

  /** `POST /workouts/{workoutId}/plan`: schedules the template for a user and pushes it to their provider. */
  async plan(workoutId: string, params: PlanWorkoutParams, options?: RequestOptions) {
    const p = optionsObject(params, 'params', true);
    const userId = userIdOf(p.user, 'user');
    const body = {
      planned_date: dayString(p.plannedDate, 'plannedDate'),
      ftp: optionalNumber(p.ftp, 'ftp'),
      max_heart_rate: optionalNumber(p.maxHeartRate, 'maxHeartRate'),
      threshold_heart_rate: optionalNumber(p.thresholdHeartRate, 'thresholdHeartRate'),
      threshold_speed: optionalNumber(p.thresholdSpeed, 'thresholdSpeed'),
      pool_length_meters: optionalNumber(p.poolLengthMeters, 'poolLengthMeters'),
    };
    return request(
      this.#ctx.config,
      {
        group: 'workouts',
        method: 'POST',
        path: `/workouts/${idSegment(workoutId, 'workoutId')}/plan`,
        query: buildQuery({ user_id: userId }),
        body,
      },
      (json) => new WorkoutPlanned(objectBody(json)),
      options,
    );
  }
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TerraInvalidArgumentError(name, `${name} must be a finite number when given`);
  }
  return value;
}
