import { describe, expect, it } from 'vitest';
import { IndexedHeap } from '../../src/store/indexed-heap.js';

interface Item {
  readonly at: number;
  readonly sequence: number;
}
const earlier = (a: Item, b: Item): boolean => a.at < b.at || (a.at === b.at && a.sequence < b.sequence);

/** A deterministic pseudo-random sequence, so a failure replays. */
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('IndexedHeap', () => {
  it('pops in order, with replaced and deleted keys gone, like a sorted map does (random operations)', () => {
    const random = randomSource(7);
    const heap = new IndexedHeap<Item>(earlier);
    const model = new Map<string, Item>();
    let sequence = 0;
    for (let step = 0; step < 20_000; step += 1) {
      const key = `k${Math.floor(random() * 3_000)}`;
      const roll = random();
      if (roll < 0.5) {
        const item = { at: Math.floor(random() * 1_000), sequence: ++sequence };
        heap.push(key, item);
        model.set(key, item);
      } else if (roll < 0.8) {
        expect(heap.delete(key)).toBe(model.delete(key));
      } else if (roll < 0.95) {
        const expected = [...model.entries()].sort(([, a], [, b]) => (earlier(a, b) ? -1 : 1))[0];
        expect(heap.pop()).toEqual(expected?.[1]);
        if (expected) model.delete(expected[0]);
      } else {
        expect(heap.get(key)).toEqual(model.get(key));
        expect(heap.has(key)).toBe(model.has(key));
      }
      expect(heap.size).toBe(model.size);
    }
    const drained: Item[] = [];
    for (let item = heap.pop(); item !== undefined; item = heap.pop()) drained.push(item);
    expect(drained).toEqual([...model.values()].sort((a, b) => (earlier(a, b) ? -1 : 1)));
    expect(heap.peek()).toBeUndefined();
  });

  it('keeps only live items once deletions pile up (stale entries are compacted away)', () => {
    const heap = new IndexedHeap<Item>(earlier);
    for (let index = 0; index < 10_000; index += 1) heap.push(`k${index}`, { at: index, sequence: index });
    for (let index = 0; index < 9_990; index += 1) heap.delete(`k${index}`);
    expect(heap.size).toBe(10);
    expect([...heap.values()].map((item) => item.at).sort((a, b) => a - b)).toEqual([9_990, 9_991, 9_992, 9_993, 9_994, 9_995, 9_996, 9_997, 9_998, 9_999]);
    expect(heap.peek()).toEqual({ at: 9_990, sequence: 9_990 });
  });

  it('stays bounded when the same keys are pushed again and again (a heartbeat moving its deadline)', () => {
    const heap = new IndexedHeap<Item>(earlier);
    heap.push('soon', { at: 0, sequence: 0 });
    for (let index = 1; index <= 50_000; index += 1) heap.push(`beat-${index % 10}`, { at: 1_000_000 + index, sequence: index });
    expect(heap.size).toBe(11);
    expect(heap.heldEntries).toBeLessThanOrEqual(2 * heap.size + 1_024 + 1);
    expect(heap.pop()).toEqual({ at: 0, sequence: 0 });
    expect(heap.pop()).toEqual({ at: 1_049_991, sequence: 49_991 });
  });

  it('replaces the item of a key pushed again, wherever it sat', () => {
    const heap = new IndexedHeap<Item>(earlier);
    heap.push('a', { at: 5, sequence: 1 });
    heap.push('b', { at: 10, sequence: 2 });
    heap.push('a', { at: 20, sequence: 3 });
    expect(heap.size).toBe(2);
    expect(heap.pop()).toEqual({ at: 10, sequence: 2 });
    expect(heap.pop()).toEqual({ at: 20, sequence: 3 });
    expect(heap.pop()).toBeUndefined();
  });
});
