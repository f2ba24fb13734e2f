import type { TerraUser } from '../models/index.js';
import { User, type UserClient } from '../user.js';

/** Wire shape: `{ status: 'not_available', message, user?, type? }`. */
export interface NoDataReturnedJson {
  /** `not_available`. */
  status: string;
  /** Why there is no data. */
  message?: string;
  /** The user, when Terra included it. */
  user?: TerraUser;
  /** The data type requested. */
  type?: string | null;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** The provider does not offer the requested data type for this user. */
export class NoDataReturned {
  /** Discriminant. */
  readonly kind = 'no_data_returned' as const;
  /** The wire body. */
  readonly json: NoDataReturnedJson;
  /** The user, when Terra included it. */
  readonly user: User | undefined;
  /** `not_available`. */
  readonly status: string;
  /** Terra's explanation. */
  readonly message: string | undefined;
  /** The data type requested, when Terra said. */
  readonly type: string | null;

  /**
   * @param json - the wire body (kept by reference).
   * @param client - binds {@link NoDataReturned.user} to a client.
   */
  constructor(json: NoDataReturnedJson, client?: UserClient) {
    this.json = json;
    this.user = json.user ? new User(json.user, client) : undefined;
    this.status = json.status;
    this.message = json.message;
    this.type = json.type ?? null;
  }
}
