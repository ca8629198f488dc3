/**
 * Failures the runtime creates must encode identically whether a run is replayed in full or fed
 * incrementally (the sticky cache). A stack captured inside the runtime shows only how this replay
 * was invoked, so such failures carry just their headline; recorded (remote) stacks are kept.
 */
import { decodeFailure, type ApplicationFailure } from '@swirl/core';

/** Replaces the stack of an error created inside the runtime by its first line. */
export function stabilizeStack<T extends Error>(error: T): T {
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `decodeFailure`, with a stable stack at every level of the chain whose stack history did not record. */
export function decodeRecordedFailure(reason: string | undefined, details: string | undefined): ApplicationFailure {
  const failure = decodeFailure(reason, details);
  let encoded = parse(details);
  for (let level: unknown = failure; level instanceof Error; level = level.cause) {
    const recorded = typeof encoded === 'object' && encoded !== null ? (encoded as { stack?: unknown; cause?: unknown }) : undefined;
    if (typeof recorded?.stack !== 'string') stabilizeStack(level);
    encoded = recorded?.cause;
  }
  return failure;
}
