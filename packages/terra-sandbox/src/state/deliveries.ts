import type { Delivery } from './types.js';

/** How many deliveries, and how many payload bytes, a {@link DeliveryStore} keeps. */
export interface DeliveryRetention {
  /** Most deliveries kept. */
  maxDeliveries: number;
  /** Most payload bytes (UTF-8) kept across all deliveries. */
  maxBytes: number;
}

/** What a {@link DeliveryStore} holds and what it has let go of. */
export interface DeliveryStoreStats extends DeliveryRetention {
  /** Deliveries kept now. */
  kept: number;
  /** Their payload bytes. */
  keptBytes: number;
  /** Settled deliveries dropped, oldest first, to stay within the bounds. */
  dropped: number;
  /** Payload bytes those held. */
  droppedBytes: number;
}

const UNBOUNDED: DeliveryRetention = {
  maxDeliveries: Number.POSITIVE_INFINITY,
  maxBytes: Number.POSITIVE_INFINITY,
};

/**
 * Keeps webhook deliveries (newest last) within a count and a payload-byte bound, and tells listeners
 * when any changes. Over a bound, the oldest settled (delivered or failed) deliveries are dropped
 * first; a delivery still pending or retrying is never dropped, since its payload is still to be sent,
 * so the bounds can be exceeded only by deliveries in flight until they settle.
 */
export class DeliveryStore {
  private readonly byId = new Map<string, Delivery>();
  private readonly bytes = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private keptBytes = 0;
  private dropped = 0;
  private droppedBytes = 0;

  constructor(private readonly retention: DeliveryRetention = UNBOUNDED) {}

  /** Adds a delivery record, dropping the oldest settled ones if the store is over a bound. */
  add(delivery: Delivery): void {
    const size = Buffer.byteLength(delivery.payload, 'utf8');
    this.keptBytes += size - (this.bytes.get(delivery.id) ?? 0);
    this.bytes.set(delivery.id, size);
    this.byId.set(delivery.id, delivery);
    this.changed();
  }

  /** Counts kept and dropped, with the bounds. */
  stats(): DeliveryStoreStats {
    return {
      ...this.retention,
      kept: this.byId.size,
      keptBytes: this.keptBytes,
      dropped: this.dropped,
      droppedBytes: this.droppedBytes,
    };
  }

  private overBound(): boolean {
    return this.byId.size > this.retention.maxDeliveries || this.keptBytes > this.retention.maxBytes;
  }

  private evict(): void {
    if (!this.overBound()) return;
    for (const [id, delivery] of this.byId) {
      if (!this.overBound()) return;
      if (delivery.status !== 'delivered' && delivery.status !== 'failed') continue;
      const size = this.bytes.get(id) ?? 0;
      this.byId.delete(id);
      this.bytes.delete(id);
      this.keptBytes -= size;
      this.dropped++;
      this.droppedBytes += size;
    }
  }

  /** The delivery with this id. */
  get(id: string): Delivery | undefined {
    return this.byId.get(id);
  }

  /** All deliveries, oldest first. */
  list(): Delivery[] {
    return [...this.byId.values()];
  }

  /** Call after mutating a delivery in place, so waiters and persistence see it (and settled ones can go). */
  changed(): void {
    this.evict();
    for (const listener of this.listeners) listener();
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the deliveries once `predicate` holds for them; rejects after `timeoutMs` with an
   * error that says how many deliveries there were and what state they were in.
   */
  waitFor(predicate: (deliveries: Delivery[]) => boolean, timeoutMs: number): Promise<Delivery[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const list = this.list();
        if (!predicate(list)) return false;
        cleanup();
        resolve(list);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const summary = this.list()
          .map((d) => `${d.type}:${d.status}`)
          .join(', ');
        reject(
          new Error(
            `waitForDeliveries timed out after ${timeoutMs} ms; ${this.byId.size} deliveries so far [${summary}]`,
          ),
        );
      }, timeoutMs);
      const unsubscribe = this.onChange(() => {
        check();
      });
      const cleanup = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      check();
    });
  }
}
