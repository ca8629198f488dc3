import { describe, expect, it } from 'vitest';
import { StickyCache, type EvictionReason } from '../src/sticky-cache.js';

describe('StickyCache', () => {
  it('evicts the least recently used run beyond its size', () => {
    const evicted: Array<[string, EvictionReason]> = [];
    const cache = new StickyCache<string>(2, (runId, reason) => evicted.push([runId, reason]));
    cache.put('r1', 'one');
    cache.put('r2', 'two');
    expect(cache.take('r1')).toBe('one');
    cache.put('r1', 'one'); // r1 is now the most recent
    cache.put('r3', 'three');
    expect(evicted).toEqual([['r2', 'CAPACITY']]);
    expect(cache.has('r1')).toBe(true);
    expect(cache.has('r3')).toBe(true);
  });

  it('counts hits, misses and evictions', () => {
    const cache = new StickyCache<string>(1);
    cache.take('missing');
    cache.put('r1', 'one');
    cache.take('r1');
    cache.countDropped('r1', 'FALLBACK');
    cache.put('r2', 'two');
    cache.put('r3', 'three');
    expect(cache.stats).toEqual({ size: 1, hits: 1, misses: 1, evictions: 2 });
  });

  it('counts a stale entry as a miss, not a hit, and evicts it', () => {
    const evicted: string[] = [];
    const cache = new StickyCache<number>(5, (runId, reason) => evicted.push(`${runId}:${reason}`));
    cache.put('r1', 3);
    expect(cache.take('r1', (processed) => processed === 7)).toBeUndefined();
    expect(cache.has('r1')).toBe(false);
    expect(evicted).toEqual(['r1:FALLBACK']);
    expect(cache.stats).toEqual({ size: 0, hits: 0, misses: 1, evictions: 1 });
  });

  it('evicts an entry only while the run still holds that very entry', () => {
    const cache = new StickyCache<string>(5);
    cache.put('r1', 'old');
    cache.evictEntry('r1', 'other', 'FALLBACK');
    expect(cache.has('r1')).toBe(true);
    cache.evictEntry('r1', 'old', 'FALLBACK');
    expect(cache.has('r1')).toBe(false);
  });

  it('takes a run out while it is being decided, so a concurrent task cannot share its runtime', () => {
    const cache = new StickyCache<string>(5);
    cache.put('r1', 'runtime');
    expect(cache.take('r1')).toBe('runtime');
    expect(cache.take('r1')).toBeUndefined();
  });

  it('holds nothing when sized 0', () => {
    const cache = new StickyCache<string>(0);
    cache.put('r1', 'one');
    expect(cache.enabled).toBe(false);
    expect(cache.has('r1')).toBe(false);
  });

  it('evicts everything on clear', () => {
    const evicted: string[] = [];
    const cache = new StickyCache<string>(3, (runId, reason) => evicted.push(`${runId}:${reason}`));
    cache.put('a', '1');
    cache.put('b', '2');
    cache.clear();
    expect(evicted).toEqual(['a:SHUTDOWN', 'b:SHUTDOWN']);
    expect(cache.stats.size).toBe(0);
  });
});
