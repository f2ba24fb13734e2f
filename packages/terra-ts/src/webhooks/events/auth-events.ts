import type { AuthErrorEvent, AuthSuccessEvent } from '../../models/index.js';
import type { UserClient } from '../../user.js';
import { User } from '../../user.js';
import { HookResponse } from './hook-response.js';
import type { LegacyAuthErrorEventJson } from './legacy-wire.js';

/** `auth`: a user connected a provider. Link `user` to your own user through `reference_id`. */
export class AuthHookResponse extends HookResponse<AuthSuccessEvent> {
  /** Discriminant. */
  readonly type = 'auth' as const;
  /** The new connection. */
  readonly user: User;
  /** Your identifier for the user, given when the auth flow started (carried inside `user` on the wire). */
  readonly reference_id: string | null;
  /** The widget session the user connected through, when they used the widget. */
  readonly widget_session_id: string | null | undefined;
  /** Identifier of the authentication flow. */
  readonly flow_id: string | null | undefined;
  /** Terra's confirmation text. */
  readonly message: string | null | undefined;

  /** @param json - the parsed body (kept by reference). @param client - binds `user`. */
  constructor(json: AuthSuccessEvent, client?: UserClient) {
    super(json);
    this.user = new User(json.user, client);
    this.reference_id = json.user.reference_id ?? null;
    this.widget_session_id = json.widget_session_id;
    this.flow_id = json.flow_id;
    this.message = json.message;
  }
}

/**
 * `auth_cancelled`: an authentication flow failed or was abandoned; there is nothing to store.
 *
 * Terra's older failure shape (`type: 'auth'` with `status: 'error'`) parses to this class too, with
 * `legacy` set, so one handler covers both.
 */
export class AuthCancelledHookResponse extends HookResponse<AuthErrorEvent | LegacyAuthErrorEventJson> {
  /** Discriminant (also for the legacy `auth` + `error` shape). */
  readonly type = 'auth_cancelled' as const;
  /** True when the body used the legacy `type: 'auth', status: 'error'` shape. */
  readonly legacy: boolean;
  /** Why it failed, e.g. `access_denied`. */
  readonly reason: string | null | undefined;
  /** Your identifier for the user, given when the auth flow started. */
  readonly reference_id: string | null | undefined;
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
    this.reason = json.reason;
    this.reference_id = json.reference_id;
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
