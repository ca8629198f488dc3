import { IndexedHeap } from '../store/indexed-heap.js';
import type { Clock, ClockTimer } from './clock.js';

interface PendingTimer {
  at: number;
  seq: number;
  callback: () => void;
}

/**
 * Time that moves only when a test says so. `advance`/`advanceTo` fire due timers in time order
 * (ties in arming order); after each firing they let promise chains settle, so the consequences
 * of one firing are applied before the next fires.
 */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  readonly #timers = new IndexedHeap<PendingTimer>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));

  /** @param startEpochMs the initial time; @default Date.now() at construction */
  constructor(startEpochMs: number = Date.now()) {
    this.#now = startEpochMs;
  }

  now(): number {
    return this.#now;
  }

  setTimer(atEpochMs: number, callback: () => void): ClockTimer {
    const seq = ++this.#seq;
    const key = String(seq);
    this.#timers.push(key, { at: atEpochMs, seq, callback });
    return { cancel: () => void this.#timers.delete(key) };
  }

  /** Number of armed timers (useful to assert that nothing is left running). */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  /** Epoch ms of the earliest armed timer, if any. */
  nextTimerAt(): number | undefined {
    return this.#timers.peek()?.at;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite number >= 0, got ${ms}`);
    await this.advanceTo(this.#now + ms);
  }

  /** Moves time forward to `epochMs`, firing every timer due at or before it. Never moves back. */
  async advanceTo(epochMs: number): Promise<void> {
    if (!Number.isFinite(epochMs)) throw new RangeError(`advanceTo(epochMs) needs a finite time, got ${epochMs}`);
    await settle();
    for (let next = this.#timers.peek(); next !== undefined && next.at <= epochMs; next = this.#timers.peek()) {
      this.#timers.pop();
      this.#now = Math.max(this.#now, next.at);
      next.callback();
      await settle();
    }
    this.#now = Math.max(this.#now, epochMs);
  }
}

/** Lets queued promise reactions (and anything they chain) run before time moves on. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
