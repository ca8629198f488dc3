/**
 * A binary min-heap whose items carry string keys, so any item can be removed or looked up in
 * O(log n). Task queues and the timeout queue both need "earliest first" plus cancellation.
 */
export class IndexedHeap<T> {
  readonly #items: Array<{ key: string; value: T }> = [];
  readonly #positions = new Map<string, number>();
  readonly #before: (a: T, b: T) => boolean;

  /** `before(a, b)` is true when `a` must come out before `b`. */
  constructor(before: (a: T, b: T) => boolean) {
    this.#before = before;
  }

  get size(): number {
    return this.#items.length;
  }

  has(key: string): boolean {
    return this.#positions.has(key);
  }

  get(key: string): T | undefined {
    const index = this.#positions.get(key);
    return index === undefined ? undefined : this.#items[index]?.value;
  }

  peek(): T | undefined {
    return this.#items[0]?.value;
  }

  /** Adds an item, replacing any item with the same key. */
  push(key: string, value: T): void {
    if (this.#positions.has(key)) this.delete(key);
    this.#items.push({ key, value });
    this.#positions.set(key, this.#items.length - 1);
    this.#siftUp(this.#items.length - 1);
  }

  pop(): T | undefined {
    const top = this.#items[0];
    if (top === undefined) return undefined;
    this.delete(top.key);
    return top.value;
  }

  delete(key: string): boolean {
    const index = this.#positions.get(key);
    if (index === undefined) return false;
    const last = this.#items.pop()!;
    this.#positions.delete(key);
    if (index < this.#items.length) {
      this.#items[index] = last;
      this.#positions.set(last.key, index);
      this.#siftUp(index);
      this.#siftDown(this.#positions.get(last.key)!);
    }
    return true;
  }

  clear(): void {
    this.#items.length = 0;
    this.#positions.clear();
  }

  *values(): IterableIterator<T> {
    for (const item of this.#items) yield item.value;
  }

  #siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#before(this.#items[index]!.value, this.#items[parent]!.value)) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  #siftDown(start: number): void {
    let index = start;
    const length = this.#items.length;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let best = index;
      if (left < length && this.#before(this.#items[left]!.value, this.#items[best]!.value)) best = left;
      if (right < length && this.#before(this.#items[right]!.value, this.#items[best]!.value)) best = right;
      if (best === index) return;
      this.#swap(index, best);
      index = best;
    }
  }

  #swap(a: number, b: number): void {
    const itemA = this.#items[a]!;
    const itemB = this.#items[b]!;
    this.#items[a] = itemB;
    this.#items[b] = itemA;
    this.#positions.set(itemB.key, a);
    this.#positions.set(itemA.key, b);
  }
}
