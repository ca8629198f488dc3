/** Rebuilds an `ApplicationFailure` (type, message, stack, cause chain) from SWF's `reason` and `details`. */
import { ApplicationFailure } from './application-failure.js';
import { MAX_CAUSE_DEPTH, type EncodedError } from './encoded-failure.js';

function isEncodedError(value: unknown): value is EncodedError {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function fromEncoded(encoded: EncodedError, fallbackType: string | undefined, depth: number): ApplicationFailure {
  const cause =
    isEncodedError(encoded.cause) && depth < MAX_CAUSE_DEPTH ? fromEncoded(encoded.cause, undefined, depth + 1) : undefined;
  const failure = new ApplicationFailure({
    message: encoded.message,
    type: typeof encoded.type === 'string' ? encoded.type : (fallbackType ?? 'Error'),
    nonRetryable: encoded.nonRetryable === true,
    details: Array.isArray(encoded.details) ? encoded.details : [],
    cause,
  });
  // The stack is the remote one: where the error was thrown, not where it was decoded.
  if (typeof encoded.stack === 'string') failure.stack = encoded.stack;
  return failure;
}

/**
 * Decodes a failure written by `encodeFailure`. Failures written by other SWF frameworks (plain
 * text, or JSON of another shape) become an `ApplicationFailure` whose type is the reason and
 * whose message is the details text.
 */
export function decodeFailure(reason?: string, details?: string): ApplicationFailure {
  const parsed = details === undefined ? undefined : parseJson(details);
  if (isEncodedError(parsed)) return fromEncoded(parsed, reason, 0);
  return new ApplicationFailure({
    message: details ?? reason ?? 'Failed without a reason or details',
    type: reason ?? 'Error',
    details: parsed === undefined ? [] : [parsed],
  });
}
