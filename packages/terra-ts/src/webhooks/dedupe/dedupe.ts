import type { TerraWebhookResponse } from '../delivery/webhook-response.js';
import { positiveOption as positive } from '../positive-option.js';

/** What a store knows about a delivery key. */
export type DedupeClaim = 'claimed' | 'in_progress' | 'done';

/**
 * Where de-duplication state lives. The in-memory default suits one process; back this with your
 * database (a unique insert, Redis `SET NX PX`, ...) when several instances receive webhooks.
 *
 * `claim` must be atomic: of two concurrent calls with the same key, exactly one gets `'claimed'`.
 */
export interface WebhookDedupeStore {
  /**
   * Records `key` as in progress for `ttlMs` unless it is known (and unexpired); returns `'claimed'` to the
   * caller that recorded it, else the state found.
   */
  claim(key: string, ttlMs: number): Promise<DedupeClaim>;
  /** Marks `key` handled, remembered for `ttlMs`. */
  complete(key: string, ttlMs: number): Promise<void>;
  /** Forgets `key` (its handler failed), so Terra's retry is handled again. */
  release(key: string): Promise<void>;
}

/** The outcome of {@link WebhookDeduplicator.run}. */
export type DedupeResult<T> =
  | { readonly status: 'handled'; readonly value: T }
  | { readonly status: 'duplicate' }
  | { readonly status: 'in_progress' };

/** Options of {@link WebhookDeduplicator} and {@link MemoryDedupeStore}. */
export interface WebhookDeduplicatorOptions {
  /** Where state lives. Default: a {@link MemoryDedupeStore}. */
  store?: WebhookDedupeStore;
  /** How long a handled key is remembered, in seconds. Default 3 days (Terra retries for up to about a day and a half). */
  ttlSeconds?: number;
  /**
   * How long a key stays "in progress" before a crashed handler's claim lapses, in seconds. Default 600.
   * Keep it longer than your slowest handler.
   */
  lockSeconds?: number;
  /** How many keys the default in-memory store keeps (oldest evicted first). Default 10 000. */
  maxEntries?: number;
}

// Terra retries up to 10 times, doubling from 30 s with an 8 h cap: the last retry can come ~1.5 days later.
const DEFAULT_TTL_SECONDS = 3 * 24 * 60 * 60;
const DEFAULT_LOCK_SECONDS = 600;
const DEFAULT_MAX_ENTRIES = 10_000;

interface Entry {
  state: 'in_progress' | 'done';
  expiresAt: number;
}

/** A bounded in-process {@link WebhookDedupeStore}: entries expire after their TTL; the oldest go first when full. */
export class MemoryDedupeStore implements WebhookDedupeStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;

  /** @param options - `maxEntries` (default 10 000). */
  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = positive('maxEntries', options.maxEntries ?? DEFAULT_MAX_ENTRIES);
  }

  /** Number of keys currently remembered. */
  get size(): number {
    return this.#entries.size;
  }

  // Synchronous check-and-set inside an async method: nothing can interleave, so claims are atomic.
  async claim(key: string, ttlMs: number): Promise<DedupeClaim> {
    const now = Date.now();
    const existing = this.#entries.get(key);
    if (existing && existing.expiresAt > now) return existing.state;
    this.#entries.delete(key);
    this.#entries.set(key, { state: 'in_progress', expiresAt: now + ttlMs });
    this.#evict(now);
    return 'claimed';
  }

  async complete(key: string, ttlMs: number): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, { state: 'done', expiresAt: Date.now() + ttlMs });
    this.#evict(Date.now());
  }

  async release(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  #evict(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && entry.expiresAt > now) break;
      this.#entries.delete(key);
    }
  }
}

/**
 * Runs each delivery's work at most once, because Terra delivers at least once. Key it with
 * {@link webhookDedupeKey} (the hash of the signed body; not the unsigned `X-Terra-Trace-Id`). A failed handler releases its key so Terra's
 * retry runs again; a duplicate that arrives while the first copy is still running is reported as
 * `in_progress` (answer non-2xx so Terra retries it later, rather than losing it if the first fails).
 *
 * @example
 * ```ts
 * const dedupe = new WebhookDeduplicator();
 * const result = await dedupe.run(webhookDedupeKey(response), () => save(event));
 * ```
 */
export class WebhookDeduplicator {
  /** The store in use. */
  readonly store: WebhookDedupeStore;
  readonly #ttlMs: number;
  readonly #lockMs: number;

  /** @param options - store, TTLs and in-memory size bound. */
  constructor(options: WebhookDeduplicatorOptions = {}) {
    this.#ttlMs = positive('ttlSeconds', options.ttlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
    this.#lockMs = positive('lockSeconds', options.lockSeconds ?? DEFAULT_LOCK_SECONDS) * 1000;
    this.store =
      options.store ?? new MemoryDedupeStore({ maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES });
  }

  /**
   * Runs `handler` unless `key` was already handled or is being handled. Without a key (older
   * deliveries had no trace id) the handler always runs.
   */
  async run<T>(key: string | undefined, handler: () => T | Promise<T>): Promise<DedupeResult<T>> {
    if (!key) return { status: 'handled', value: await handler() };
    const claim = await this.store.claim(key, this.#lockMs);
    if (claim === 'done') return { status: 'duplicate' };
    if (claim === 'in_progress') return { status: 'in_progress' };
    let value: T;
    try {
      value = await handler();
    } catch (error) {
      await this.store.release(key);
      throw error;
    }
    await this.store.complete(key, this.#ttlMs);
    return { status: 'handled', value };
  }
}

/**
 * The de-duplication key of a delivery: the SHA-256 of its signed body (`sha256:<hex>`), which Terra's
 * retries share (each is re-signed, the body is the same) and which a replay cannot relabel. The
 * `X-Terra-Trace-Id` header is not covered by the signature: keyed on it, a captured delivery replayed
 * with forged trace ids would claim the ids of deliveries still to come and make them "duplicates".
 * For a response built by hand (no body hash): the trace id, else a lab report's `event_id`; `undefined`
 * when it has none of them. Two deliveries with byte-identical bodies count as one, which is harmless:
 * the second would carry exactly the same data.
 */
export function webhookDedupeKey(response: TerraWebhookResponse): string | undefined {
  if (response.bodySha256) return `sha256:${response.bodySha256}`;
  if (response.delivery.traceId) return response.delivery.traceId;
  const eventId = response.json.event_id;
  return typeof eventId === 'string' && eventId !== '' ? `event:${eventId}` : undefined;
}
