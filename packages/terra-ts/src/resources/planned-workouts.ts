import { optionsObject } from '../client/arguments.js';
import { arrayBody, objectBody } from '../client/json-shape.js';
import type { RequestOptions } from '../client/options.js';
import { buildQuery } from '../client/query.js';
import { request } from '../client/request.js';
import type { PlannedWorkout } from '../models/index.js';
import { Deleted } from '../responses/deleted.js';
import { PlannedWorkoutInfo, PlannedWorkoutList } from '../responses/planned-workouts.js';
import type { UserClient } from '../user.js';
import { type ClientContext, clientContextOf } from './client-context.js';
import { dayString, idSegment } from './path-arguments.js';
import { type UserRef, userIdOf } from './user-id.js';

/** Filter of `PlannedWorkouts.list`. */
export interface ListPlannedWorkoutsParams {
  /** First day, `'YYYY-MM-DD'` (inclusive). */
  startDate?: string;
  /** Last day, `'YYYY-MM-DD'` (inclusive). Omitting both: Terra returns the trailing 30 days. */
  endDate?: string;
}

/** Workouts planned on users' provider calendars (`/plannedWorkouts`). */
export class PlannedWorkouts {
  readonly #ctx: ClientContext;

  /**
   * @param terra - the client whose credentials and settings the calls use (`new PlannedWorkouts(terra)`).
   *   A standalone class rather than a property of `Terra`, so a bundle that never uses it does not carry it.
   * @throws {@link TerraInvalidArgumentError} when `terra` is not a `Terra` client.
   */
  constructor(terra: UserClient) {
    this.#ctx = clientContextOf(terra, 'PlannedWorkouts');
  }

  /** `GET /plannedWorkouts?user_id=`. */
  async list(user: UserRef, params?: ListPlannedWorkoutsParams, options?: RequestOptions) {
    const p = optionsObject(params, 'params', false);
    const query = buildQuery({
      user_id: userIdOf(user),
      start_date: p.startDate === undefined ? undefined : dayString(p.startDate, 'startDate'),
      end_date: p.endDate === undefined ? undefined : dayString(p.endDate, 'endDate'),
    });
    return request(
      this.#ctx.config,
      { group: 'plannedWorkouts', method: 'GET', path: '/plannedWorkouts', query },
      (json) => new PlannedWorkoutList(arrayBody<PlannedWorkout>(json)),
      options,
    );
  }

  /** `GET /plannedWorkouts/{plannedWorkoutId}?user_id=`. */
  async get(user: UserRef, plannedWorkoutId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      {
        group: 'plannedWorkouts',
        method: 'GET',
        path: `/plannedWorkouts/${idSegment(plannedWorkoutId, 'plannedWorkoutId')}`,
        query: buildQuery({ user_id: userIdOf(user) }),
      },
      (json) => new PlannedWorkoutInfo(objectBody(json)),
      options,
    );
  }

  /** `PATCH /plannedWorkouts/{plannedWorkoutId}`: moves it to another day. */
  async update(
    user: UserRef,
    plannedWorkoutId: string,
    params: { plannedDate: string },
    options?: RequestOptions,
  ) {
    const p = optionsObject(params, 'params', true);
    return request(
      this.#ctx.config,
      {
        group: 'plannedWorkouts',
        method: 'PATCH',
        path: `/plannedWorkouts/${idSegment(plannedWorkoutId, 'plannedWorkoutId')}`,
        query: buildQuery({ user_id: userIdOf(user) }),
        body: { planned_date: dayString(p.plannedDate, 'plannedDate') },
      },
      (json) => new PlannedWorkoutInfo(objectBody(json)),
      options,
    );
  }

  /** `DELETE /plannedWorkouts/{plannedWorkoutId}`. */
  async delete(user: UserRef, plannedWorkoutId: string, options?: RequestOptions) {
    return request(
      this.#ctx.config,
      {
        group: 'plannedWorkouts',
        method: 'DELETE',
        path: `/plannedWorkouts/${idSegment(plannedWorkoutId, 'plannedWorkoutId')}`,
        query: buildQuery({ user_id: userIdOf(user) }),
        allowEmptyBody: true,
      },
      (json, status) => new Deleted(status, json === undefined ? undefined : objectBody(json)),
      options,
    );
  }
}
