/**
 * Lets workflow code run to quiescence between events using microtasks only (no macrotask, no
 * timer), so replay is deterministic and independent of the event loop. Quiescence is declared
 * after `idleTurns` consecutive microtask turns in which the workflow made no observable progress
 * (no API call, no operation settled, no handler finished).
 */

/** Microtask turns without progress after which the workflow counts as waiting. */
export const IDLE_TURNS = 32;

/**
 * What each turn awaits: an already settled native promise costs one microtask turn, as
 * `await undefined` does, without wrapping a new promise every turn (a replay takes hundreds of
 * thousands of turns).
 */
const SETTLED: Promise<void> = Promise.resolve();

/**
 * Yields microtask turns until `progress()` stops changing for `IDLE_TURNS` turns, then asks
 * `onIdle()` (which re-checks conditions) whether it woke anything; if so, keeps draining.
 */
export function drainMicrotasks(progress: () => number, onIdle: () => boolean): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let seen = progress();
    let idle = 0;
    const turn = (): void => {
      try {
        const now = progress();
        if (now !== seen) {
          seen = now;
          idle = 0;
        } else if (++idle >= IDLE_TURNS) {
          if (!onIdle()) {
            resolve();
            return;
          }
          seen = progress();
          idle = 0;
        }
        void SETTLED.then(turn);
      } catch (error) {
        reject(error);
      }
    };
    void SETTLED.then(turn);
  });
}
