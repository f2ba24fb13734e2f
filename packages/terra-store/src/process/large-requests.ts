import type { Queryable } from '../db/database.js';

/** One data delivery that counts towards the request its `terra-reference` names. */
export interface RequestChunk {
  readonly reference: string;
  /** The body's SHA-256 (hex): a retry or a relabelled copy of the same chunk counts once. */
  readonly deliveryId: string;
  readonly inboxId: number | undefined;
  readonly userId: string | null;
  readonly type: string;
}

/** Chunks as `jsonb_to_recordset` rows for {@link countChunksCtes}. */
export function chunkRows(chunks: readonly RequestChunk[]): object[] {
  return chunks.map((c) => ({
    reference: c.reference,
    delivery_id: c.deliveryId,
    inbox_id: c.inboxId ?? null,
    user_id: c.userId,
    data_type: c.type,
  }));
}

/**
 * `WITH` entries that count data deliveries towards the requests their `terra-reference` names (a large
 * request's chunks, or the single payload of a small one), each delivery id once: the chunk rows are
 * inserted (a repeat is skipped) and each request's `received` grows by its new chunks, in reference order,
 * so transactions counting chunks of the same requests lock them in one order. `param` holds
 * {@link chunkRows} as JSON; the entry `requests` returns a row per request written.
 */
export function countChunksCtes(param: string): string {
  return `c AS (
       SELECT * FROM jsonb_to_recordset(${param}::text::jsonb)
         AS c(reference text, delivery_id text, inbox_id bigint, user_id text, data_type text)
     ), added AS (
       INSERT INTO terra_large_request_chunks (reference, delivery_id, inbox_id)
       SELECT reference, delivery_id, inbox_id FROM c
       ON CONFLICT DO NOTHING
       RETURNING reference
     ), per_request AS (
       SELECT c.reference, min(c.user_id) AS user_id, min(c.data_type) AS data_type,
         (SELECT count(*) FROM added a WHERE a.reference = c.reference)::int AS received
       FROM c GROUP BY c.reference
     ), requests AS (
       INSERT INTO terra_large_requests AS r (reference, user_id, data_type, received)
       SELECT reference, user_id, data_type, received FROM per_request ORDER BY reference
       ON CONFLICT (reference) DO UPDATE SET
         user_id = COALESCE(r.user_id, EXCLUDED.user_id),
         data_type = COALESCE(r.data_type, EXCLUDED.data_type),
         received = r.received + EXCLUDED.received,
         completed_at = CASE WHEN r.completed_at IS NULL AND r.expected IS NOT NULL AND EXCLUDED.received > 0
                              AND r.received + EXCLUDED.received >= r.expected
                             THEN now() ELSE r.completed_at END
       RETURNING 1
     )`;
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
