/**
 * Parsers for flag values, each failing with a message that names the flag and the accepted form.
 */
import { parseDuration } from '@swirl/core';
import { CliUsageError } from './cli-error.js';

export function parseIntegerFlag(flag: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || parsed < min || parsed > max) {
    throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

/** `--input` text: JSON when it parses, otherwise refused so a typo never becomes a string input. */
export function parseJsonFlag(flag: string, value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    throw new CliUsageError(`${flag} must be JSON (quote strings: '"text"'), got ${value}`);
  }
}

/** `key=value` pairs of a repeatable flag. */
export function parseKeyValues(flag: string, values: readonly string[]): Record<string, string> {
  const entries = values.map((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliUsageError(`${flag} takes key=value, got "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)] as const;
  });
  return Object.fromEntries(entries);
}

/** A type given as `name@version` or as `name` with a separate version. */
export function parseTypeRef(flag: string, value: string, version?: string): { name: string; version?: string } {
  const at = value.lastIndexOf('@');
  if (at > 0) return { name: value.slice(0, at), version: value.slice(at + 1) };
  if (at === 0) throw new CliUsageError(`${flag} takes name or name@version, got "${value}"`);
  return version === undefined ? { name: value } : { name: value, version };
}

/** A duration flag (`--execution-timeout 1h`), checked here so the error names the flag; SWF gets the text as typed. */
export function parseDurationFlag(flag: string, value: string): string {
  try {
    parseDuration(value);
  } catch {
    throw new CliUsageError(`${flag} takes a duration such as 90s, 5m, 1h30m, 7d, whole seconds (300) or NONE, got "${value}"`);
  }
  return value;
}

/** A duration flag the CLI itself uses, as milliseconds within `[0, maxMs]`. */
export function parseDurationMsFlag(flag: string, value: string, maxMs: number): number {
  let ms: number;
  try {
    ms = parseDuration(value);
  } catch {
    throw new CliUsageError(`${flag} takes a duration such as 500ms, 5s or 1m, got "${value}"`);
  }
  if (!(ms <= maxMs)) throw new CliUsageError(`${flag} must be at most ${maxMs / 1_000} s, got "${value}"`);
  return ms;
}

/** A point in time: an ISO date, or a duration back from now such as `1h` or `7d`. */
export function parseTimeFlag(flag: string, value: string, now: Date = new Date()): Date {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  } else {
    try {
      return new Date(now.getTime() - parseDuration(value));
    } catch {
      // Neither form: reported below with both accepted forms.
    }
  }
  throw new CliUsageError(`${flag} takes an ISO date (2026-01-31T12:00:00Z) or a duration back from now (90m, 7d), got "${value}"`);
}

/** Repeatable flag collector for commander. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function oneOf<const T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const upper = value.toUpperCase();
  const match = allowed.find((candidate) => candidate === value || candidate === upper);
  if (!match) throw new CliUsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return match;
}
