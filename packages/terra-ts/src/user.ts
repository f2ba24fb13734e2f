import type { Terra } from './client/terra.js';
import { TerraInvalidArgumentError } from './errors/terra-invalid-argument-error.js';
import type { TerraUser } from './models/index.js';
import type {
  AthleteRequestOptions,
  DataIterateOptions,
  DataRequestOptions,
} from './resources/data-options.js';

/**
 * A Terra user (one wearable connection), wrapping the wire `TerraUser` object by reference.
 *
 * Users that come from {@link Terra} calls are bound to that client, so their data methods work directly.
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
  #client: Terra | undefined;

  /**
   * @param json - the wire user object (kept by reference).
   * @param client - the client that data methods go through.
   */
  constructor(json: TerraUser, client?: Terra) {
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
  withClient(client: Terra): User {
    return new User(this.json, client);
  }

  /** Activity (workouts) in a date range. See {@link Terra.getActivityForUser}. */
  async getActivity(options: DataRequestOptions) {
    return this.#terra().getActivityForUser(this, options);
  }
  /** Body metrics in a date range. See {@link Terra.getBodyForUser}. */
  async getBody(options: DataRequestOptions) {
    return this.#terra().getBodyForUser(this, options);
  }
  /** Daily summaries in a date range. See {@link Terra.getDailyForUser}. */
  async getDaily(options: DataRequestOptions) {
    return this.#terra().getDailyForUser(this, options);
  }
  /** Sleep sessions in a date range. See {@link Terra.getSleepForUser}. */
  async getSleep(options: DataRequestOptions) {
    return this.#terra().getSleepForUser(this, options);
  }
  /** Nutrition logs in a date range. See {@link Terra.getNutritionForUser}. */
  async getNutrition(options: DataRequestOptions) {
    return this.#terra().getNutritionForUser(this, options);
  }
  /** Menstruation data in a date range. See {@link Terra.getMenstruationForUser}. */
  async getMenstruation(options: DataRequestOptions) {
    return this.#terra().getMenstruationForUser(this, options);
  }
  /** The athlete profile. See {@link Terra.getAthleteForUser}. */
  async getAthlete(options: AthleteRequestOptions = {}) {
    return this.#terra().getAthleteForUser(this, options);
  }

  /** Streams activity chunk by chunk, in order. See {@link Terra.iterateDataForUser}. */
  async *iterateActivity(options: DataIterateOptions) {
    yield* this.#terra().iterateDataForUser(this, 'activity', options);
  }
  /** Streams body metrics chunk by chunk, in order. */
  async *iterateBody(options: DataIterateOptions) {
    yield* this.#terra().iterateDataForUser(this, 'body', options);
  }
  /** Streams daily summaries chunk by chunk, in order. */
  async *iterateDaily(options: DataIterateOptions) {
    yield* this.#terra().iterateDataForUser(this, 'daily', options);
  }
  /** Streams sleep chunk by chunk, in order. */
  async *iterateSleep(options: DataIterateOptions) {
    yield* this.#terra().iterateDataForUser(this, 'sleep', options);
  }
  /** Streams nutrition chunk by chunk, in order. */
  async *iterateNutrition(options: DataIterateOptions) {
    yield* this.#terra().iterateDataForUser(this, 'nutrition', options);
  }
  /** Streams menstruation data chunk by chunk, in order. */
  async *iterateMenstruation(options: DataIterateOptions) {
    yield* this.#terra().iterateDataForUser(this, 'menstruation', options);
  }

  /** Serialises as the wire object. */
  toJSON(): TerraUser {
    return this.json;
  }

  #terra(): Terra {
    if (this.#client) return this.#client;
    throw new TerraInvalidArgumentError(
      'client',
      `User ${this.json.user_id} has no Terra client bound; get users from terra.fromUserId()/listUsers(), or call user.withClient(terra)`,
    );
  }
}
