import type { Queryable } from '../db/database.js';
import { countChunks, type RequestChunk } from './large-requests.js';
import { touchUsers, type UserTouch } from './users.js';

/**
 * The writes many deliveries share: a user's row (created when unknown, `last_delivery_at`) and a large
 * request's chunk count. Every delivery of a user, and every chunk of a request, updates the same row, so
 * concurrent transactions wait on each other for as long as they hold it. They are collected while a
 * transaction applies its payloads and written at its very end, in key order: held only for the commit, and
 * taken in one order by every transaction.
 */
export class SharedRowWrites {
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

  /** Writes what was collected (call last in the transaction). */
  async flush(tx: Queryable): Promise<void> {
    await countChunks(tx, this.#chunks);
    await touchUsers(tx, this.#touches);
    this.#chunks.length = 0;
    this.#touches.length = 0;
  }
}
