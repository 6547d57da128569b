/** Something with a due time; `heapIndex` is maintained by the heap (-1 when not in it). */
export type HeapItem = { dueMs: number; heapIndex: number };

/**
 * A binary min-heap on dueMs with removal and re-keying by position: 10 000 monitors cost
 * about 14 comparisons per check, and a changed or archived monitor is moved or removed in
 * O(log n) instead of leaving stale entries behind.
 */
export class DueHeap<T extends HeapItem> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.up(item.heapIndex);
  }

  pop(): T | undefined {
    const top = this.items[0];
    if (top) this.remove(top);
    return top;
  }

  remove(item: T): void {
    const i = item.heapIndex;
    if (i < 0 || this.items[i] !== item) return;
    const last = this.items.pop() as T;
    item.heapIndex = -1;
    if (last === item) return;
    this.items[i] = last;
    last.heapIndex = i;
    this.up(i);
    this.down(last.heapIndex);
  }

  /** Moves an item to a new due time, inserting it if it is not in the heap. */
  reschedule(item: T, dueMs: number): void {
    if (item.heapIndex < 0 || this.items[item.heapIndex] !== item) {
      item.dueMs = dueMs;
      this.push(item);
      return;
    }
    const earlier = dueMs < item.dueMs;
    item.dueMs = dueMs;
    if (earlier) this.up(item.heapIndex);
    else this.down(item.heapIndex);
  }

  private up(i: number): void {
    const items = this.items;
    const item = items[i] as T;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent] as T;
      if (p.dueMs <= item.dueMs) break;
      items[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    items[i] = item;
    item.heapIndex = i;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const item = items[i] as T;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && (items[right] as T).dueMs < (items[left] as T).dueMs ? right : left;
      const c = items[child] as T;
      if (c.dueMs >= item.dueMs) break;
      items[i] = c;
      c.heapIndex = i;
      i = child;
    }
    items[i] = item;
    item.heapIndex = i;
  }
}
