import type { Database } from '../db/database.js';
import { isConnectionError } from '../db/postgres-database.js';
import { type InboxDelivery, type InboxInsert, insertDeliveries } from './insert-delivery.js';

/**
 * Writes a group and applies what it can in the same commit (`receiveAndApply`), or returns `undefined` when it
 * does not take this group (the group is then written the ordinary way).
 */
export type ApplyGroup = (
  group: ReadonlyArray<{ delivery: InboxDelivery; json: Record<string, unknown> }>,
) => Promise<InboxInsert[] | undefined> | undefined;

interface Waiting {
  readonly delivery: InboxDelivery;
  readonly json: Record<string, unknown> | undefined;
  readonly resolve: (result: InboxInsert) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Writes in flight at once: one on PGlite (it runs one statement at a time anyway); on a server 3 inserts, or
 * 8 when groups are also applied (each then holds a connection for longer, and deliveries group up only once
 * every slot is busy, so up to 8 run side by side before they share a commit).
 */
function defaultSlots(db: Database, apply: ApplyGroup | undefined): number {
  if (db.engine === 'pglite') return 1;
  return apply ? 8 : 3;
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
 * of its deliveries is tried alone, so a delivery the database refuses fails only itself. With an
 * {@link ApplyGroup}, a group's data deliveries are also stored in that commit when it takes the group.
 */
export class InboxGroupCommit {
  readonly #db: Database;
  readonly #slots: number;
  readonly #waiting: Waiting[] = [];
  #busy = 0;

  readonly #apply: ApplyGroup | undefined;

  /**
   * @param db - the store's database.
   * @param apply - applies a group in its own commit when it can (deliveries applied on receipt).
   * @param slots - writes in flight at once (see `defaultSlots`).
   */
  constructor(db: Database, apply?: ApplyGroup, slots = defaultSlots(db, apply)) {
    this.#db = db;
    this.#apply = apply;
    this.#slots = slots;
  }

  /**
   * Writes one delivery (with whichever others are waiting) and resolves once it is committed.
   *
   * @param json - the verified payload (lets the group be applied in the same commit).
   */
  insert(delivery: InboxDelivery, json?: Record<string, unknown>): Promise<InboxInsert> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ delivery, json, resolve, reject });
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
    if (await this.#applied(group)) return;
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

  /**
   * Writes and applies the group in one commit when {@link ApplyGroup} takes it; `false` when the group is
   * to be written the ordinary way (not taken, or that commit failed: nothing of it is kept then).
   */
  async #applied(group: readonly Waiting[]): Promise<boolean> {
    if (!this.#apply || group.some((w) => w.json === undefined)) return false;
    try {
      const pending = this.#apply(
        group.map((w) => ({ delivery: w.delivery, json: w.json as Record<string, unknown> })),
      );
      const results = pending ? await pending : undefined;
      if (!results) return false;
      group.forEach((w, i) => {
        w.resolve(results[i] as InboxInsert);
      });
      return true;
    } catch (error) {
      if (!isConnectionError(error)) return false;
      for (const w of group) w.reject(error);
      return true;
    }
  }
}
