import type { TerraUser } from '../models/index.js';
import { User, type UserClient } from '../user.js';

/** Wire shape of `GET /subscriptions`: `{ users }`, or `{ data: { next, max_page, results } }` when paginated. */
export interface SubscribedUsersJson {
  /** Every user (unpaginated form). */
  users?: TerraUser[];
  /** One page (paginated form). */
  data?: {
    /** The next page number, or null on the last page. */
    next?: number | null;
    /** The last page number. */
    max_page?: number;
    /** This page's users. */
    results?: TerraUser[];
  };
  /** Anything else Terra sent, kept as is. */
  [key: string]: unknown;
}

/** The users connected to your developer account, bound to the client. */
export class SubscribedUsers {
  /** Discriminant. */
  readonly kind = 'subscribed_users' as const;
  /** The wire body. */
  readonly json: SubscribedUsersJson;
  /** The users (of this page, when paginated). */
  readonly users: User[];
  /** Paginated form: the next page number, or null on the last page; undefined when not paginated. */
  readonly next: number | null | undefined;
  /** Paginated form: the last page number. */
  readonly max_page: number | undefined;

  /**
   * @param json - the wire body (kept by reference).
   * @param client - binds each user to a client.
   */
  constructor(json: SubscribedUsersJson, client?: UserClient) {
    this.json = json;
    const wire = json.users ?? json.data?.results ?? [];
    this.users = wire.map((u) => new User(u, client));
    this.next = json.data ? (json.data.next ?? null) : undefined;
    this.max_page = json.data?.max_page;
  }
}
