import type { Database } from '../db/database.js';
import { INBOX_CHANNEL } from '../schema/v3-inbox-notify.js';

/**
 * When an idle worker looks at the inbox again: at once when an insert was notified (`LISTEN terra_inbox` on a
 * server), else after the poll interval (PGlite, or a server whose notifications were missed: the poll is the
 * safety net, the notification only makes the wait shorter).
 */
export class WakeUps {
  readonly #db: Database;
  #stopListening: (() => Promise<void>) | undefined;
  #pending = false;
  #waiter: (() => void) | undefined;

  /** @param db - the store's database. */
  constructor(db: Database) {
    this.#db = db;
  }

  /** Starts listening when the engine can; a failure leaves polling alone in charge (reported to `onError`). */
  async start(onError?: (error: unknown) => void): Promise<void> {
    if (!this.#db.listen || this.#stopListening) return;
    try {
      this.#stopListening = await this.#db.listen(INBOX_CHANNEL, () => this.#notified());
    } catch (error) {
      onError?.(error);
    }
  }

  #notified(): void {
    this.#pending = true;
    this.#waiter?.();
  }

  /** Resolves on a notification (or one that came while busy), after `ms`, or when `signal` aborts. */
  wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.#pending || signal?.aborted) {
        this.#pending = false;
        return resolve();
      }
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        self.#waiter = undefined;
        self.#pending = false;
        resolve();
      }
      this.#waiter = done;
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    const stop = this.#stopListening;
    this.#stopListening = undefined;
    await stop?.().catch(() => undefined);
  }
}
