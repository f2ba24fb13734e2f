import type { TerraUser } from '../models/index.js';
import { User, type UserClient } from '../user.js';

/** Wire shape of a data body: `{ user, data: T[], type }` (REST with `to_webhook=false`, and data webhooks). */
export interface DataReturnedJson<T> {
  /** The user the data belongs to. */
  user: TerraUser;
  /** The records. */
  data: T[];
  /** The data type, e.g. `sleep`. */
  type?: string | null;
  /** Anything else Terra sent (e.g. `version` on webhooks), kept as is. */
  [key: string]: unknown;
}

/**
 * Data records for one user: the answer to a data request with `toWebhook: false`, and the payload of
 * data webhooks. `data` and `user.json` are the very objects Terra sent.
 *
 * @typeParam T - the record type (`Sleep`, `Activity`, ...).
 */
export class DataReturned<T = unknown> {
  /** Discriminant. */
  readonly kind = 'data_returned' as const;
  /** The wire body. */
  readonly json: DataReturnedJson<T>;
  /** The user, bound to the client when there is one. */
  readonly user: User;
  /** The records, by reference. */
  readonly data: T[];
  /** The data type Terra reported (`sleep`, `activity`, ...). */
  readonly type: string | null;

  /**
   * @param json - the wire body (kept by reference).
   * @param client - binds {@link DataReturned.user} to a client.
   */
  constructor(json: DataReturnedJson<T>, client?: UserClient) {
    this.json = json;
    this.user = new User(json.user, client);
    this.data = json.data;
    this.type = json.type ?? null;
  }
}
