import type { Delivery, TerraUser } from '../state/types.js';
import type { UserStore } from '../state/users.js';
import {
  accessRevokedBody,
  authCancelledBody,
  authSuccessBody,
  connectionErrorBody,
  permissionChangeBody,
  type TriggerableEvent,
  userReauthBody,
} from './event-payloads.js';
import type { EventService } from './events.js';

/** What triggering an event needs of the sandbox (the runtime is one). */
export interface UserEventHost {
  /** Where events are sent. */
  readonly events: Pick<EventService, 'sendEvent'>;
  /** The users the events change. */
  readonly users: UserStore;
  /** Deletes a user and sends `deauth`. */
  deauthenticate(userId: string): Delivery;
  /** Removes a user without any event. */
  removeUser(user: TerraUser): void;
}

/**
 * Sends an event about a user, doing to the user what the real event means: deauth removes it,
 * access_revoked deactivates it, permission_change drops a scope, user_reauth replaces it with a
 * new user_id (same provider and reference_id).
 */
export function triggerUserEvent(sandbox: UserEventHost, type: TriggerableEvent, user: TerraUser): Delivery {
  const { events } = sandbox;
  switch (type) {
    case 'auth':
      return events.sendEvent('auth', authSuccessBody(user, null), { user });
    case 'auth_cancelled':
      return events.sendEvent('auth_cancelled', authCancelledBody(user.reference_id, 'auth_cancelled', null));
    case 'deauth':
      return sandbox.deauthenticate(user.user_id);
    case 'access_revoked':
      user.active = false;
      sandbox.users.changed();
      return events.sendEvent('access_revoked', accessRevokedBody(user), { user });
    case 'connection_error':
      return events.sendEvent('connection_error', connectionErrorBody(user), { user });
    case 'permission_change':
      return permissionChange(sandbox, user);
    case 'user_reauth': {
      const fresh = sandbox.users.create({
        provider: user.provider,
        reference_id: user.reference_id,
        scopes: user.scopes,
      });
      sandbox.removeUser(user);
      return events.sendEvent('user_reauth', userReauthBody(fresh, user), { user: fresh });
    }
  }
}

function permissionChange(sandbox: UserEventHost, user: TerraUser): Delivery {
  const scopes = user.scopes.split(',');
  const removed = scopes.pop() ?? '';
  user.scopes = scopes.join(',');
  sandbox.users.changed();
  return sandbox.events.sendEvent('permission_change', permissionChangeBody(user, '', removed), { user });
}
