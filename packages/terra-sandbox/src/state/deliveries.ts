import type { Delivery } from './types.js';

/** Keeps every webhook delivery (newest last) and tells listeners when any changes. */
export class DeliveryStore {
  private readonly byId = new Map<string, Delivery>();
  private readonly listeners = new Set<() => void>();

  /** Adds a delivery record. */
  add(delivery: Delivery): void {
    this.byId.set(delivery.id, delivery);
    this.changed();
  }

  /** The delivery with this id. */
  get(id: string): Delivery | undefined {
    return this.byId.get(id);
  }

  /** All deliveries, oldest first. */
  list(): Delivery[] {
    return [...this.byId.values()];
  }

  /** Call after mutating a delivery in place, so waiters and persistence see it. */
  changed(): void {
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
