import type { Queryable } from '../db/database.js';
import { chunkRows, countChunksCtes, type RequestChunk } from './large-requests.js';
import { touchRows, touchUsersSql, type UserTouch } from './users.js';

/** An inbox row applied in this transaction and what it did. */
export interface ProcessedRow {
  readonly id: number;
  readonly outcome: string;
}

// One statement (prepared once): each part is a no-op for an empty list.
const FINAL_SQL = `WITH ${countChunksCtes('$1')},
  users AS (${touchUsersSql('$2')} RETURNING 1),
  done AS (
    UPDATE terra_inbox AS i SET status = 'processed', processed_at = now(), outcome = o.outcome, last_error = NULL,
      attempts = GREATEST(i.attempts, 1),
      claimed_by = NULL, lease_until = NULL
    FROM jsonb_to_recordset($3::text::jsonb) AS o(id bigint, outcome text)
    WHERE i.id = o.id
    RETURNING 1)
  SELECT (SELECT count(*) FROM requests)::int AS requests, (SELECT count(*) FROM users)::int AS users,
    (SELECT count(*) FROM done)::int AS done`;

/**
 * The writes that end a processing transaction, in ONE statement: the rows many deliveries share (a user's
 * row with `last_delivery_at`, a large request's chunk count) and the inbox rows marked processed. Every
 * delivery of a user, and every chunk of a request, updates the same shared row, so concurrent transactions
 * wait on each other for as long as one holds it: they are collected while the payloads are applied and
 * written last, in key order, held only until the commit and taken in one order by every transaction.
 */
export class FinalWrites {
  readonly #touches: UserTouch[] = [];
  readonly #chunks: RequestChunk[] = [];

  /** A data delivery arrived for this user. */
  touchUser(touch: UserTouch): void {
    this.#touches.push(touch);
  }

  /** A data delivery counts towards a request. */
  countChunk(chunk: RequestChunk): void {
    this.#chunks.push(chunk);
  }

  /** Writes what was collected and marks `processed` rows done (the transaction's last statement). */
  async write(tx: Queryable, processed: readonly ProcessedRow[]): Promise<void> {
    await tx.query(FINAL_SQL, [
      JSON.stringify(chunkRows(this.#chunks)),
      JSON.stringify(touchRows(this.#touches)),
      JSON.stringify(processed),
    ]);
    this.#chunks.length = 0;
    this.#touches.length = 0;
  }
}
