/** SWF wire durations (`"300"`, `"NONE"`) as milliseconds; `NONE` is `Infinity` (never fires). */
export function durationMs(wire: string): number {
  if (wire === 'NONE') return Infinity;
  return Number(wire) * 1_000;
}

/** Wire timestamps are epoch seconds with millisecond fractions. */
export const toWireTime = (epochMs: number): number => epochMs / 1_000;

/** Inputs may carry whole or fractional epoch seconds. */
export const fromWireTime = (epochSeconds: number): number => Math.round(epochSeconds * 1_000);
