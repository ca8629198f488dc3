/**
 * Errors cross SWF as `reason` (the error type, at most 256 characters) and `details` (JSON of
 * this shape, at most 32,768 characters). Activities, workflows and clients share the format.
 */

/** One error of a cause chain, as JSON. */
export interface EncodedError {
  readonly type: string;
  readonly message: string;
  readonly stack?: string;
  readonly nonRetryable?: boolean;
  readonly details?: readonly unknown[];
  readonly cause?: EncodedError;
  /** Set when stacks, causes, details or the message were cut to fit the size limit. */
  readonly truncated?: true;
}

/** Cause chains deeper than this are cut; they are almost always cycles or wrappers of wrappers. */
export const MAX_CAUSE_DEPTH = 20;
