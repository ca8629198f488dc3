/** The size each fault test runs at: `short` in `pnpm test` and `.ci/run`, `long` under `pnpm test:faults --long`. */
export const longFaultRun = process.env['SWIRL_FAULTS_LONG'] === '1';

/** Picks the figure for this run's profile. */
export function faultSize<T>(short: T, long: T): T {
  return longFaultRun ? long : short;
}

/** A test timeout that leaves `marginMs` on top of the work's own bound. */
export function faultTimeout(workMs: number, marginMs = 30_000): number {
  return workMs + marginMs;
}
