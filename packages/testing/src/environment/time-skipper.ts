/**
 * Moves a `VirtualClock` forward one due timer at a time, waiting for the system to be idle before
 * each step, so every timer and timeout fires in order and workers react to one firing (at the
 * virtual time it happened) before the next.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { VirtualClock } from '@swirl/server';
import type { IdleWatch } from './idle-watch.js';

/** Real ms between checks while only the outside world can settle what `skipUntil` waits for. */
const OUTSIDE_WAIT_MS = 10;

export class TimeSkipper {
  readonly #clock: VirtualClock;
  readonly #idle: IdleWatch;
  /** Skips run one after another: two overlapping sleeps would interleave their steps. */
  #queue: Promise<void> = Promise.resolve();

  readonly #hasOpenRuns: () => boolean;

  /** @param hasOpenRuns whether any execution is open: with none, only retention deadlines are left to fire. */
  constructor(clock: VirtualClock, idle: IdleWatch, hasOpenRuns: () => boolean) {
    this.#clock = clock;
    this.#idle = idle;
    this.#hasOpenRuns = hasOpenRuns;
  }

  /** Moves time `ms` forward from now, firing every timer due on the way, in order. */
  skip(ms: number): Promise<void> {
    const run = this.#queue.then(() => this.#skip(ms));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Skips from timer to timer until `settled` resolves or rejects, or `limitMs` of virtual time has
   * passed. When no run is open or no timer is armed, only the outside world (a signal, the test's
   * next step) can move things, so it waits in real time instead of moving the clock.
   */
  skipUntil(settled: Promise<unknown>, limitMs: number): Promise<boolean> {
    const run = this.#queue.then(() => this.#skipUntil(settled, limitMs));
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  async #skip(ms: number): Promise<void> {
    const target = this.#clock.now() + ms;
    await this.#idle.waitUntilIdle();
    for (let next = this.#clock.nextTimerAt(); next !== undefined && next <= target; next = this.#clock.nextTimerAt()) {
      await this.#clock.advanceTo(Math.max(next, this.#clock.now()));
      await this.#idle.waitUntilIdle();
    }
    await this.#clock.advanceTo(target);
  }

  /** Resolves true when `settled` settled within the limit. */
  async #skipUntil(settled: Promise<unknown>, limitMs: number): Promise<boolean> {
    let done = false;
    const finished = settled.then(
      () => (done = true),
      () => (done = true),
    );
    const limit = this.#clock.now() + limitMs;
    for (;;) {
      await this.#idle.waitUntilIdle();
      if (done) return true;
      const next = this.#clock.nextTimerAt();
      if (next === undefined || !this.#hasOpenRuns()) {
        await Promise.race([finished, delay(OUTSIDE_WAIT_MS)]);
        continue;
      }
      if (next > limit) {
        await this.#clock.advanceTo(limit);
        await this.#idle.waitUntilIdle();
        return done;
      }
      await this.#clock.advanceTo(Math.max(next, this.#clock.now()));
    }
  }
}
