/**
 * Lets workflow code run to quiescence between events using microtasks only (no macrotask, no
 * timer), so replay is deterministic and independent of the event loop. Quiescence is declared
 * after `idleTurns` consecutive microtask turns in which the workflow made no observable progress
 * (no API call, no operation settled, no handler finished).
 */

/** Microtask turns without progress after which the workflow counts as waiting. */
export const IDLE_TURNS = 32;

/**
 * Yields microtask turns until `progress()` stops changing for `IDLE_TURNS` turns, then asks
 * `onIdle()` (which re-checks conditions) whether it woke anything; if so, keeps draining.
 */
export async function drainMicrotasks(progress: () => number, onIdle: () => boolean): Promise<void> {
  let seen = progress();
  let idle = 0;
  for (;;) {
    await undefined;
    const now = progress();
    if (now !== seen) {
      seen = now;
      idle = 0;
      continue;
    }
    if (++idle < IDLE_TURNS) continue;
    if (!onIdle()) return;
    seen = progress();
    idle = 0;
  }
}
