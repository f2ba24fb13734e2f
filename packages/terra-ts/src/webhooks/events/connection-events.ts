import type {
  AccessRevokedEvent,
  ConnectionErrorEvent,
  DeauthEvent,
  PermissionChangeEvent,
  UserReauthEvent,
} from '../../models/index.js';
import type { UserClient } from '../../user.js';
import { User } from '../../user.js';
import { HookResponse } from './hook-response.js';
import type { GoogleNoDataSourceEventJson } from './legacy-wire.js';
import { UserNoticeHookResponse } from './user-notice.js';

// Events about the state of one user's connection, each carrying that `user` and a `message`.

/** `deauth`: the user disconnected (or you called deauthenticate); remove the user and its data. */
export class UserDeauthHookResponse extends UserNoticeHookResponse<DeauthEvent> {
  /** Discriminant. */
  readonly type = 'deauth' as const;
}

/** `access_revoked`: the user revoked Terra's access on the provider's side. */
export class AccessRevokedHookResponse extends UserNoticeHookResponse<AccessRevokedEvent> {
  /** Discriminant. */
  readonly type = 'access_revoked' as const;
}

/** `connection_error`: the provider rejected Terra's credentials; possibly transient, ask the user to reconnect. */
export class ConnectionErrorHookResponse extends UserNoticeHookResponse<ConnectionErrorEvent> {
  /** Discriminant. */
  readonly type = 'connection_error' as const;
}

/** `google_no_datasource` (legacy): a Google Fit user without a data source. */
export class GoogleNoDataSourceHookResponse extends UserNoticeHookResponse<GoogleNoDataSourceEventJson> {
  /** Discriminant. */
  readonly type = 'google_no_datasource' as const;
}

/** `permission_change`: the user changed the scopes granted at the provider. */
export class PermissionChangeHookResponse extends UserNoticeHookResponse<PermissionChangeEvent> {
  /** Discriminant. */
  readonly type = 'permission_change' as const;
  /** Comma-separated scopes newly granted. */
  readonly scopes_added: string;
  /** Comma-separated scopes withdrawn. */
  readonly scopes_removed: string;
  /** Payload version. */
  readonly version: string;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: PermissionChangeEvent, client?: UserClient) {
    super(json, client);
    this.scopes_added = json.scopes_added;
    this.scopes_removed = json.scopes_removed;
    this.version = json.version;
  }
}

/**
 * `user_reauth`: the user reconnected the same provider under the same `reference_id`; Terra deleted
 * `old_user` and created `new_user`. Re-key your records; an `auth` event also arrives.
 */
export class UserReauthHookResponse extends HookResponse<UserReauthEvent> {
  /** Discriminant. */
  readonly type = 'user_reauth' as const;
  /** The deleted connection, when Terra includes it. */
  readonly old_user: User | undefined;
  /** The replacement connection. */
  readonly new_user: User;
  /** Terra's explanation. */
  readonly message: string;
  /** Payload version. */
  readonly version: string | undefined;

  /** @param json - the parsed body (kept by reference). @param client - binds the users. */
  constructor(json: UserReauthEvent, client?: UserClient) {
    super(json);
    this.old_user = json.old_user ? new User(json.old_user, client) : undefined;
    this.new_user = new User(json.new_user, client);
    this.message = json.message;
    this.version = json.version;
  }
}
