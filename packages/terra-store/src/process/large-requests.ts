import type { Queryable } from '../db/database.js';

/**
 * Counts one data delivery towards the request its `terra-reference` names (a large request's chunk, or
 * the single payload of a small one). Counted once per delivery id, so a retry or replay counts once.
 */
export async function countChunk(
  tx: Queryable,
  chunk: {
    reference: string;
    deliveryId: string;
    inboxId: number | undefined;
    userId: string | null;
    type: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO terra_large_requests (reference, user_id, data_type) VALUES ($1, $2, $3)
     ON CONFLICT (reference) DO UPDATE SET
       user_id = COALESCE(terra_large_requests.user_id, EXCLUDED.user_id),
       data_type = COALESCE(terra_large_requests.data_type, EXCLUDED.data_type)`,
    [chunk.reference, chunk.userId, chunk.type],
  );
  const added = await tx.query(
    `INSERT INTO terra_large_request_chunks (reference, delivery_id, inbox_id) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1 AS added`,
    [chunk.reference, chunk.deliveryId, chunk.inboxId ?? null],
  );
  if (added.length > 0) {
    await tx.query(
      `UPDATE terra_large_requests SET received = received + 1,
         completed_at = CASE WHEN completed_at IS NULL AND expected IS NOT NULL AND received + 1 >= expected
                             THEN now() ELSE completed_at END
       WHERE reference = $1`,
      [chunk.reference],
    );
  }
}

/** Records `large_request_processing` (no count yet) or `large_request_sending` (with `expected_payloads`). */
export async function announceLargeRequest(
  tx: Queryable,
  reference: string,
  userId: string | null,
  expected: number | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO terra_large_requests (reference, user_id, expected, announced_at) VALUES ($1, $2, $3::int, CASE WHEN $3::int IS NULL THEN NULL ELSE now() END)
     ON CONFLICT (reference) DO UPDATE SET
       user_id = COALESCE(terra_large_requests.user_id, EXCLUDED.user_id),
       expected = COALESCE(EXCLUDED.expected, terra_large_requests.expected),
       announced_at = COALESCE(terra_large_requests.announced_at, EXCLUDED.announced_at)`,
    [reference, userId, expected],
  );
  await tx.query(
    `UPDATE terra_large_requests SET completed_at = now()
     WHERE reference = $1 AND completed_at IS NULL AND expected IS NOT NULL AND received >= expected`,
    [reference],
  );
}
