import type { TerraUser } from '../state/types.js';

/** Event types that can be triggered on demand (control API and `Sandbox.triggerEvent`). */
export const TRIGGERABLE_EVENTS = [
  'auth',
  'auth_cancelled',
  'deauth',
  'user_reauth',
  'access_revoked',
  'connection_error',
  'permission_change',
] as const;

/** One of {@link TRIGGERABLE_EVENTS}. */
export type TriggerableEvent = (typeof TRIGGERABLE_EVENTS)[number];

/** Version string Terra stamps on payloads. */
export const PAYLOAD_VERSION = '2022-03-16';

/** `auth` success body (AuthSuccessEvent); reference_id travels inside `user`. */
export function authSuccessBody(user: TerraUser, widgetSessionId: string | null): Record<string, unknown> {
  return {
    status: 'success',
    user,
    message: 'User has successfully authenticated',
    widget_session_id: widgetSessionId,
  };
}

/**
 * `auth_cancelled` body (AuthErrorEvent): no user, only a reason, the reference_id and the connect
 * flow's id in `flow_id` (the schema's name for it; the widget session id here).
 */
export function authCancelledBody(
  referenceId: string | null,
  reason: string,
  widgetSessionId: string | null,
): Record<string, unknown> {
  return { status: 'error', reason, reference_id: referenceId, flow_id: widgetSessionId };
}

/** `deauth` body (DeauthEvent). */
export function deauthBody(user: TerraUser): Record<string, unknown> {
  return { status: 'success', user, message: 'User has deauthenticated' };
}

/** `access_revoked` body (AccessRevokedEvent). */
export function accessRevokedBody(user: TerraUser): Record<string, unknown> {
  return {
    status: 'warning',
    user,
    message: 'User revoked access through the provider; no further data will be received',
  };
}

/** `connection_error` body (ConnectionErrorEvent). */
export function connectionErrorBody(user: TerraUser): Record<string, unknown> {
  return {
    status: 'warning',
    user,
    message: 'User connection degraded; the user should reauthenticate',
  };
}

/** `user_reauth` body (UserReauthEvent). */
export function userReauthBody(newUser: TerraUser, oldUser: TerraUser): Record<string, unknown> {
  return {
    status: 'warning',
    new_user: newUser,
    old_user: oldUser,
    message: 'User has reauthenticated and the old user record will be deleted',
    version: PAYLOAD_VERSION,
  };
}

/** `permission_change` body (PermissionChangeEvent). */
export function permissionChangeBody(
  user: TerraUser,
  scopesAdded: string,
  scopesRemoved: string,
): Record<string, unknown> {
  return {
    status: 'warning',
    user,
    message: 'User permissions have changed',
    version: PAYLOAD_VERSION,
    scopes_added: scopesAdded,
    scopes_removed: scopesRemoved,
  };
}

/** `large_request_processing` body (LargeRequestProcessingEvent). */
export function largeRequestProcessingBody(user: TerraUser, reference: string): Record<string, unknown> {
  return {
    status: 'processing',
    message: 'Large request is being processed',
    user,
    reference,
  };
}

/** `large_request_sending` body (LargeRequestSendingEvent). */
export function largeRequestSendingBody(
  user: TerraUser,
  reference: string,
  expectedPayloads: number,
): Record<string, unknown> {
  return {
    user,
    reference,
    message: 'Large request is being sent in chunks',
    expected_payloads: expectedPayloads,
  };
}
