/** A bucket's size and how fast it refills, as SWF publishes its quotas. */
export interface TokenBucketSpec {
  /** Tokens the bucket holds when full: the largest burst. */
  capacity: number;
  /** Tokens added per second of (engine clock) time, up to `capacity`. */
  refillPerSecond: number;
}

/** Checks a spec once, so a bad option fails when the engine is built, naming the bucket. */
export function validateBucketSpec(name: string, spec: TokenBucketSpec): TokenBucketSpec {
  if (!Number.isFinite(spec.capacity) || spec.capacity < 1) {
    throw new RangeError(`Rate limit ${name}: capacity must be a finite number >= 1, got ${spec.capacity}`);
  }
  if (!Number.isFinite(spec.refillPerSecond) || spec.refillPerSecond < 0) {
    throw new RangeError(`Rate limit ${name}: refillPerSecond must be a finite number >= 0, got ${spec.refillPerSecond}`);
  }
  return spec;
}

/**
 * A token bucket refilled lazily from the time it is asked at, so it needs no timer and follows
 * whatever clock the engine runs on (a VirtualClock in tests). It starts full.
 */
export class TokenBucket {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  #tokens: number;
  #updatedAt: number;

  constructor(spec: TokenBucketSpec, nowMs: number) {
    this.#capacity = spec.capacity;
    this.#refillPerMs = spec.refillPerSecond / 1_000;
    this.#tokens = spec.capacity;
    this.#updatedAt = nowMs;
  }

  /** True when a token is available at `nowMs` (nothing is taken). */
  canTake(nowMs: number): boolean {
    this.#refill(nowMs);
    return this.#tokens >= 1;
  }

  /** True when the bucket has refilled to capacity at `nowMs`: it is then no different from a new one. */
  isFull(nowMs: number): boolean {
    this.#refill(nowMs);
    return this.#tokens >= this.#capacity;
  }

  /** Takes one token if available; false means the caller is over the rate. */
  tryTake(nowMs: number): boolean {
    if (!this.canTake(nowMs)) return false;
    this.#tokens -= 1;
    return true;
  }

  #refill(nowMs: number): void {
    // A clock stepping backwards (wall time adjusted) adds nothing rather than removing tokens.
    const elapsed = Math.max(0, nowMs - this.#updatedAt);
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed * this.#refillPerMs);
    this.#updatedAt = Math.max(this.#updatedAt, nowMs);
  }
}
