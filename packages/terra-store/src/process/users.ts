import type { Queryable } from '../db/database.js';
import { parseScopes } from './scopes.js';

/** A wire `user` object (TerraUser) as far as the store reads it. */
export interface WireUser {
  user_id?: unknown;
  provider?: unknown;
  reference_id?: unknown;
  scopes?: unknown;
  active?: unknown;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** A data delivery's user and when it arrived. */
export interface UserTouch {
  readonly user: WireUser;
  readonly receivedAt: Date;
}

/**
 * Users' rows for data deliveries, one per user (the latest arrival), as `jsonb_to_recordset` rows for
 * {@link touchUsersSql}.
 */
export function touchRows(touches: readonly UserTouch[]): object[] {
  const byId = new Map<string, { user: WireUser; at: Date }>();
  for (const { user, receivedAt } of touches) {
    const userId = text(user.user_id);
    if (!userId) continue;
    const seen = byId.get(userId);
    if (!seen) byId.set(userId, { user, at: receivedAt });
    else if (receivedAt > seen.at) seen.at = receivedAt;
  }
  return [...byId].map(([userId, { user, at }]) => ({
    user_id: userId,
    provider: text(user.provider),
    reference_id: text(user.reference_id),
    scopes: parseScopes(user.scopes),
    wire: user,
    at: at.toISOString(),
  }));
}

/**
 * The statement that records data deliveries for users (creating a user, connected, when unknown; the
 * latest `last_delivery_at`), from {@link touchRows} as JSON in parameter `param`; in user id order, so
 * transactions touching the same users lock their rows in one order.
 */
export function touchUsersSql(param: string): string {
  return `INSERT INTO terra_users AS u (user_id, provider, reference_id, scopes, wire, last_delivery_at)
     SELECT t.user_id, t.provider, t.reference_id, ARRAY(SELECT jsonb_array_elements_text(t.scopes)), t.wire, t.at
     FROM jsonb_to_recordset(${param}::text::jsonb)
       AS t(user_id text, provider text, reference_id text, scopes jsonb, wire jsonb, at timestamptz)
     ORDER BY t.user_id
     ON CONFLICT (user_id) DO UPDATE SET
       provider = COALESCE(u.provider, EXCLUDED.provider),
       reference_id = COALESCE(u.reference_id, EXCLUDED.reference_id),
       last_delivery_at = GREATEST(u.last_delivery_at, EXCLUDED.last_delivery_at)`;
}

/** The connection state a user takes after an event. */
export interface UserStateChange {
  /** 'connected' | 'deauthorised' | 'revoked' | 'replaced' | 'connection_error'. */
  readonly state: string;
  readonly active: boolean;
  /** Sets `deauthorised_at` / `revoked_at` to the event time. */
  readonly stamp?: 'deauthorised_at' | 'revoked_at';
  /** For `replaced`: the new user id. */
  readonly replacedBy?: string | null;
  /** For `connection_error`: the message. */
  readonly error?: string | null;
  /** Replace the scopes with the user's (auth, permission_change). */
  readonly scopes?: boolean;
}

/**
 * Applies a connection event to a user, unless a newer event already set the state (the ordering
 * timestamp decides, so events converge in any arrival order). The user row is created when missing.
 */
export async function applyUserState(
  tx: Queryable,
  user: WireUser,
  change: UserStateChange,
  orderingTs: number,
  at: Date,
): Promise<void> {
  const userId = text(user.user_id);
  if (!userId) return;
  const stamp = change.stamp;
  // State and scopes converge separately: the newest event decides the state, the newest event that carries
  // a scope change (auth, permission_change) decides the scopes, whatever order they are processed in.
  const newer = 'EXCLUDED.state_ordering_ts >= u.state_ordering_ts';
  const keep = (column: string) =>
    `${column} = CASE WHEN ${newer} THEN EXCLUDED.${column} ELSE u.${column} END`;
  await tx.query(
    `INSERT INTO terra_users AS u (user_id, provider, reference_id, scopes, scopes_ordering_ts, active, state, replaced_by,
       deauthorised_at, revoked_at, last_error, state_ordering_ts, wire, created_at, updated_at)
     VALUES ($1, $2, $3, ARRAY(SELECT jsonb_array_elements_text($4::text::jsonb)), $12, $5, $6, $7,
       ${stamp === 'deauthorised_at' ? '$9::timestamptz' : 'NULL::timestamptz'},
       ${stamp === 'revoked_at' ? '$9::timestamptz' : 'NULL::timestamptz'}, $8, $10, $11::text::jsonb, $9::timestamptz, now())
     ON CONFLICT (user_id) DO UPDATE SET
       provider = COALESCE(EXCLUDED.provider, u.provider),
       reference_id = COALESCE(EXCLUDED.reference_id, u.reference_id),
       ${
         change.scopes
           ? `scopes = CASE WHEN EXCLUDED.scopes_ordering_ts >= u.scopes_ordering_ts THEN EXCLUDED.scopes ELSE u.scopes END,
       scopes_ordering_ts = GREATEST(EXCLUDED.scopes_ordering_ts, u.scopes_ordering_ts),`
           : ''
       }
       ${keep('active')},
       ${keep('state')},
       ${keep('replaced_by')},
       ${stamp ? `${keep(stamp)},` : ''}
       ${keep('last_error')},
       ${keep('wire')},
       state_ordering_ts = GREATEST(EXCLUDED.state_ordering_ts, u.state_ordering_ts),
       updated_at = now()
     WHERE ${newer}${change.scopes ? ' OR EXCLUDED.scopes_ordering_ts >= u.scopes_ordering_ts' : ''}`,
    [
      userId,
      text(user.provider),
      text(user.reference_id),
      JSON.stringify(parseScopes(user.scopes)),
      change.active,
      change.state,
      change.replacedBy ?? null,
      change.error ?? null,
      at,
      orderingTs,
      JSON.stringify(user),
      change.scopes ? orderingTs : -1,
    ],
  );
}

/** Appends one event to a user's history (once per inbox row). */
export async function recordUserEvent(
  tx: Queryable,
  event: {
    userId: string;
    type: string;
    oldUserId?: string | null;
    newUserId?: string | null;
    orderingTs: number;
    inboxId: number | undefined;
    payload: unknown;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO terra_user_events (user_id, event_type, old_user_id, new_user_id, ordering_ts, inbox_id, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb)
     ON CONFLICT DO NOTHING`,
    [
      event.userId,
      event.type,
      event.oldUserId ?? null,
      event.newUserId ?? null,
      event.orderingTs,
      event.inboxId ?? null,
      JSON.stringify(event.payload),
    ],
  );
}
