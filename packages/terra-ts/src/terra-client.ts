import type { TerraApiResponse } from './client/api-response.js';
import { resolveConfig } from './client/config.js';
import type { RequestOptions, TerraOptions } from './client/options.js';
import { TerraInvalidArgumentError } from './errors/terra-invalid-argument-error.js';
import {
  type AuthenticationUrlParams,
  deauthenticateUser,
  generateAuthenticationUrl,
  generateAuthToken,
  generateWidgetSession,
  type WidgetSessionParams,
} from './resources/auth.js';
import { type ClientContext, registerClientContext } from './resources/client-context.js';
import { getAthlete, getData, iterateData } from './resources/data.js';
import type {
  AthleteRequestOptions,
  DataIterateOptions,
  DataRequestOptions,
} from './resources/data-options.js';
import type { DataType, DataTypeRecords } from './resources/data-types.js';
import { listProviders, listProvidersDetailed } from './resources/integrations.js';
import type { UserRef } from './resources/user-id.js';
import {
  bulkUserInfo,
  checkUserInfoQuery,
  fromUserId,
  getUserInfoById,
  getUsersByReference,
  iterateUsers,
  type ListUsersParams,
  listUsers,
} from './resources/users.js';
import type { AthleteResponse, DataResponse } from './responses/parse-data-body.js';
import type { UserInfo } from './responses/user-info.js';
import type { UserList } from './responses/user-list.js';
import type { User, UserClient } from './user.js';

/**
 * The Terra API client without webhook handling: every data, user and connection call of {@link Terra}, in a
 * bundle that carries none of the webhook verification and parsing code (about 5 KB gzip less). Use it where an
 * application only calls the API (a serverless function, an edge worker); use {@link Terra} to receive webhooks too.
 *
 * Credentials come from the options or the `TERRA_API_KEY` / `TERRA_DEV_ID` environment variables. A client
 * without any is built all the same and calls the public endpoints (`listProviders`, `listProvidersDetailed`)
 * without credentials; any other call rejects with a `TerraInvalidArgumentError` naming what to set.
 * Every call resolves to a {@link TerraApiResponse}; failures reject with a `TerraError` subclass.
 * Workout templates, planned workouts and lab reports are classes built from the client
 * (`new Workouts(terra)`, `new PlannedWorkouts(terra)`, `new LabReports(terra)`), so bundles without them stay small.
 *
 * @example
 * ```ts
 * const terra = new TerraClient({ apiKey: process.env.TERRA_API_KEY, devId: 'my-dev-id' });
 * const { auth_url } = (await terra.generateAuthenticationUrl({ resource: 'GARMIN' })).getParsedResponse();
 * ```
 */
export class TerraClient implements UserClient {
  // Private: the context holds the API key, which must never show up when the client is logged.
  readonly #ctx: ClientContext;

  /**
   * @param options - credentials and settings; see {@link TerraOptions} (`secret` and `webhookToleranceSeconds`
   *   are read by {@link Terra} only).
   * @throws TerraInvalidArgumentError when the options name only one of `apiKey` and `devId` (and the
   *   environment lacks the other), or an option is malformed.
   */
  constructor(options: TerraOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new TerraInvalidArgumentError(
        'options',
        'the client takes an options object: new Terra({ apiKey, devId }) (or new TerraClient({ apiKey, devId }))',
      );
    }
    const config = resolveConfig(options);
    this.#ctx = { config, client: this };
    registerClientContext(this.#ctx);
  }

  /** The API root requests go to (no trailing slash). */
  get baseUrl(): string {
    return this.#ctx.config.baseUrl;
  }

  // --- integrations ---

  /** `GET /integrations`: the providers Terra supports. Python: `list_providers()`. Needs no credentials. */
  listProviders(options?: RequestOptions) {
    return listProviders(this.#ctx, options);
  }

  /** `GET /integrations/detailed`: providers with names, icons and data types. Needs no credentials. */
  async listProvidersDetailed(params?: { sdk?: boolean }, options?: RequestOptions) {
    return listProvidersDetailed(this.#ctx, params, options);
  }

  // --- authentication ---

  /**
   * `POST /auth/authenticateUser`: a link that connects one provider. Python: `generate_authentication_url(...)`.
   *
   * @example
   * ```ts
   * const res = await terra.generateAuthenticationUrl({ resource: 'GARMIN', referenceId: 'user-42' });
   * redirect(res.getParsedResponse().auth_url);
   * ```
   */
  async generateAuthenticationUrl(params: AuthenticationUrlParams, options?: RequestOptions) {
    return generateAuthenticationUrl(this.#ctx, params, options);
  }

  /** `POST /auth/generateWidgetSession`: a Terra Connect widget link. Python: `generate_widget_session(...)`. */
  async generateWidgetSession(params?: WidgetSessionParams, options?: RequestOptions) {
    return generateWidgetSession(this.#ctx, params, options);
  }

  /** `DELETE /auth/deauthenticateUser`: disconnects a user and deletes Terra's records of them. */
  async deauthenticateUser(user: UserRef, options?: RequestOptions) {
    return deauthenticateUser(this.#ctx, user, options);
  }

  /** `POST /auth/generateAuthToken`: a short-lived token for the mobile SDKs. */
  generateAuthToken(options?: RequestOptions) {
    return generateAuthToken(this.#ctx, options);
  }

  // --- users ---

  /** `GET /userInfo?user_id=`: one user. Python: `get_user_info(user)`. */
  getUserInfo(query: { userId: string }, options?: RequestOptions): Promise<TerraApiResponse<UserInfo>>;
  /** `GET /userInfo?reference_id=`: every connection with your reference id. */
  getUserInfo(query: { referenceId: string }, options?: RequestOptions): Promise<TerraApiResponse<UserList>>;
  async getUserInfo(
    query: { userId: string } | { referenceId: string },
    options?: RequestOptions,
  ): Promise<TerraApiResponse<UserInfo> | TerraApiResponse<UserList>> {
    const q = checkUserInfoQuery(query);
    return q.userId !== undefined
      ? getUserInfoById(this.#ctx, q.userId, options)
      : getUsersByReference(this.#ctx, q.referenceId, options);
  }

  /**
   * A {@link User} filled from `GET /userInfo`, bound to this client. Python: `from_user_id(user_id)`.
   *
   * @throws NotFoundError when Terra does not know the user.
   */
  fromUserId(userId: string, options?: RequestOptions): Promise<User> {
    return fromUserId(this.#ctx, userId, options);
  }

  /** `POST /bulkUserInfo`: several users by id. */
  async bulkUserInfo(userIds: readonly string[], options?: RequestOptions) {
    return bulkUserInfo(this.#ctx, userIds, options);
  }

  /** `GET /subscriptions`: your connected users, bound to this client. Python: `list_users()`. */
  async listUsers(params?: ListUsersParams, options?: RequestOptions) {
    return listUsers(this.#ctx, params, options);
  }

  /**
   * Every connected user, walking every page of `/subscriptions`.
   *
   * @example
   * ```ts
   * for await (const user of terra.iterateUsers({ perPage: 500 })) console.log(user.user_id);
   * ```
   */
  iterateUsers(
    params?: { perPage?: number },
    options?: RequestOptions,
  ): AsyncGenerator<User, void, undefined> {
    return iterateUsers(this.#ctx, params, options);
  }

  // --- data (one call, getDataForUser; the typed methods and User.getSleep() etc. are aliases of it) ---

  /**
   * `GET /{type}` for a user over a date range: the one data call the typed methods
   * (`getSleepForUser`, ...) and `User`'s (`user.getSleep()`, ...) are aliases of. Ranges longer than
   * `chunkDays` (or Terra's 1,825-day limit) are fetched in chunks and merged in order.
   *
   * @param type - one of {@link DATA_TYPES}.
   * @example
   * ```ts
   * const res = await terra.getDataForUser(userId, 'sleep', { startDate: '2024-01-01', endDate: '2024-02-01', toWebhook: false });
   * ```
   */
  async getDataForUser<K extends DataType>(
    user: UserRef,
    type: K,
    options: DataRequestOptions,
  ): Promise<TerraApiResponse<DataResponse<DataTypeRecords[K]>>> {
    return getData<DataTypeRecords[K]>(this.#ctx, user, type, options);
  }

  /** `GET /activity` for a user. Python: `get_activity_for_user(user, ...)`. */
  getActivityForUser(user: UserRef, options: DataRequestOptions) {
    return this.getDataForUser(user, 'activity', options);
  }

  /** `GET /body` for a user. Python: `get_body_for_user(user, ...)`. */
  getBodyForUser(user: UserRef, options: DataRequestOptions) {
    return this.getDataForUser(user, 'body', options);
  }

  /** `GET /daily` for a user. Python: `get_daily_for_user(user, ...)`. */
  getDailyForUser(user: UserRef, options: DataRequestOptions) {
    return this.getDataForUser(user, 'daily', options);
  }

  /**
   * `GET /sleep` for a user. Python: `get_sleep_for_user(user, ...)`.
   *
   * @example
   * ```ts
   * // A year, 13 monthly requests at most 8 at a time, merged in order:
   * const res = await terra.getSleepForUser(userId, { startDate: '2024-01-01', endDate: '2025-01-01', toWebhook: false, chunkDays: 30 });
   * ```
   */
  getSleepForUser(user: UserRef, options: DataRequestOptions) {
    return this.getDataForUser(user, 'sleep', options);
  }

  /** `GET /nutrition` for a user. Python: `get_nutrition_for_user(user, ...)`. */
  getNutritionForUser(user: UserRef, options: DataRequestOptions) {
    return this.getDataForUser(user, 'nutrition', options);
  }

  /** `GET /menstruation` for a user. Python: `get_menstruation_for_user(user, ...)`. */
  getMenstruationForUser(user: UserRef, options: DataRequestOptions) {
    return this.getDataForUser(user, 'menstruation', options);
  }

  /** `GET /athlete` for a user. Python: `get_athlete_for_user(user, to_webhook=True)`. */
  async getAthleteForUser(
    user: UserRef,
    options?: AthleteRequestOptions,
  ): Promise<TerraApiResponse<AthleteResponse>> {
    return getAthlete(this.#ctx, user, options);
  }

  /**
   * Streams one data type chunk by chunk (default 30 days each), in order, keeping up to `concurrency`
   * (default 8) requests ahead. Defaults to `toWebhook: false`.
   *
   * @example
   * ```ts
   * for await (const chunk of terra.iterateDataForUser(user, 'sleep', { startDate, endDate })) {
   *   const parsed = chunk.getParsedResponse();
   *   if (parsed.kind === 'data_returned') save(parsed.data);
   * }
   * ```
   */
  iterateDataForUser<K extends DataType>(
    user: UserRef,
    type: K,
    options: DataIterateOptions,
  ): AsyncGenerator<TerraApiResponse<DataResponse<DataTypeRecords[K]>>, void, undefined> {
    return iterateData<DataTypeRecords[K]>(this.#ctx, user, type, options);
  }
}
