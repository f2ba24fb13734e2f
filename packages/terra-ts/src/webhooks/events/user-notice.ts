import type { TerraUser } from '../../models/index.js';
import type { UserClient } from '../../user.js';
import { User } from '../../user.js';
import { HookResponse } from './hook-response.js';

/** The wire fields every user-scoped notice carries. */
export type UserNoticeJson = { user: TerraUser; message: string };

/** Base of the events about one user (connection changes, asynchronous request progress, auth): `user` bound to a client. */
export abstract class UserNoticeHookResponse<J extends { user: TerraUser }> extends HookResponse<J> {
  /** The user concerned. */
  readonly user: User;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: J, client?: UserClient) {
    super(json);
    this.user = new User(json.user, client);
  }
}
