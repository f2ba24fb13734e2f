import type { Database } from '../db/database.js';
import { type InboxRow, readInboxRows } from '../inbox/inbox-row.js';
import { applyRows, type LockRows } from './apply-rows.js';
import { claimMany } from './claim.js';
import { type PreparedRow, prepareRow } from './prepare-row.js';
import { processClaimed } from './process-row.js';
import type { ResolvedProcessing } from './processing-options.js';

/** A row this process just committed, with the delivery itself when it kept it in memory. */
export interface ReceivedRow {
  readonly id: number;
  readonly row: InboxRow | undefined;
}

/**
 * Claims rows inside the applying transaction: the claim's UPDATE locks them until the commit, so a worker in
 * another process skips them (`FOR UPDATE SKIP LOCKED`), and the commit that stores them also ends the claim.
 */
function claimInTransaction(workerId: string, options: ResolvedProcessing): LockRows {
  return async (tx, ids) => {
    const claimed = await claimMany(tx, ids, workerId, options.leaseMs);
    for (const c of claimed) await options.onStage?.('claimed', c.id);
    return new Set(claimed.map((c) => c.id));
  };
}

/**
 * Processes rows this process just received (inline processing): parsed from the deliveries the receiver
 * kept in memory (or read back), then claimed, applied and marked processed in ONE transaction, so a batch
 * costs one commit. A row that cannot be read or parsed, and every row of a batch whose transaction fails,
 * take the claimed path instead (the claim committed first, then each row applied alone with its failure
 * recorded, as a worker does).
 */
export async function processReceived(
  db: Database,
  received: readonly ReceivedRow[],
  workerId: string,
  options: ResolvedProcessing,
): Promise<void> {
  const missing = received.filter((r) => !r.row).map((r) => r.id);
  const read =
    missing.length > 0
      ? await readInboxRows(db, missing).catch(() => new Map<number, InboxRow>())
      : undefined;
  const prepared: PreparedRow[] = [];
  const claimedPath: number[] = [];
  for (const r of received) {
    const row = r.row ?? read?.get(r.id);
    try {
      if (!row) throw new Error('unread');
      prepared.push(await prepareRow(row, options));
    } catch {
      claimedPath.push(r.id);
    }
  }
  if (prepared.length > 0) {
    try {
      const mine = await applyRows(db, prepared, claimInTransaction(workerId, options), options);
      for (const p of prepared) if (mine.has(p.id)) await options.onStage?.('processed', p.id);
    } catch {
      claimedPath.push(...prepared.map((p) => p.id));
    }
  }
  if (claimedPath.length === 0) return;
  const claimed = await claimMany(
    db,
    claimedPath.sort((a, b) => a - b),
    workerId,
    options.leaseMs,
  );
  const kept = new Map(received.flatMap((r) => (r.row ? [[r.id, r.row] as const] : [])));
  if (claimed.length > 0) await processClaimed(db, claimed, workerId, options, kept);
}
