import type { OperationName } from '@swirl/core';

/**
 * Answers a chosen fraction of calls with the errors a worker must survive on the real service:
 * throttling (HTTP 400 ThrottlingException, retried by the SDKs) or HTTP 503.
 */
export interface FaultInjectionOptions {
  /**
   * Fraction of calls, 0 to 1, answered with `ThrottlingException` ("Rate exceeded", HTTP 400).
   * @default 0
   */
  readonly throttleRate?: number;
  /**
   * Fraction of calls, 0 to 1, answered with HTTP 503 `ServiceUnavailable`.
   * @default 0
   */
  readonly unavailableRate?: number;
  /**
   * Only these operations are affected.
   * @default every operation
   */
  readonly operations?: readonly OperationName[];
  /**
   * Seed of the pseudo-random draw, so a failing resilience test can be replayed exactly.
   * @default a random seed
   */
  readonly seed?: number;
}

/** What the injector decided for one call. */
export type InjectedFault = 'throttle' | 'unavailable' | undefined;

/** Decides, call by call, whether to inject a fault; deterministic for a given seed and call order. */
export class FaultInjector {
  readonly #throttleRate: number;
  readonly #unavailableRate: number;
  readonly #operations: ReadonlySet<OperationName> | undefined;
  readonly #random: () => number;

  constructor(options: FaultInjectionOptions) {
    this.#throttleRate = checkRate('throttleRate', options.throttleRate ?? 0);
    this.#unavailableRate = checkRate('unavailableRate', options.unavailableRate ?? 0);
    if (this.#throttleRate + this.#unavailableRate > 1) {
      throw new RangeError(
        `faultInjection: throttleRate + unavailableRate must be at most 1, got ${this.#throttleRate} + ${this.#unavailableRate}`,
      );
    }
    this.#operations = options.operations === undefined ? undefined : new Set(options.operations);
    this.#random = mulberry32(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  }

  /** Draws for one call of `operation`; operations outside the chosen set are never affected. */
  decide(operation: OperationName): InjectedFault {
    if (this.#operations !== undefined && !this.#operations.has(operation)) return undefined;
    const draw = this.#random();
    if (draw < this.#throttleRate) return 'throttle';
    if (draw < this.#throttleRate + this.#unavailableRate) return 'unavailable';
    return undefined;
  }
}

function checkRate(name: string, rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
    throw new RangeError(`faultInjection.${name} must be a number from 0 to 1, got ${String(rate)}`);
  }
  return rate;
}

// A small, well-distributed 32-bit PRNG; enough for sampling faults reproducibly.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
