/**
 * The engine reads time and arms wake-ups only through a `Clock`, so tests can replace real
 * time with a `VirtualClock` and skip hours of timeouts in microseconds.
 */

/** A wake-up armed on a clock; `cancel()` is idempotent. */
export interface ClockTimer {
  cancel(): void;
}

export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
  /** Calls `callback` once when the clock reaches `atEpochMs` (at once if it is already past). */
  setTimer(atEpochMs: number, callback: () => void): ClockTimer;
}

/** Wall-clock time backed by `Date.now()` and `setTimeout`. */
export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  setTimer(atEpochMs: number, callback: () => void): ClockTimer {
    // setTimeout overflows above 2^31-1 ms (~24.8 days); re-arm in steps for longer waits.
    const MAX_DELAY = 2_147_483_647;
    let handle: NodeJS.Timeout | undefined;
    const arm = (): void => {
      const delay = atEpochMs - Date.now();
      if (delay > MAX_DELAY) {
        handle = setTimeout(arm, MAX_DELAY);
      } else {
        handle = setTimeout(callback, Math.max(0, delay));
      }
      handle.unref?.();
    };
    arm();
    return {
      cancel: () => {
        if (handle !== undefined) clearTimeout(handle);
        handle = undefined;
      },
    };
  }
}
