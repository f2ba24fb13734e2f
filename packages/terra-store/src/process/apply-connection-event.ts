import type { Queryable } from '../db/database.js';
import type { DeliveryContext } from './delivery-context.js';
import { applyUserState, recordUserEvent, type UserStateChange, type WireUser } from './users.js';

const asUser = (value: unknown): WireUser | undefined =>
  typeof value === 'object' && value !== null ? (value as WireUser) : undefined;
const idOf = (user: WireUser | undefined) =>
  typeof user?.user_id === 'string' && user.user_id !== '' ? user.user_id : undefined;

const STATE_OF: Record<string, UserStateChange> = {
  auth: { state: 'connected', active: true, scopes: true },
  deauth: { state: 'deauthorised', active: false, stamp: 'deauthorised_at' },
  access_revoked: { state: 'revoked', active: false, stamp: 'revoked_at' },
  permission_change: { state: 'connected', active: true, scopes: true },
};

/** The connection events that change or record a user's state. */
export const CONNECTION_EVENT_TYPES = new Set([
  'auth',
  'deauth',
  'user_reauth',
  'access_revoked',
  'connection_error',
  'permission_change',
  'google_no_datasource',
]);

/**
 * Applies a connection event: appends it to the user's history and moves the user's state, unless a newer
 * event already did. `user_reauth` retires the old id (`replaced`, pointing at the new one) and connects the new.
 *
 * @returns the outcome recorded on the inbox row.
 */
export async function applyConnectionEvent(
  tx: Queryable,
  type: string,
  json: Record<string, unknown>,
  ctx: DeliveryContext,
): Promise<string> {
  const at = ctx.receivedAt;
  if (type === 'user_reauth') {
    const oldUser = asUser(json.old_user);
    const newUser = asUser(json.new_user);
    const oldId = idOf(oldUser);
    const newId = idOf(newUser);
    if (oldUser && oldId) {
      await applyUserState(
        tx,
        oldUser,
        { state: 'replaced', active: false, replacedBy: newId ?? null },
        ctx.orderingTs,
        at,
      );
    }
    if (newUser && newId) {
      await applyUserState(
        tx,
        newUser,
        { state: 'connected', active: true, scopes: true },
        ctx.orderingTs,
        at,
      );
    }
    for (const userId of [oldId, newId]) {
      if (userId) {
        await recordUserEvent(tx, {
          userId,
          type,
          oldUserId: oldId,
          newUserId: newId,
          orderingTs: ctx.orderingTs,
          inboxId: ctx.inboxId,
          payload: json,
        });
      }
    }
    return `user_reauth ${oldId ?? '?'} -> ${newId ?? '?'}`;
  }
  const user = asUser(json.user);
  const userId = idOf(user);
  if (!user || !userId) return `${type} without a user (kept in the inbox)`;
  if (type === 'auth' && json.status === 'error') {
    await recordUserEvent(tx, {
      userId,
      type: 'auth_failed',
      orderingTs: ctx.orderingTs,
      inboxId: ctx.inboxId,
      payload: json,
    });
    return 'auth failed (recorded)';
  }
  const change =
    type === 'connection_error'
      ? ({
          state: 'connection_error',
          active: user.active !== false,
          error: typeof json.message === 'string' ? json.message : 'connection error',
        } satisfies UserStateChange)
      : STATE_OF[type];
  if (change) await applyUserState(tx, user, change, ctx.orderingTs, at);
  await recordUserEvent(tx, {
    userId,
    type,
    orderingTs: ctx.orderingTs,
    inboxId: ctx.inboxId,
    payload: json,
  });
  return `${type} ${userId}`;
}
