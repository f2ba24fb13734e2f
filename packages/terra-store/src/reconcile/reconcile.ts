import type { Terra } from 'terra-ts';
import type { Database } from '../db/database.js';
import { parseScopes } from '../process/scopes.js';

/** What {@link reconcile} changed. */
export interface ReconcileResult {
  /** Users Terra returned. */
  seen: number;
  /** Users created or whose connection fields changed. */
  updated: number;
  /** Users the store had as active that Terra no longer returns, now marked revoked. */
  revoked: number;
}

/**
 * Converges the `terra_users` table with Terra's view (`GET /subscriptions`, every page): each user Terra
 * returns is active with its provider, reference id and scopes; each active user Terra no longer returns is
 * marked revoked. Idempotent: a second run changes nothing. Events stay in the history untouched.
 */
export async function reconcile(db: Database, terra: Terra): Promise<ReconcileResult> {
  const users: Array<{
    user_id: string;
    provider: unknown;
    reference_id: unknown;
    scopes: string[];
    active: boolean;
  }> = [];
  for await (const user of terra.iterateUsers()) {
    users.push({
      user_id: user.user_id,
      provider: user.provider ?? null,
      reference_id: user.reference_id ?? null,
      scopes: parseScopes(user.scopes),
      active: user.active !== false,
    });
  }
  return db.transaction(async (tx) => {
    const updated = await tx.query(
      `WITH seen AS (
         SELECT u->>'user_id' AS user_id, u->>'provider' AS provider, u->>'reference_id' AS reference_id,
           ARRAY(SELECT jsonb_array_elements_text(u->'scopes')) AS scopes, (u->>'active')::boolean AS active
         FROM jsonb_array_elements($1::text::jsonb) u
       )
       INSERT INTO terra_users AS t (user_id, provider, reference_id, scopes, active, state)
       SELECT user_id, provider, reference_id, scopes, active, CASE WHEN active THEN 'connected' ELSE 'deauthorised' END FROM seen
       ON CONFLICT (user_id) DO UPDATE SET
         provider = EXCLUDED.provider, reference_id = EXCLUDED.reference_id, scopes = EXCLUDED.scopes,
         active = EXCLUDED.active,
         state = CASE WHEN EXCLUDED.active AND t.state IN ('connected', 'connection_error') THEN t.state
                      WHEN EXCLUDED.active THEN 'connected' ELSE 'deauthorised' END,
         revoked_at = CASE WHEN EXCLUDED.active THEN NULL ELSE t.revoked_at END,
         updated_at = now()
       WHERE (t.provider, t.reference_id, t.scopes, t.active) IS DISTINCT FROM
             (EXCLUDED.provider, EXCLUDED.reference_id, EXCLUDED.scopes, EXCLUDED.active)
          OR (EXCLUDED.active AND t.state NOT IN ('connected', 'connection_error'))
       RETURNING user_id`,
      [JSON.stringify(users)],
    );
    const revoked = await tx.query(
      `UPDATE terra_users SET active = false, state = 'revoked', revoked_at = now(), updated_at = now()
       WHERE active AND NOT (user_id = ANY (ARRAY(SELECT jsonb_array_elements_text($1::text::jsonb))))
       RETURNING user_id`,
      [JSON.stringify(users.map((u) => u.user_id))],
    );
    return { seen: users.length, updated: updated.length, revoked: revoked.length };
  });
}
