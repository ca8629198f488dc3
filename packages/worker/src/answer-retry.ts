/**
 * Answers that survive an outage. A task's answer (RespondActivityTask*) is the only record of the
 * work done: if it is lost, SWF times the task out and the work runs again. So when the service
 * cannot be reached or answers with a server error or throttling, the answer is sent again with
 * capped, jittered backoff for as long as the task can still be open (until its start-to-close
 * deadline), or until the worker's shutdown grace time is over. Faults that say the answer is
 * wrong or the task is gone are not retried.
 */
import { Backoff, sleep } from './backoff.js';

/** Node error codes of a request that never reached the service or lost its connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/** True for a failure that may pass if the same call is sent again later. */
export function isTransientFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if (error instanceof AggregateError) return error.errors.some(isTransientFailure);
  const failure = error as { name?: unknown; code?: unknown; $fault?: unknown; $metadata?: { httpStatusCode?: number } };
  if (failure.name === 'ThrottlingException' || failure.name === 'TimeoutError') return true;
  if (typeof failure.code === 'string' && NETWORK_CODES.has(failure.code)) return true;
  const status = failure.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  return failure.$fault === 'server';
}

export interface AnswerRetryOptions {
  /** Epoch milliseconds after which the task cannot be open any more; undefined when it has no deadline. */
  readonly deadline: number | undefined;
  /** Aborted when the worker must stop trying (its shutdown grace time is over). */
  readonly giveUp: AbortSignal;
  /** Called before each wait. */
  readonly onRetry: (retry: { readonly attempt: number; readonly error: unknown; readonly retryInMs: number }) => void;
  readonly backoff?: Backoff;
  readonly now?: () => number;
}

/** Runs `send` until it succeeds, fails for good, or may no longer be retried; then rethrows the last error. */
export async function sendAnswer(send: () => Promise<void>, options: AnswerRetryOptions): Promise<void> {
  const backoff = options.backoff ?? new Backoff({ baseMs: 250, capMs: 5_000 });
  const now = options.now ?? Date.now;
  for (;;) {
    try {
      return await send();
    } catch (error) {
      if (!isTransientFailure(error) || options.giveUp.aborted) throw error;
      const retryInMs = backoff.next();
      if (options.deadline !== undefined && now() + retryInMs >= options.deadline) throw error;
      options.onRetry({ attempt: backoff.attempt, error, retryInMs });
      await sleep(retryInMs, options.giveUp);
      if (options.giveUp.aborted) throw error;
    }
  }
}
