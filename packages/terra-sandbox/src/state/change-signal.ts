/** Tells listeners that a store changed, so the data file is rewritten (and waiters re-check). */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call after any mutation, including in-place edits of a stored object. */
  changed(): void {
    for (const listener of this.listeners) listener();
  }
}
