import type { TerraUser } from '../models/index.js';
import { User, type UserClient } from '../user.js';

/** Wire shape of `GET /userInfo?user_id=`. */
export interface UserInfoJson {
  /** The user, plus polling details. */
  user: TerraUser & { last_polled_at?: string | null; most_recent_data_at?: string | null };
  /** `success` or `error`. */
  status?: string;
  /** Whether the connection is authenticated with the provider. */
  is_authenticated?: boolean;
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** Details of one user (`GET /userInfo` by user id). */
export class UserInfo {
  /** Discriminant. */
  readonly kind = 'user_info' as const;
  /** The wire body. */
  readonly json: UserInfoJson;
  /** The user, bound to the client. */
  readonly user: User;
  /** `success` or `error`. */
  readonly status: string | undefined;
  /** Whether the connection is authenticated with the provider. */
  readonly is_authenticated: boolean | undefined;

  /**
   * @param json - the wire body (kept by reference).
   * @param client - binds {@link UserInfo.user} to a client.
   */
  constructor(json: UserInfoJson, client?: UserClient) {
    this.json = json;
    this.user = new User(json.user, client);
    this.status = json.status;
    this.is_authenticated = json.is_authenticated;
  }
}
