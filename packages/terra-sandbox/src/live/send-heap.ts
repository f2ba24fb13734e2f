/** An item ordered by release instant, then tiebreak, then the order it was pushed in. */
export interface HeapItem {
  readonly releaseMs: number;
  readonly tiebreak: number;
  readonly seq: number;
}

function before(a: HeapItem, b: HeapItem): boolean {
  if (a.releaseMs !== b.releaseMs) return a.releaseMs < b.releaseMs;
  if (a.tiebreak !== b.tiebreak) return a.tiebreak < b.tiebreak;
  return a.seq < b.seq;
}

/** A binary min-heap of sends waiting for their release instant. */
export class SendHeap<T extends HeapItem> {
  private readonly items: T[] = [];

  /** How many sends wait. */
  get size(): number {
    return this.items.length;
  }

  /** The first send due, without taking it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds a send. */
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as T, items[parent] as T)) break;
      [items[i], items[parent]] = [items[parent] as T, items[i] as T];
      i = parent;
    }
  }

  /** Takes the first send due. */
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && before(items[l] as T, items[m] as T)) m = l;
        if (r < items.length && before(items[r] as T, items[m] as T)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as T, items[i] as T];
        i = m;
      }
    }
    return top;
  }
}
