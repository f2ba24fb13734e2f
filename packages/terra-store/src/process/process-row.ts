import { fetchS3Payload, parseWebhookEvent, S3PayloadHookResponse } from 'terra-ts';
import type { Database } from '../db/database.js';
import { applyPayload } from './apply-payload.js';
import type { ClaimedRow } from './claim.js';
import { type ResolvedProcessing, retryDelayMs } from './processing-options.js';

/** How processing one claimed row ended. */
export type RowResult = 'processed' | 'retry' | 'dead' | 'lost_lease';

type InboxRow = {
  body_text: string;
  body_hex: string;
  reference: string | null;
  trace_id: string | null;
  ordering_ts: number | string | null;
  received_at: Date;
};

class LostLease extends Error {}

/**
 * Processes one claimed row: downloads an `s3_payload` first (outside any transaction), then in ONE
 * transaction re-checks that the row is still ours, applies the payload and marks the row processed. A
 * failure is recorded on the row with a retry time, or as a dead letter after `maxAttempts`.
 */
export async function processRow(
  db: Database,
  claimed: ClaimedRow,
  workerId: string,
  options: ResolvedProcessing,
): Promise<RowResult> {
  const id = claimed.id;
  try {
    await options.onStage?.('claimed', id);
    const [row] = await db.query<InboxRow>(
      `SELECT convert_from(body, 'UTF8') AS body_text, encode(body_sha256, 'hex') AS body_hex, reference, trace_id, ordering_ts, received_at
       FROM terra_inbox WHERE id = $1`,
      [id],
    );
    if (!row) return 'lost_lease';
    let text = row.body_text;
    let json = JSON.parse(text) as Record<string, unknown>;
    const event = parseWebhookEvent(json);
    if (event instanceof S3PayloadHookResponse) {
      const downloaded = await fetchS3Payload(event, options.s3);
      json = (downloaded as unknown as { json: Record<string, unknown> }).json;
      text = JSON.stringify(json);
    }
    const receivedAt = new Date(row.received_at);
    const ctx = {
      inboxId: id,
      reference: row.reference ?? undefined,
      deliveryId: row.body_hex,
      orderingTs: row.ordering_ts === null ? receivedAt.getTime() : Number(row.ordering_ts),
      receivedAt,
      source: 'webhook' as const,
    };
    await db.transaction(async (tx) => {
      const mine = await tx.query(
        // The claim is ours only while no one claimed the row since: the attempt count is the claim's token.
        `SELECT 1 AS mine FROM terra_inbox
         WHERE id = $1 AND claimed_by = $2 AND attempts = $3 AND status IN ('pending', 'retry') FOR UPDATE`,
        [id, workerId, claimed.attempts],
      );
      if (mine.length === 0) throw new LostLease();
      const outcome = await applyPayload(tx, json, text, ctx);
      await tx.query(
        `UPDATE terra_inbox SET status = 'processed', processed_at = now(), outcome = $2, last_error = NULL,
           claimed_by = NULL, lease_until = NULL
         WHERE id = $1`,
        [id, outcome],
      );
      await options.onStage?.('applied', id);
    });
    await options.onStage?.('processed', id);
    return 'processed';
  } catch (error) {
    if (error instanceof LostLease) return 'lost_lease';
    return recordFailure(db, claimed, workerId, options, error);
  }
}

async function recordFailure(
  db: Database,
  claimed: ClaimedRow,
  workerId: string,
  options: ResolvedProcessing,
  error: unknown,
): Promise<RowResult> {
  const dead = claimed.attempts >= options.maxAttempts;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const delay = dead ? 0 : retryDelayMs(options, claimed.attempts);
  const rows = await db.query(
    `UPDATE terra_inbox SET status = $3, last_error = $4,
       next_attempt_at = now() + make_interval(secs => $5::float8 / 1000), claimed_by = NULL, lease_until = NULL
     WHERE id = $1 AND claimed_by = $2 AND attempts = $6 RETURNING id`,
    [claimed.id, workerId, dead ? 'dead' : 'retry', message.slice(0, 4000), delay, claimed.attempts],
  );
  if (rows.length === 0) return 'lost_lease';
  return dead ? 'dead' : 'retry';
}
