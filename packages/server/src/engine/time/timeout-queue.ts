/** Every deadline of the engine in one min-heap, fired in order on the engine clock. */
import type { Clock, ClockTimer } from '../../clock/clock.js';
import { IndexedHeap } from '../../store/indexed-heap.js';

interface Deadline {
  at: number;
  sequence: number;
  fire: () => void;
}

/**
 * Every deadline of the engine (timers, task and execution timeouts, retention) in one min-heap,
 * with a single clock wake-up armed for the earliest. Setting a key again moves its deadline, so a
 * heartbeat costs O(log n) and nothing ever sweeps.
 */
export class TimeoutQueue {
  readonly #clock: Clock;
  readonly #heap = new IndexedHeap<Deadline>((a, b) => a.at < b.at || (a.at === b.at && a.sequence < b.sequence));
  readonly #run: (fire: () => void) => void;
  #sequence = 0;
  #armed: { at: number; timer: ClockTimer } | undefined;
  #closed = false;

  /** `run` wraps each firing, so the engine can apply it as one atomic operation. */
  constructor(clock: Clock, run: (fire: () => void) => void) {
    this.#clock = clock;
    this.#run = run;
  }

  get size(): number {
    return this.#heap.size;
  }

  /** Arms (or moves) the deadline `key`. An infinite `at` (a `NONE` duration) removes it instead. */
  set(key: string, at: number, fire: () => void): void {
    if (!Number.isFinite(at)) {
      this.delete(key);
      return;
    }
    this.#heap.push(key, { at, sequence: ++this.#sequence, fire });
    this.#arm();
  }

  has(key: string): boolean {
    return this.#heap.has(key);
  }

  delete(key: string): void {
    this.#heap.delete(key);
  }

  clear(): void {
    this.#heap.clear();
    this.#armed?.timer.cancel();
    this.#armed = undefined;
  }

  close(): void {
    this.#closed = true;
    this.clear();
  }

  #arm(): void {
    if (this.#closed) return;
    const next = this.#heap.peek();
    if (next === undefined) return;
    if (this.#armed !== undefined && this.#armed.at <= next.at) return;
    this.#armed?.timer.cancel();
    this.#armed = { at: next.at, timer: this.#clock.setTimer(next.at, () => this.#fireDue()) };
  }

  #fireDue(): void {
    this.#armed = undefined;
    const now = this.#clock.now();
    for (let next = this.#heap.peek(); next !== undefined && next.at <= now; next = this.#heap.peek()) {
      this.#heap.pop();
      this.#run(next.fire);
    }
    this.#arm();
  }
}
