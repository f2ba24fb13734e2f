import type { Athlete, TerraUser } from '../models/index.js';
import { User, type UserClient } from '../user.js';

/** Wire shape of an athlete body: `{ user, athlete, type }`. */
export interface AthleteReturnedJson {
  /** The user. */
  user: TerraUser;
  /** The profile. */
  athlete: Athlete;
  /** `athlete`. */
  type?: string | null;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/**
 * The athlete profile of a user (REST `/athlete` with `toWebhook: false`, and athlete webhooks).
 * Kept as its own class: the old Python client parsed it as empty data and lost the profile.
 */
export class AthleteReturned {
  /** Discriminant. */
  readonly kind = 'athlete_returned' as const;
  /** The wire body. */
  readonly json: AthleteReturnedJson;
  /** The user, bound to the client when there is one. */
  readonly user: User;
  /** The profile, by reference. */
  readonly athlete: Athlete;
  /** The data type Terra reported (`athlete`). */
  readonly type: string | null;

  /**
   * @param json - the wire body (kept by reference).
   * @param client - binds {@link AthleteReturned.user} to a client.
   */
  constructor(json: AthleteReturnedJson, client?: UserClient) {
    this.json = json;
    this.user = new User(json.user, client);
    this.athlete = json.athlete;
    this.type = json.type ?? null;
  }
}
