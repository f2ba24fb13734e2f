import type { AuthErrorEvent, AuthSuccessEvent } from '../../models/index.js';
import type { UserClient } from '../../user.js';
import { User } from '../../user.js';
import { eventView, userEventView } from './event-view.js';
import type { LegacyAuthErrorEventJson } from './legacy-wire.js';

/** `auth`: a user connected a provider. Link `user` to your own user through `reference_id`. */
export class AuthHookResponse extends userEventView<AuthSuccessEvent>()('auth', [
  'widget_session_id',
  'flow_id',
  'message',
]) {
  /** The new connection. */
  declare readonly user: User;
  /** Your identifier for the user, given when the auth flow started (carried inside `user` on the wire). */
  readonly reference_id: string | null;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: AuthSuccessEvent, client?: UserClient) {
    super(json, client);
    this.reference_id = json.user.reference_id ?? null;
  }
}

/**
 * `auth_cancelled`: an authentication flow failed or was abandoned; there is nothing to store.
 *
 * Terra's older failure shape (`type: 'auth'` with `status: 'error'`) parses to this class too, with
 * `legacy` set, so one handler covers both.
 */
export class AuthCancelledHookResponse extends eventView<AuthErrorEvent | LegacyAuthErrorEventJson>()(
  'auth_cancelled',
  ['reason', 'reference_id'],
) {
  /** True when the body used the legacy `type: 'auth', status: 'error'` shape. */
  readonly legacy: boolean;
  /** Identifier of the authentication flow (current shape). */
  readonly flow_id: string | null | undefined;
  /** The widget session (legacy shape). */
  readonly widget_session_id: string | null | undefined;
  /** Terra's explanation (legacy shape). */
  readonly message: string | null | undefined;
  /** The deleted connection (legacy shape only; the current shape carries no user). */
  readonly user: User | undefined;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: AuthErrorEvent | LegacyAuthErrorEventJson, client?: UserClient) {
    super(json);
    this.legacy = json.type === 'auth';
    if (json.type === 'auth') {
      this.flow_id = undefined;
      this.widget_session_id = json.widget_session_id;
      this.message = json.message;
      this.user = isObject(json.user) ? new User(json.user, client) : undefined;
    } else {
      this.flow_id = json.flow_id;
      this.widget_session_id = undefined;
      this.message = undefined;
      this.user = undefined;
    }
  }
}

function isObject(value: unknown): value is NonNullable<LegacyAuthErrorEventJson['user']> {
  return typeof value === 'object' && value !== null;
}
