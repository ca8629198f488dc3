/**
 * A binary min-heap whose items carry string keys, so any item can be replaced, removed or looked
 * up by key. Task queues and the timeout queue both need "earliest first" plus cancellation.
 *
 * Removal is lazy: `delete` only forgets the key (O(1)) and the entry is dropped when it reaches
 * the top, so nothing re-sifts and no position index is kept up to date on every swap (that
 * bookkeeping was most of the engine's heap cost per call). Stale entries are bounded: once they
 * outnumber live ones (plus a slack), the array is rebuilt in O(n).
 */
interface Entry<T> {
  readonly key: string;
  readonly value: T;
  live: boolean;
}

const COMPACT_SLACK = 1_024;

export class IndexedHeap<T> {
  #entries: Array<Entry<T>> = [];
  readonly #live = new Map<string, Entry<T>>();
  readonly #before: (a: T, b: T) => boolean;

  /** `before(a, b)` is true when `a` must come out before `b`. */
  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  get size(): number {
    return this.#live.size;
  }

  /** Entries held, stale ones included: at most twice the live ones plus a slack. */
  get heldEntries(): number {
    return this.#entries.length;
  }

  has(key: string): boolean {
    return this.#live.has(key);
  }

  get(key: string): T | undefined {
    return this.#live.get(key)?.value;
  }

  peek(): T | undefined {
    this.#dropStaleTop();
    return this.#entries[0]?.value;
  }

  /** Adds an item, replacing any item with the same key. */
  push(key: string, value: T): void {
    // One lookup: the replaced entry goes stale and the new one takes its key.
    const replaced = this.#live.get(key);
    const entry: Entry<T> = { key, value, live: true };
    this.#live.set(key, entry);
    this.#entries.push(entry);
    this.#siftUp(this.#entries.length - 1);
    if (replaced !== undefined) {
      replaced.live = false;
      this.#compactWhenMostlyStale();
    }
  }

  pop(): T | undefined {
    this.#dropStaleTop();
    const top = this.#entries[0];
    if (top === undefined) return undefined;
    this.#live.delete(top.key);
    this.#removeTop();
    return top.value;
  }

  delete(key: string): boolean {
    const entry = this.#live.get(key);
    if (entry === undefined) return false;
    entry.live = false;
    this.#live.delete(key);
    this.#compactWhenMostlyStale();
    return true;
  }

  clear(): void {
    this.#entries = [];
    this.#live.clear();
  }

  *values(): IterableIterator<T> {
    for (const entry of this.#live.values()) yield entry.value;
  }

  #dropStaleTop(): void {
    while (this.#entries.length > 0 && !this.#entries[0]!.live) this.#removeTop();
  }

  #removeTop(): void {
    const last = this.#entries.pop()!;
    if (this.#entries.length === 0) return;
    this.#entries[0] = last;
    this.#siftDown(0);
  }

  #compactWhenMostlyStale(): void {
    if (this.#entries.length - this.#live.size > this.#live.size + COMPACT_SLACK) this.#compact();
  }

  /** Keeps the live entries only and restores heap order bottom-up (O(n)). */
  #compact(): void {
    this.#entries = this.#entries.filter((entry) => entry.live);
    for (let index = (this.#entries.length >> 1) - 1; index >= 0; index -= 1) this.#siftDown(index);
  }

  #siftUp(start: number): void {
    const entries = this.#entries;
    const moving = entries[start]!;
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#before(moving.value, entries[parent]!.value)) break;
      entries[index] = entries[parent]!;
      index = parent;
    }
    entries[index] = moving;
  }

  #siftDown(start: number): void {
    const entries = this.#entries;
    const length = entries.length;
    const moving = entries[start]!;
    let index = start;
    for (;;) {
      const left = index * 2 + 1;
      if (left >= length) break;
      const right = left + 1;
      const child = right < length && this.#before(entries[right]!.value, entries[left]!.value) ? right : left;
      if (!this.#before(entries[child]!.value, moving.value)) break;
      entries[index] = entries[child]!;
      index = child;
    }
    entries[index] = moving;
  }
}
