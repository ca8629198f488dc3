/**
 * Exponential backoff with full jitter: each wait is uniform in [0, min(cap, base * 2^attempt)].
 * Jitter spreads the retries of many pollers so a throttled service is not hit in lockstep.
 */

export interface BackoffOptions {
  /** First ceiling in milliseconds. @default 100 */
  readonly baseMs?: number;
  /** Largest ceiling in milliseconds. @default 30_000 */
  readonly capMs?: number;
  /** Source of randomness in [0, 1); injectable for tests. @default Math.random */
  readonly random?: () => number;
}

export class Backoff {
  readonly #baseMs: number;
  readonly #capMs: number;
  readonly #random: () => number;
  #attempt = 0;

  constructor(options: BackoffOptions = {}) {
    this.#baseMs = options.baseMs ?? 100;
    this.#capMs = options.capMs ?? 30_000;
    this.#random = options.random ?? Math.random;
  }

  /** Number of failures since the last success. */
  get attempt(): number {
    return this.#attempt;
  }

  /** The wait before the next retry; each call widens the window up to the cap. */
  next(): number {
    const ceiling = Math.min(this.#capMs, this.#baseMs * 2 ** Math.min(this.#attempt, 30));
    this.#attempt += 1;
    return Math.floor(this.#random() * ceiling);
  }

  /** Call after a success: the next failure starts from the base again. */
  reset(): void {
    this.#attempt = 0;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (the caller checks why it woke). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
