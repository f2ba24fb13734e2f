import { fetchS3Payload, parseWebhookEvent, S3PayloadHookResponse } from 'terra-ts';
import type { Database, Queryable } from '../db/database.js';
import { type InboxRow, readInboxRows } from '../inbox/inbox-row.js';
import { applyPayload } from './apply-payload.js';
import type { ClaimedRow } from './claim.js';
import type { DeliveryContext } from './delivery-context.js';
import { type ResolvedProcessing, retryDelayMs } from './processing-options.js';
import { SharedRowWrites } from './shared-rows.js';

/** How processing one claimed row ended. */
export type RowResult = 'processed' | 'retry' | 'dead' | 'lost_lease';

/** A claimed row read, parsed and (for `s3_payload`) downloaded: ready to apply. */
interface PreparedRow {
  readonly claimed: ClaimedRow;
  readonly json: Record<string, unknown>;
  readonly text: string;
  readonly ctx: DeliveryContext;
}

/** Parses a row and downloads an `s3_payload` body (outside any transaction). */
async function prepare(
  claimed: ClaimedRow,
  row: InboxRow,
  options: ResolvedProcessing,
): Promise<PreparedRow> {
  let text = row.text;
  let json = JSON.parse(text) as Record<string, unknown>;
  const event = parseWebhookEvent(json);
  if (event instanceof S3PayloadHookResponse) {
    const downloaded = await fetchS3Payload(event, options.s3);
    json = (downloaded as unknown as { json: Record<string, unknown> }).json;
    text = JSON.stringify(json);
  }
  const ctx: DeliveryContext = {
    inboxId: row.id,
    reference: row.reference,
    deliveryId: row.bodySha256,
    orderingTs: row.orderingTs ?? row.receivedAt.getTime(),
    receivedAt: row.receivedAt,
    source: 'webhook',
  };
  return { claimed, json, text, ctx };
}

const idArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

/**
 * Applies prepared rows in ONE transaction: re-checks which rows are still ours (locking them), applies
 * their payloads in id order, writes the shared user and chunk rows last, and marks them processed.
 *
 * @returns the ids applied (a row another worker took over is left out).
 */
async function applyRows(
  db: Database,
  rows: readonly PreparedRow[],
  workerId: string,
  options: ResolvedProcessing,
): Promise<Set<number>> {
  return db.transaction(async (tx) => {
    const ids = rows.map((r) => r.claimed.id);
    const mineRows = await tx.query<{ id: number | string; attempts: number }>(
      `SELECT id, attempts FROM terra_inbox WHERE id = ANY($1::text::bigint[]) AND claimed_by = $2 AND status IN ('pending', 'retry')
       ORDER BY id FOR UPDATE`,
      [idArray(ids), workerId],
    );
    // A claim is ours only while no one claimed the row since: the attempt count is the claim's token.
    const token = new Map(rows.map((r) => [r.claimed.id, r.claimed.attempts]));
    const mine = new Set(
      mineRows.filter((r) => token.get(Number(r.id)) === Number(r.attempts)).map((r) => Number(r.id)),
    );
    const shared = new SharedRowWrites();
    const outcomes: Array<{ id: number; outcome: string }> = [];
    for (const row of rows) {
      if (!mine.has(row.claimed.id)) continue;
      outcomes.push({
        id: row.claimed.id,
        outcome: await applyPayload(tx, row.json, row.text, row.ctx, shared),
      });
    }
    await shared.flush(tx);
    await markProcessed(tx, outcomes);
    for (const { id } of outcomes) await options.onStage?.('applied', id);
    return mine;
  });
}

async function markProcessed(tx: Queryable, outcomes: ReadonlyArray<{ id: number; outcome: string }>) {
  if (outcomes.length === 0) return;
  await tx.query(
    `UPDATE terra_inbox AS i SET status = 'processed', processed_at = now(), outcome = o.outcome, last_error = NULL,
       claimed_by = NULL, lease_until = NULL
     FROM jsonb_to_recordset($1::text::jsonb) AS o(id bigint, outcome text)
     WHERE i.id = o.id`,
    [JSON.stringify(outcomes)],
  );
}

/** Applies one row in its own transaction; a failure is recorded on the row. */
async function applyOne(
  db: Database,
  row: PreparedRow,
  workerId: string,
  options: ResolvedProcessing,
): Promise<RowResult> {
  try {
    const mine = await applyRows(db, [row], workerId, options);
    if (!mine.has(row.claimed.id)) return 'lost_lease';
    await options.onStage?.('processed', row.claimed.id);
    return 'processed';
  } catch (error) {
    return recordFailure(db, row.claimed, workerId, options, error);
  }
}

/**
 * Processes claimed rows: reads those not given (`kept` holds rows the receiver just committed), parses
 * them and downloads `s3_payload` bodies, then applies them all in ONE transaction. When that transaction
 * fails, each row is applied again in a transaction of its own, so one bad row fails alone: its failure is
 * recorded with a retry time, or as a dead letter after `maxAttempts`.
 *
 * @returns one result per claimed row, in the order given.
 */
export async function processClaimed(
  db: Database,
  claimed: readonly ClaimedRow[],
  workerId: string,
  options: ResolvedProcessing,
  kept: ReadonlyMap<number, InboxRow> = new Map(),
): Promise<RowResult[]> {
  const results = new Map<number, RowResult>();
  const missing = claimed.filter((c) => !kept.has(c.id)).map((c) => c.id);
  let read: Map<number, InboxRow> = new Map();
  let readError: unknown;
  if (missing.length > 0) {
    try {
      read = await readInboxRows(db, missing);
    } catch (error) {
      readError = error;
    }
  }
  const prepared: PreparedRow[] = [];
  for (const c of claimed) {
    try {
      await options.onStage?.('claimed', c.id);
      if (readError !== undefined && !kept.has(c.id)) throw readError;
      const row = kept.get(c.id) ?? read.get(c.id);
      if (!row) {
        results.set(c.id, 'lost_lease');
        continue;
      }
      prepared.push(await prepare(c, row, options));
    } catch (error) {
      results.set(c.id, await recordFailure(db, c, workerId, options, error));
    }
  }
  if (prepared.length === 1) {
    const only = prepared[0] as PreparedRow;
    results.set(only.claimed.id, await applyOne(db, only, workerId, options));
  } else if (prepared.length > 1) {
    let mine: Set<number> | undefined;
    try {
      mine = await applyRows(db, prepared, workerId, options);
    } catch {
      // One row (or a lock conflict) failed the batch: apply each alone, so only a bad row fails.
      for (const row of prepared) results.set(row.claimed.id, await applyOne(db, row, workerId, options));
    }
    if (mine) {
      for (const row of prepared) {
        const id = row.claimed.id;
        if (!mine.has(id)) {
          results.set(id, 'lost_lease');
          continue;
        }
        await options.onStage?.('processed', id);
        results.set(id, 'processed');
      }
    }
  }
  return claimed.map((c) => results.get(c.id) ?? 'lost_lease');
}

/**
 * Processes one claimed row: reads it, downloads an `s3_payload` first (outside any transaction), then in
 * ONE transaction re-checks that the row is still ours, applies the payload and marks the row processed. A
 * failure is recorded on the row with a retry time, or as a dead letter after `maxAttempts`.
 */
export async function processRow(
  db: Database,
  claimed: ClaimedRow,
  workerId: string,
  options: ResolvedProcessing,
): Promise<RowResult> {
  const [result] = await processClaimed(db, [claimed], workerId, options);
  return result ?? 'lost_lease';
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
