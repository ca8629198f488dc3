/**
 * The sticky decider cache: the runtime of each run this worker decided, by runId, least recently
 * used first out. Holding a runtime lets the next decision task of that run apply only its new events.
 */

export interface StickyCacheStats {
  readonly size: number;
  readonly hits: number;
  readonly misses: number;
  readonly evictions: number;
}

export type EvictionReason = 'CAPACITY' | 'FALLBACK' | 'CLOSED' | 'SHUTDOWN';

export class StickyCache<Entry> {
  readonly #maxSize: number;
  readonly #entries = new Map<string, Entry>();
  readonly #onEvict: (runId: string, reason: EvictionReason) => void;
  #hits = 0;
  #misses = 0;
  #evictions = 0;

  constructor(maxSize: number, onEvict: (runId: string, reason: EvictionReason) => void = () => {}) {
    this.#maxSize = maxSize;
    this.#onEvict = onEvict;
  }

  /** False when the cache is sized 0: the worker then asks for no sticky execution. */
  get enabled(): boolean {
    return this.#maxSize > 0;
  }

  /**
   * Takes the entry out of the cache (counting a hit or a miss); put it back after a successful task.
   * An entry that `usable` rejects (stale) counts as a miss and is evicted (FALLBACK).
   */
  take(runId: string, usable: (entry: Entry) => boolean = () => true): Entry | undefined {
    const entry = this.#entries.get(runId);
    if (entry === undefined || !usable(entry)) {
      this.#misses += 1;
      if (entry !== undefined) this.evict(runId, 'FALLBACK');
      return undefined;
    }
    this.#hits += 1;
    this.#entries.delete(runId);
    return entry;
  }

  /** Stores the entry as the most recently used, evicting the least recently used beyond the bound. */
  put(runId: string, entry: Entry): void {
    if (!this.enabled) return;
    this.#entries.delete(runId);
    this.#entries.set(runId, entry);
    while (this.#entries.size > this.#maxSize) {
      const oldest = this.#entries.keys().next().value as string;
      this.evict(oldest, 'CAPACITY');
    }
  }

  /** Drops a run, e.g. after a surprise that forces the next task to replay in full. */
  evict(runId: string, reason: EvictionReason): void {
    if (!this.#entries.delete(runId)) return;
    this.#evictions += 1;
    this.#onEvict(runId, reason);
  }

  /** Drops a run only while it still holds this very entry (a later task may have taken or replaced it). */
  evictEntry(runId: string, entry: Entry, reason: EvictionReason): void {
    if (this.#entries.get(runId) === entry) this.evict(runId, reason);
  }

  /** Counts a run that was taken out and will not come back (a fallback or a closed run). */
  countDropped(runId: string, reason: EvictionReason): void {
    this.#evictions += 1;
    this.#onEvict(runId, reason);
  }

  has(runId: string): boolean {
    return this.#entries.has(runId);
  }

  clear(): void {
    for (const runId of [...this.#entries.keys()]) this.evict(runId, 'SHUTDOWN');
  }

  get stats(): StickyCacheStats {
    return { size: this.#entries.size, hits: this.#hits, misses: this.#misses, evictions: this.#evictions };
  }
}
