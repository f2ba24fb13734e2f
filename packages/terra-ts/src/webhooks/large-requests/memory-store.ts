import { positiveOption } from '../positive-option.js';
import type { AddLargeRequestDeliveryOptions, LargeRequestState, LargeRequestStore } from './store.js';

/** The operations of a {@link LargeRequestStore}, answered at once rather than through a promise. */
export type SynchronousLargeRequestStore = {
  [K in keyof LargeRequestStore]: (
    ...args: Parameters<LargeRequestStore[K]>
  ) => Awaited<ReturnType<LargeRequestStore[K]>>;
};

/** Options of {@link MemoryLargeRequestStore}. */
export interface MemoryLargeRequestStoreOptions {
  /** How many requests are kept at once. Default 1 000. */
  maxRequests?: number;
  /**
   * How many distinct delivery ids one request keeps. Default 10 000, far above the chunks of any real
   * large request (a 5-year range in chunks of about 10 MB is a few hundred); past it, a new id is not
   * recorded or counted, so no sender can grow one request's set without bound.
   */
  maxDeliveriesPerRequest?: number;
}

const DEFAULT_MAX_REQUESTS = 1000;
const DEFAULT_MAX_DELIVERIES_PER_REQUEST = 10_000;

interface Tracked {
  expected: number | undefined;
  /** A `large_request_*` notice was seen: this is certainly a large request, not everyday traffic. */
  announced: boolean;
  /** Emptied once reported: a reported request only answers with its count. */
  deliveries: Set<string>;
  received: number;
  reported: boolean;
  expiresAt: number;
}

function stateOf(tracked: Tracked): LargeRequestState {
  return { expected: tracked.expected, received: tracked.received, reported: tracked.reported };
}

class MemoryLargeRequests implements SynchronousLargeRequestStore {
  readonly #requests = new Map<string, Tracked>();
  readonly #maxRequests: number;
  readonly #maxDeliveries: number;

  constructor(maxRequests: number, maxDeliveries: number) {
    this.#maxRequests = maxRequests;
    this.#maxDeliveries = maxDeliveries;
  }

  get size(): number {
    return this.#requests.size;
  }

  addDelivery(
    reference: string,
    deliveryId: string,
    options: AddLargeRequestDeliveryOptions,
  ): LargeRequestState | undefined {
    const tracked =
      this.#live(reference) ?? (options.start ? this.#create(reference, options.ttlMs) : undefined);
    if (!tracked) return undefined;
    if (
      !tracked.reported &&
      tracked.deliveries.size < this.#maxDeliveries &&
      !tracked.deliveries.has(deliveryId)
    ) {
      tracked.deliveries.add(deliveryId);
      tracked.received += 1;
    }
    return stateOf(tracked);
  }

  announce(reference: string, expected: number | undefined, ttlMs: number): LargeRequestState {
    const tracked = this.#live(reference) ?? this.#create(reference, ttlMs);
    if (!tracked.reported) {
      tracked.announced = true;
      if (expected !== undefined) tracked.expected = expected;
    }
    return stateOf(tracked);
  }

  claimCompletion(reference: string): boolean {
    const tracked = this.#live(reference);
    if (!tracked || tracked.reported) return false;
    tracked.reported = true;
    // The count is all a reported request answers with; the ids were only needed to count each once.
    tracked.deliveries = new Set();
    return true;
  }

  get(reference: string): LargeRequestState | undefined {
    const tracked = this.#live(reference);
    return tracked && stateOf(tracked);
  }

  #live(reference: string): Tracked | undefined {
    const tracked = this.#requests.get(reference);
    if (!tracked || tracked.expiresAt > Date.now()) return tracked;
    this.#requests.delete(reference);
    return undefined;
  }

  #create(reference: string, ttlMs: number): Tracked {
    const now = Date.now();
    this.#makeRoom(now);
    const tracked: Tracked = {
      expected: undefined,
      announced: false,
      deliveries: new Set(),
      received: 0,
      reported: false,
      expiresAt: now + ttlMs,
    };
    this.#requests.set(reference, tracked);
    return tracked;
  }

  // Everyday data deliveries carry a `terra-reference` too, so when full, a request already reported goes
  // first (it is only kept so late retries of its chunks are not counted as a new request), then the oldest
  // never announced: neither a busy stream of ordinary deliveries nor finished requests push out one in progress.
  #makeRoom(now: number): void {
    this.#dropExpired(now);
    if (this.#requests.size < this.#maxRequests) return;
    const victim =
      this.#oldest((tracked) => tracked.reported) ??
      this.#oldest((tracked) => !tracked.announced) ??
      this.#requests.keys().next().value;
    if (victim !== undefined) this.#requests.delete(victim);
  }

  #dropExpired(now: number): void {
    // Map iteration is oldest first, so with one TTL (as one tracker passes) expiry follows creation order
    // and the loop stops at the first live request; when full, every request is checked.
    const full = this.#requests.size >= this.#maxRequests;
    for (const [reference, tracked] of this.#requests) {
      if (tracked.expiresAt <= now) this.#requests.delete(reference);
      else if (!full) return;
    }
  }

  #oldest(matches: (tracked: Tracked) => boolean): string | undefined {
    for (const [reference, tracked] of this.#requests) if (matches(tracked)) return reference;
    return undefined;
  }
}

const synchronousViews = new WeakMap<MemoryLargeRequestStore, MemoryLargeRequests>();

/**
 * A bounded in-process {@link LargeRequestStore}, the default of {@link LargeRequestTracker}. Requests
 * expire `ttlMs` after they were first seen; when `maxRequests` are kept, an expired one goes first, then
 * the oldest already reported, then the oldest never announced, then the oldest. Share one between
 * trackers in a process; for several processes, implement {@link LargeRequestStore} over a shared database.
 */
export class MemoryLargeRequestStore implements LargeRequestStore {
  readonly #requests: MemoryLargeRequests;

  /** @param options - `maxRequests` (default 1 000), `maxDeliveriesPerRequest` (default 10 000). */
  constructor(options: MemoryLargeRequestStoreOptions = {}) {
    this.#requests = new MemoryLargeRequests(
      positiveOption('maxRequests', options.maxRequests ?? DEFAULT_MAX_REQUESTS),
      positiveOption(
        'maxDeliveriesPerRequest',
        options.maxDeliveriesPerRequest ?? DEFAULT_MAX_DELIVERIES_PER_REQUEST,
      ),
    );
    synchronousViews.set(this, this.#requests);
  }

  /** Number of requests currently kept (including reported ones not yet expired or evicted). */
  get size(): number {
    return this.#requests.size;
  }

  // Each operation runs synchronously inside its async method: nothing can interleave, so each is atomic.
  async addDelivery(
    reference: string,
    deliveryId: string,
    options: AddLargeRequestDeliveryOptions,
  ): Promise<LargeRequestState | undefined> {
    return this.#requests.addDelivery(reference, deliveryId, options);
  }

  async announce(reference: string, expected: number | undefined, ttlMs: number): Promise<LargeRequestState> {
    return this.#requests.announce(reference, expected, ttlMs);
  }

  async claimCompletion(reference: string): Promise<boolean> {
    return this.#requests.claimCompletion(reference);
  }

  async get(reference: string): Promise<LargeRequestState | undefined> {
    return this.#requests.get(reference);
  }
}

/**
 * The synchronous operations behind a {@link MemoryLargeRequestStore} (what lets
 * `LargeRequestTracker.observe` stay synchronous), or `undefined` for any other store.
 */
export function synchronousLargeRequestStore(
  store: LargeRequestStore,
): SynchronousLargeRequestStore | undefined {
  return store instanceof MemoryLargeRequestStore ? synchronousViews.get(store) : undefined;
}
