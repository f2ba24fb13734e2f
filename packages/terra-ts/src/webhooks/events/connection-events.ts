import type {
  AccessRevokedEvent,
  ConnectionErrorEvent,
  DeauthEvent,
  PermissionChangeEvent,
  UserReauthEvent,
} from '../../models/index.js';
import type { UserClient } from '../../user.js';
import { User } from '../../user.js';
import { eventView, userEventView } from './event-view.js';
import type { GoogleNoDataSourceEventJson } from './legacy-wire.js';

// Events about the state of one user's connection, each carrying that `user` and a `message`.

/** `deauth`: the user disconnected (or you called deauthenticate); remove the user and its data. */
export class UserDeauthHookResponse extends userEventView<DeauthEvent>()('deauth', ['message']) {}

/** `access_revoked`: the user revoked Terra's access on the provider's side. */
export class AccessRevokedHookResponse extends userEventView<AccessRevokedEvent>()('access_revoked', [
  'message',
]) {}

/** `connection_error`: the provider rejected Terra's credentials; possibly transient, ask the user to reconnect. */
export class ConnectionErrorHookResponse extends userEventView<ConnectionErrorEvent>()('connection_error', [
  'message',
]) {}

/** `google_no_datasource` (legacy): a Google Fit user without a data source. */
export class GoogleNoDataSourceHookResponse extends userEventView<GoogleNoDataSourceEventJson>()(
  'google_no_datasource',
  ['message'],
) {}

/** `permission_change`: the user changed the scopes granted at the provider. */
export class PermissionChangeHookResponse extends userEventView<PermissionChangeEvent>()(
  'permission_change',
  ['message', 'scopes_added', 'scopes_removed', 'version'],
) {}

/**
 * `user_reauth`: the user reconnected the same provider under the same `reference_id`; Terra deleted
 * `old_user` and created `new_user`. Re-key your records; an `auth` event also arrives.
 */
export class UserReauthHookResponse extends eventView<UserReauthEvent>()('user_reauth', [
  'message',
  'version',
]) {
  /** The deleted connection, when Terra includes it. */
  readonly old_user: User | undefined;
  /** The replacement connection. */
  readonly new_user: User;

  /** @param json - the parsed body (kept by reference). @param client - binds the users. */
  constructor(json: UserReauthEvent, client?: UserClient) {
    super(json);
    this.old_user = json.old_user ? new User(json.old_user, client) : undefined;
    this.new_user = new User(json.new_user, client);
  }
}
