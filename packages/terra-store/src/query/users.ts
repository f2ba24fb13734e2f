import type { Queryable } from '../db/database.js';

/** A user's connection as the store knows it. */
export interface StoredUser {
  userId: string;
  provider: string | null;
  referenceId: string | null;
  scopes: string[];
  active: boolean;
  /** 'connected' | 'deauthorised' | 'revoked' | 'replaced' | 'connection_error'. */
  state: string;
  /** After `user_reauth`: the id that replaced this one. */
  replacedBy: string | null;
  createdAt: Date;
  deauthorisedAt: Date | null;
  revokedAt: Date | null;
  lastDeliveryAt: Date | null;
  lastError: string | null;
}

/** One entry of a user's connection history. */
export interface StoredUserEvent {
  userId: string;
  /** The wire `type`: auth, deauth, user_reauth, access_revoked, connection_error, permission_change, ... */
  type: string;
  oldUserId: string | null;
  newUserId: string | null;
  orderingTs: number | null;
  /** The whole payload as received. */
  payload: unknown;
  recordedAt: Date;
}

const USER_COLUMNS = `user_id, provider, reference_id, scopes, active, state, replaced_by, created_at,
  deauthorised_at, revoked_at, last_delivery_at, last_error`;

function toUser(r: Record<string, unknown>): StoredUser {
  return {
    userId: r.user_id as string,
    provider: (r.provider as string | null) ?? null,
    referenceId: (r.reference_id as string | null) ?? null,
    scopes: (r.scopes as string[]) ?? [],
    active: r.active as boolean,
    state: r.state as string,
    replacedBy: (r.replaced_by as string | null) ?? null,
    createdAt: r.created_at as Date,
    deauthorisedAt: (r.deauthorised_at as Date | null) ?? null,
    revokedAt: (r.revoked_at as Date | null) ?? null,
    lastDeliveryAt: (r.last_delivery_at as Date | null) ?? null,
    lastError: (r.last_error as string | null) ?? null,
  };
}

/** Every user the store knows, by id. */
export async function listUsers(db: Queryable): Promise<StoredUser[]> {
  return (await db.query(`SELECT ${USER_COLUMNS} FROM terra_users ORDER BY user_id`)).map(toUser);
}

/** One user, or `undefined`. */
export async function getUser(db: Queryable, userId: string): Promise<StoredUser | undefined> {
  const [row] = await db.query(`SELECT ${USER_COLUMNS} FROM terra_users WHERE user_id = $1`, [userId]);
  return row ? toUser(row) : undefined;
}

/** A user's connection history, oldest first. */
export async function listUserEvents(db: Queryable, userId: string): Promise<StoredUserEvent[]> {
  const rows = await db.query(
    `SELECT user_id, event_type, old_user_id, new_user_id, ordering_ts, payload, recorded_at
     FROM terra_user_events WHERE user_id = $1 ORDER BY ordering_ts NULLS LAST, id`,
    [userId],
  );
  return rows.map((r) => ({
    userId: r.user_id as string,
    type: r.event_type as string,
    oldUserId: (r.old_user_id as string | null) ?? null,
    newUserId: (r.new_user_id as string | null) ?? null,
    orderingTs: r.ordering_ts === null ? null : Number(r.ordering_ts),
    payload: r.payload,
    recordedAt: r.recorded_at as Date,
  }));
}
