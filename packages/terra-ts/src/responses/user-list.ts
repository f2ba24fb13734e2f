import type { TerraUser } from '../models/index.js';
import { User, type UserClient } from '../user.js';

/**
 * A list of users, bound to the client: the answer to `POST /bulkUserInfo` and to
 * `GET /userInfo?reference_id=` (one reference id may match several connections).
 */
export class UserList {
  /** Discriminant. */
  readonly kind = 'user_list' as const;
  /** The wire body (an array of users). */
  readonly json: TerraUser[];
  /** The users. */
  readonly users: User[];

  /**
   * @param json - the wire array (kept by reference).
   * @param client - binds each user to a client.
   */
  constructor(json: TerraUser[], client?: UserClient) {
    this.json = json;
    this.users = json.map((u) => new User(u, client));
  }
}
