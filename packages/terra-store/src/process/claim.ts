import type { Queryable } from '../db/database.js';

/** A row a worker holds until its lease ends. */
export interface ClaimedRow {
  readonly id: number;
  readonly attempts: number;
}

/**
 * Claims up to `limit` due rows for `workerId` (rows whose lease ran out count as due): `FOR UPDATE SKIP
 * LOCKED`, so concurrent workers never take the same row; each claim counts an attempt.
 */
export async function claimDue(
  db: Queryable,
  workerId: string,
  leaseMs: number,
  limit: number,
): Promise<ClaimedRow[]> {
  const rows = await db.query<{ id: number | string; attempts: number }>(
    `UPDATE terra_inbox SET claimed_by = $1, lease_until = now() + make_interval(secs => $2::float8 / 1000),
       attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM terra_inbox
       WHERE status IN ('pending', 'retry') AND next_attempt_at <= now()
         AND (lease_until IS NULL OR lease_until < now())
       ORDER BY next_attempt_at, id
       LIMIT $3
       FOR UPDATE SKIP LOCKED)
     RETURNING id, attempts`,
    [workerId, leaseMs, limit],
  );
  return rows.map((r) => ({ id: Number(r.id), attempts: Number(r.attempts) })).sort((a, b) => a.id - b.id);
}

/** Claims one row by id if it is due and free (inline processing right after the receive commit). */
export async function claimOne(
  db: Queryable,
  id: number,
  workerId: string,
  leaseMs: number,
): Promise<ClaimedRow | undefined> {
  const rows = await db.query<{ id: number | string; attempts: number }>(
    `UPDATE terra_inbox SET claimed_by = $2, lease_until = now() + make_interval(secs => $3::float8 / 1000),
       attempts = attempts + 1
     WHERE id = $1 AND status IN ('pending', 'retry') AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
     RETURNING id, attempts`,
    [id, workerId, leaseMs],
  );
  const row = rows[0];
  return row ? { id: Number(row.id), attempts: Number(row.attempts) } : undefined;
}

/**
 * Gives claimed rows back untouched (a worker stopping): lease cleared and the claim's attempt uncounted, for
 * the rows still held under this claim.
 */
export async function releaseClaims(
  db: Queryable,
  rows: readonly ClaimedRow[],
  workerId: string,
): Promise<void> {
  for (const row of rows) {
    await db.query(
      `UPDATE terra_inbox SET claimed_by = NULL, lease_until = NULL, attempts = attempts - 1
       WHERE id = $1 AND claimed_by = $2 AND attempts = $3 AND status IN ('pending', 'retry')`,
      [row.id, workerId, row.attempts],
    );
  }
}

/**
 * Claims the rows among `ids` that are due and free, in one statement (inline processing of the rows
 * received since the last batch); each claim counts an attempt, as {@link claimOne}'s.
 */
export async function claimMany(
  db: Queryable,
  ids: readonly number[],
  workerId: string,
  leaseMs: number,
): Promise<ClaimedRow[]> {
  if (ids.length === 1) {
    const one = await claimOne(db, ids[0] as number, workerId, leaseMs);
    return one ? [one] : [];
  }
  const rows = await db.query<{ id: number | string; attempts: number }>(
    `UPDATE terra_inbox SET claimed_by = $2, lease_until = now() + make_interval(secs => $3::float8 / 1000),
       attempts = attempts + 1
     WHERE id = ANY($1::text::bigint[]) AND status IN ('pending', 'retry') AND next_attempt_at <= now()
       AND (lease_until IS NULL OR lease_until < now())
     RETURNING id, attempts`,
    [`{${ids.join(',')}}`, workerId, leaseMs],
  );
  return rows.map((r) => ({ id: Number(r.id), attempts: Number(r.attempts) })).sort((a, b) => a.id - b.id);
}
