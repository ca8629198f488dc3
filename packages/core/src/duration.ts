/**
 * SWF durations are strings of whole seconds (`"300"`) or `"NONE"`. Users write them as
 * milliseconds or as `'90s'`, `'5m'`, `'1h30m'`, `'7d'`; `toSwfDuration` compiles either form once.
 */

/** A duration as users write it: milliseconds, a unit string such as `'5m'` or `'1h30m'`, or `'NONE'`. */
export type DurationInput = number | string;

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/gy;

export class DurationError extends Error {
  override readonly name = 'DurationError';
}

/** Parses a duration to milliseconds. `'NONE'` yields `Infinity`. Throws `DurationError` naming the bad value. */
export function parseDuration(input: DurationInput): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) {
      throw new DurationError(`Duration must be a finite number of milliseconds >= 0, got ${input}`);
    }
    return input;
  }
  const text = input.trim();
  if (text === 'NONE') return Infinity;
  if (/^\d+$/.test(text)) return Number(text) * 1_000; // bare digits: SWF seconds
  let total = 0;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(text); match; match = PART.exec(text)) {
    total += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    consumed = PART.lastIndex;
  }
  if (text.length === 0 || consumed !== text.length) {
    throw new DurationError(
      `Invalid duration ${JSON.stringify(input)}: use milliseconds, whole SWF seconds ("300"), "NONE", or units like "500ms", "90s", "5m", "1h30m", "7d"`,
    );
  }
  return total;
}

/**
 * Converts a duration to SWF's wire form: whole seconds as a string, or `"NONE"`.
 * Sub-second remainders round up so a timeout is never shorter than asked.
 */
export function toSwfDuration(input: DurationInput): string {
  const ms = parseDuration(input);
  if (ms === Infinity) return 'NONE';
  return String(Math.ceil(ms / 1_000));
}

/** `toSwfDuration` of an optional field: unset stays unset, so SWF takes the field's default. */
export function toOptionalSwfDuration(input: DurationInput | undefined): string | undefined {
  return input === undefined ? undefined : toSwfDuration(input);
}

/** Parses SWF's wire form (`"300"` or `"NONE"`) to seconds; `NONE` yields `Infinity`. */
export function fromSwfDuration(wire: string): number {
  if (wire === 'NONE') return Infinity;
  if (!/^\d+$/.test(wire)) throw new DurationError(`Invalid SWF duration ${JSON.stringify(wire)}: expected whole seconds or "NONE"`);
  return Number(wire);
}

/** Formats milliseconds for people: `850ms`, `12.4s`, `3m05s`, `2h10m`, `3d4h`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)}s`;
  const s = Math.round(ms / 1_000);
  if (s < 3_600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  if (s < 86_400) return `${Math.floor(s / 3_600)}h${String(Math.floor((s % 3_600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86_400)}d${Math.floor((s % 86_400) / 3_600)}h`;
}
