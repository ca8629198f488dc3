/** Serializes any thrown value into SWF's `reason` and `details`, keeping `details` valid JSON within the limit. */
import { SWF_LIMITS } from '../schemas/limits.js';
import { ApplicationFailure } from './application-failure.js';
import { MAX_CAUSE_DEPTH, type EncodedError } from './encoded-failure.js';

export interface EncodedFailure {
  /** The error type, at most 256 characters. */
  readonly reason: string;
  /** JSON of an `EncodedError`, at most `limit` characters. */
  readonly details: string;
}

export interface EncodeFailureOptions {
  /** Largest `details` in characters. @default SWF_LIMITS.payload (32768) */
  readonly limit?: number;
}

function typeOf(error: unknown): string {
  if (error instanceof ApplicationFailure) return error.type;
  if (error instanceof Error) return error.name || 'Error';
  return 'Error';
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/** Details must survive JSON: BigInts become strings, cycles and functions are dropped. */
function jsonSafe(values: readonly unknown[]): unknown[] {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(values, (_key, value: unknown) => {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[Circular]';
      seen.add(value);
    }
    return value;
  });
  return JSON.parse(text) as unknown[];
}

function toEncodedError(error: unknown, depth: number, visited: Set<unknown>): EncodedError {
  visited.add(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
  const encodedCause =
    cause !== undefined && depth < MAX_CAUSE_DEPTH && !visited.has(cause) ? toEncodedError(cause, depth + 1, visited) : undefined;
  return {
    type: typeOf(error),
    message: messageOf(error),
    ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
    ...(error instanceof ApplicationFailure ? { nonRetryable: error.nonRetryable } : {}),
    ...(error instanceof ApplicationFailure && error.details.length > 0 ? { details: jsonSafe(error.details) } : {}),
    ...(encodedCause ? { cause: encodedCause } : {}),
  };
}

/** Cuts `text` to at most `chars` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, chars: number): string {
  if (text.length <= chars) return text;
  let end = Math.max(0, chars);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

function mapChain(error: EncodedError, fn: (error: EncodedError, depth: number) => EncodedError, depth = 0): EncodedError {
  const mapped = fn(error, depth);
  return mapped.cause ? { ...mapped, cause: mapChain(mapped.cause, fn, depth + 1) } : mapped;
}

function withoutKey(error: EncodedError, key: 'stack' | 'cause' | 'details'): EncodedError {
  const copy: { -readonly [K in keyof EncodedError]: EncodedError[K] } = { ...error };
  delete copy[key];
  return copy;
}

/**
 * Ever smaller versions of the error, tried in order until one fits: shorter stacks, no stacks,
 * shorter cause chains, no details. The message is cut last, by `fitMessage`.
 */
function* shrinkings(full: EncodedError): Generator<EncodedError> {
  const mark = (error: EncodedError): EncodedError => ({ ...error, truncated: true });
  for (const stackChars of [4_000, 1_000, 300]) {
    yield mark(mapChain(full, (error) => (error.stack ? { ...error, stack: cut(error.stack, stackChars) } : error)));
  }
  const stackless = mark(mapChain(full, (error) => withoutKey(error, 'stack')));
  yield stackless;
  for (const depth of [5, 1, 0]) {
    yield mapChain(stackless, (error, at) => (at >= depth ? withoutKey(error, 'cause') : error));
  }
  yield withoutKey(mapChain(stackless, (error) => withoutKey(error, 'cause')), 'details');
}

function fitMessage(error: EncodedError, limit: number): string {
  // Binary search the longest message prefix whose JSON (escapes included) still fits.
  let low = 0;
  let high = error.message.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (JSON.stringify({ ...error, message: cut(error.message, mid) }).length <= limit) low = mid;
    else high = mid - 1;
  }
  const fitted = JSON.stringify({ ...error, message: cut(error.message, low) });
  if (fitted.length <= limit) return fitted;
  throw new RangeError(`Failure details cannot fit in ${limit} characters, even with an empty message`);
}

/** Turns any thrown value into SWF's `reason` and `details`. */
export function encodeFailure(error: unknown, options: EncodeFailureOptions = {}): EncodedFailure {
  const limit = options.limit ?? SWF_LIMITS.payload;
  const full = toEncodedError(error, 0, new Set());
  const reason = cut(full.type, SWF_LIMITS.reason);
  const whole = JSON.stringify(full);
  if (whole.length <= limit) return { reason, details: whole };
  let smallest = full;
  for (const candidate of shrinkings(full)) {
    const text = JSON.stringify(candidate);
    if (text.length <= limit) return { reason, details: text };
    smallest = candidate;
  }
  return { reason, details: fitMessage(smallest, limit) };
}
