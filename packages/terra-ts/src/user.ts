import type { TerraApiResponse } from './client/api-response.js';
import { TerraInvalidArgumentError } from './errors/terra-invalid-argument-error.js';
import type { TerraUser } from './models/index.js';
import type {
  AthleteRequestOptions,
  DataIterateOptions,
  DataRequestOptions,
} from './resources/data-options.js';
import type { DataType, DataTypeRecords } from './resources/data-types.js';
import type { AthleteResponse, DataResponse } from './responses/parse-data-body.js';

/**
 * What a {@link User} calls back into: the data calls of the client it is bound to. `Terra` implements it;
 * parsed responses and webhook events take it (rather than `Terra`) to bind the users they hold.
 */
export interface UserClient {
  /** `GET /{type}` for a user. See `Terra.getDataForUser`. */
  getDataForUser<K extends DataType>(
    user: User,
    type: K,
    options: DataRequestOptions,
  ): Promise<TerraApiResponse<DataResponse<DataTypeRecords[K]>>>;
  /** `GET /athlete` for a user. See `Terra.getAthleteForUser`. */
  getAthleteForUser(user: User, options?: AthleteRequestOptions): Promise<TerraApiResponse<AthleteResponse>>;
  /** Streams one data type chunk by chunk. See `Terra.iterateDataForUser`. */
  iterateDataForUser<K extends DataType>(
    user: User,
    type: K,
    options: DataIterateOptions,
  ): AsyncGenerator<TerraApiResponse<DataResponse<DataTypeRecords[K]>>, void, undefined>;
}

/**
 * A Terra user (one wearable connection), wrapping the wire `TerraUser` object by reference.
 *
 * Users that come from `Terra` calls are bound to that client, so their data methods work directly.
 * Users parsed from webhooks without a client can be bound with {@link User.withClient}.
 *
 * @example
 * ```ts
 * const user = await terra.fromUserId('2b7d...');
 * const sleep = await user.getSleep({ startDate: '2024-01-01', endDate: '2024-02-01', toWebhook: false });
 * ```
 */
export class User {
  /** The wire object, exactly as Terra sent it. */
  readonly json: TerraUser;
  // Private so that logging or serialising a user never drags the client (and its API key) along.
  #client: UserClient | undefined;

  /**
   * @param json - the wire user object (kept by reference).
   * @param client - the client that data methods go through.
   */
  constructor(json: TerraUser, client?: UserClient) {
    this.json = json;
    this.#client = client;
  }

  /** Terra's identifier for this connection. */
  get user_id(): string {
    return this.json.user_id;
  }
  /** The data source, e.g. `GARMIN`. */
  get provider(): string {
    return this.json.provider;
  }
  /** Last time Terra sent a webhook for this user. */
  get last_webhook_update(): string | null | undefined {
    return this.json.last_webhook_update;
  }
  /** Your identifier for this user, as given at authentication. */
  get reference_id(): string | null | undefined {
    return this.json.reference_id;
  }
  /** Comma-separated scopes the user granted, when the provider reports them. */
  get scopes(): string | null | undefined {
    return this.json.scopes;
  }
  /** Whether the connection still receives data. */
  get active(): boolean | null | undefined {
    return this.json.active;
  }
  /** When the connection was created. */
  get created_at(): string | null | undefined {
    return this.json.created_at;
  }

  /** The same user bound to `client`. */
  withClient(client: UserClient): User {
    return new User(this.json, client);
  }

  /** Activity (workouts) in a date range. See `Terra.getActivityForUser`. */
  async getActivity(options: DataRequestOptions) {
    return this.#bound().getDataForUser(this, 'activity', options);
  }
  /** Body metrics in a date range. See `Terra.getBodyForUser`. */
  async getBody(options: DataRequestOptions) {
    return this.#bound().getDataForUser(this, 'body', options);
  }
  /** Daily summaries in a date range. See `Terra.getDailyForUser`. */
  async getDaily(options: DataRequestOptions) {
    return this.#bound().getDataForUser(this, 'daily', options);
  }
  /** Sleep sessions in a date range. See `Terra.getSleepForUser`. */
  async getSleep(options: DataRequestOptions) {
    return this.#bound().getDataForUser(this, 'sleep', options);
  }
  /** Nutrition logs in a date range. See `Terra.getNutritionForUser`. */
  async getNutrition(options: DataRequestOptions) {
    return this.#bound().getDataForUser(this, 'nutrition', options);
  }
  /** Menstruation data in a date range. See `Terra.getMenstruationForUser`. */
  async getMenstruation(options: DataRequestOptions) {
    return this.#bound().getDataForUser(this, 'menstruation', options);
  }
  /** The athlete profile. See `Terra.getAthleteForUser`. */
  async getAthlete(options: AthleteRequestOptions = {}) {
    return this.#bound().getAthleteForUser(this, options);
  }

  /** Streams activity chunk by chunk, in order. See `Terra.iterateDataForUser`. */
  async *iterateActivity(options: DataIterateOptions) {
    yield* this.#bound().iterateDataForUser(this, 'activity', options);
  }
  /** Streams body metrics chunk by chunk, in order. */
  async *iterateBody(options: DataIterateOptions) {
    yield* this.#bound().iterateDataForUser(this, 'body', options);
  }
  /** Streams daily summaries chunk by chunk, in order. */
  async *iterateDaily(options: DataIterateOptions) {
    yield* this.#bound().iterateDataForUser(this, 'daily', options);
  }
  /** Streams sleep chunk by chunk, in order. */
  async *iterateSleep(options: DataIterateOptions) {
    yield* this.#bound().iterateDataForUser(this, 'sleep', options);
  }
  /** Streams nutrition chunk by chunk, in order. */
  async *iterateNutrition(options: DataIterateOptions) {
    yield* this.#bound().iterateDataForUser(this, 'nutrition', options);
  }
  /** Streams menstruation data chunk by chunk, in order. */
  async *iterateMenstruation(options: DataIterateOptions) {
    yield* this.#bound().iterateDataForUser(this, 'menstruation', options);
  }

  /** Serialises as the wire object. */
  toJSON(): TerraUser {
    return this.json;
  }

  #bound(): UserClient {
    if (this.#client) return this.#client;
    throw new TerraInvalidArgumentError(
      'client',
      `User ${this.json.user_id} has no Terra client bound; get users from terra.fromUserId()/listUsers(), or call user.withClient(terra)`,
    );
  }
}
