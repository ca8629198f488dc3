/** Engine time on the wire: durations via @swirl/core, and the epoch-seconds timestamps core has no helper for. */
import { fromSwfDuration } from '@swirl/core';

/** SWF wire durations (`"300"`, `"NONE"`) as milliseconds, through core's parser; `NONE` is `Infinity` (never fires). */
export const durationMs = (wire: string): number => fromSwfDuration(wire) * 1_000;

/** Wire timestamps are epoch seconds with millisecond fractions. */
export const toWireTime = (epochMs: number): number => epochMs / 1_000;

/** Inputs may carry whole or fractional epoch seconds. */
export const fromWireTime = (epochSeconds: number): number => Math.round(epochSeconds * 1_000);
