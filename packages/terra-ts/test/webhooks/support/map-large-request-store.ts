import type { AddLargeRequestDeliveryOptions, LargeRequestState, LargeRequestStore } from 'terra-ts';

interface Row {
  expected: number | undefined;
  announced: boolean;
  deliveryIds: Set<string>;
  received: number;
  reported: boolean;
  expiresAt: number;
}

/** How many event-loop turns a call spends "on the network" before and after its atomic step. */
export type Latency = () => number;

async function hops(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A {@link LargeRequestStore} written the way a user would over a remote database: every call first
 * travels for a while (so calls from several trackers interleave), then does its read-and-change in one
 * step (what a Redis script, a conditional update or one SQL statement gives), then travels back.
 */
export class MapLargeRequestStore implements LargeRequestStore {
  readonly rows = new Map<string, Row>();
  /** Every call, in the order they reached the "database". */
  readonly calls: string[] = [];
  readonly #latency: Latency;

  constructor(latency: Latency = () => 1) {
    this.#latency = latency;
  }

  async addDelivery(
    reference: string,
    deliveryId: string,
    options: AddLargeRequestDeliveryOptions,
  ): Promise<LargeRequestState | undefined> {
    return this.#atomically(`addDelivery ${reference} ${deliveryId}`, () => {
      const row =
        this.#row(reference) ?? (options.start ? this.#create(reference, options.ttlMs) : undefined);
      if (!row) return undefined;
      if (!row.reported && !row.deliveryIds.has(deliveryId)) {
        row.deliveryIds.add(deliveryId);
        row.received += 1;
      }
      return this.#state(row);
    });
  }

  async announce(reference: string, expected: number | undefined, ttlMs: number): Promise<LargeRequestState> {
    return this.#atomically(`announce ${reference} ${expected}`, () => {
      const row = this.#row(reference) ?? this.#create(reference, ttlMs);
      if (!row.reported) {
        row.announced = true;
        if (expected !== undefined) row.expected = expected;
      }
      return this.#state(row);
    });
  }

  async claimCompletion(reference: string): Promise<boolean> {
    return this.#atomically(`claimCompletion ${reference}`, () => {
      const row = this.#row(reference);
      if (!row || row.reported) return false;
      row.reported = true;
      return true;
    });
  }

  async get(reference: string): Promise<LargeRequestState | undefined> {
    return this.#atomically(`get ${reference}`, () => {
      const row = this.#row(reference);
      return row && this.#state(row);
    });
  }

  async #atomically<T>(call: string, step: () => T): Promise<T> {
    await hops(this.#latency());
    this.calls.push(call);
    const result = step();
    await hops(this.#latency());
    return result;
  }

  #row(reference: string): Row | undefined {
    const row = this.rows.get(reference);
    if (row && row.expiresAt <= Date.now()) {
      this.rows.delete(reference);
      return undefined;
    }
    return row;
  }

  #create(reference: string, ttlMs: number): Row {
    const row: Row = {
      expected: undefined,
      announced: false,
      deliveryIds: new Set(),
      received: 0,
      reported: false,
      expiresAt: Date.now() + ttlMs,
    };
    this.rows.set(reference, row);
    return row;
  }

  #state(row: Row): LargeRequestState {
    return { expected: row.expected, received: row.received, reported: row.reported };
  }
}

/** A seeded source of numbers in [0, 1), so an interleaving that fails can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
