/**
 * Why an activity's AbortSignal fired. The executor reads the reason to choose the answer to SWF:
 * a cancel request is answered with RespondActivityTaskCanceled, a vanished task with nothing.
 */
import { CancelledFailure } from '@swirl/core';

export type ActivityCancellationReason =
  /** The workflow asked to cancel the activity (a heartbeat returned `cancelRequested`). */
  | 'CANCEL_REQUESTED'
  /** SWF no longer knows the task: it timed out or the workflow closed (UnknownResourceFault). */
  | 'TASK_GONE'
  /** The worker is shutting down and the grace time is over. */
  | 'WORKER_SHUTDOWN';

const MESSAGES: Record<ActivityCancellationReason, string> = {
  CANCEL_REQUESTED: 'The workflow requested cancellation of this activity',
  TASK_GONE: 'SWF no longer knows this activity task: it timed out or its workflow execution closed',
  WORKER_SHUTDOWN: 'The worker is shutting down and the shutdown grace time has passed',
};

/**
 * The `reason` of an aborted activity signal; also what `signal.throwIfAborted()` throws. A
 * `CancelledFailure`, so code that handles cancellation in general handles this one too.
 */
export class ActivityCancelledError extends CancelledFailure {
  constructor(readonly reason: ActivityCancellationReason) {
    super(MESSAGES[reason]);
  }
}

/** True for the errors an activity throws when it stops because its signal was aborted. */
export function isCancellation(error: unknown, signal: AbortSignal): boolean {
  if (!signal.aborted) return false;
  if (error === signal.reason || error instanceof CancelledFailure) return true;
  // fetch, timers/promises and streams reject with a DOMException named AbortError.
  return error instanceof Error && error.name === 'AbortError';
}
