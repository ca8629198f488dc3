/**
 * A counting semaphore of task slots. A poller takes a slot before it long-polls, because SWF starts
 * a task's timeouts the moment the poll returns it: a task must never wait for capacity.
 */

export class TaskSlots {
  readonly #capacity: number;
  #used = 0;
  readonly #waiters: Array<() => void> = [];
  readonly #idleWaiters: Array<() => void> = [];

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get capacity(): number {
    return this.#capacity;
  }

  /** Slots taken right now (polls in flight plus tasks running). */
  get used(): number {
    return this.#used;
  }

  /** Takes a slot, waiting for a free one. The returned function releases it (idempotent). */
  async acquire(): Promise<() => void> {
    if (this.#used >= this.#capacity) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    } else {
      this.#used += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release();
    };
  }

  /** Resolves when no slot is taken. */
  async idle(): Promise<void> {
    if (this.#used === 0) return;
    await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
  }

  #release(): void {
    const next = this.#waiters.shift();
    // The slot passes straight to the next waiter, so `used` stays the same.
    if (next) return next();
    this.#used -= 1;
    if (this.#used === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }
}
