import type { Database } from '../db/database.js';
import { isConnectionError } from '../db/postgres-database.js';
import { type InboxDelivery, type InboxInsert, insertDeliveries } from './insert-delivery.js';

interface Waiting {
  readonly delivery: InboxDelivery;
  readonly resolve: (result: InboxInsert) => void;
  readonly reject: (error: unknown) => void;
}

/** Most deliveries one statement writes. */
const GROUP_ROWS = 64;
/** Most body bytes one statement writes (a group stops growing past it). */
const GROUP_BYTES = 8 * 1024 * 1024;

/**
 * Group commit for the inbox: a delivery is written at once when an insert slot is free; deliveries that
 * arrive while every slot is busy wait and are then written together, in one statement and one commit.
 * Each caller's promise resolves only after the commit that holds its delivery, so acknowledging on it is
 * still durable; one delivery alone (one in flight) waits for nothing. When a group's statement fails, each
 * of its deliveries is tried alone, so a delivery the database refuses fails only itself.
 */
export class InboxGroupCommit {
  readonly #db: Database;
  readonly #slots: number;
  readonly #waiting: Waiting[] = [];
  #busy = 0;

  /**
   * @param db - the store's database.
   * @param slots - insert statements in flight at once (PGlite runs one at a time anyway).
   */
  constructor(db: Database, slots = db.engine === 'pglite' ? 1 : 3) {
    this.#db = db;
    this.#slots = slots;
  }

  /** Writes one delivery (with whichever others are waiting) and resolves once it is committed. */
  insert(delivery: InboxDelivery): Promise<InboxInsert> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ delivery, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    while (this.#busy < this.#slots && this.#waiting.length > 0) {
      const group = this.#take();
      this.#busy += 1;
      void this.#write(group).finally(() => {
        this.#busy -= 1;
        this.#next();
      });
    }
  }

  #take(): Waiting[] {
    let bytes = 0;
    let count = 0;
    while (count < this.#waiting.length && count < GROUP_ROWS) {
      const size = (this.#waiting[count] as Waiting).delivery.body.byteLength;
      if (count > 0 && bytes + size > GROUP_BYTES) break;
      bytes += size;
      count += 1;
    }
    return this.#waiting.splice(0, count);
  }

  async #write(group: readonly Waiting[]): Promise<void> {
    try {
      const results = await insertDeliveries(
        this.#db,
        group.map((w) => w.delivery),
      );
      group.forEach((w, i) => {
        w.resolve(results[i] as InboxInsert);
      });
    } catch (error) {
      // A server that cannot be reached fails every delivery alike: answer them all now (503) rather than
      // waiting for each to time out on its own.
      if (group.length === 1 || isConnectionError(error)) {
        for (const w of group) w.reject(error);
        return;
      }
      await Promise.all(
        group.map((w) =>
          insertDeliveries(this.#db, [w.delivery]).then(
            ([result]) => w.resolve(result as InboxInsert),
            (e: unknown) => w.reject(e),
          ),
        ),
      );
    }
  }
}
