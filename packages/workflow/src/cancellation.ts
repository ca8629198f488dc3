/** Telling cancellation apart from other failures, however it is wrapped. */
import { ActivityFailure, CancelledFailure, ChildWorkflowFailure } from '@swirl/core';

/** True for a `CancelledFailure`, or an activity or child failure whose cause is one. */
export function isCancellation(error: unknown): boolean {
  if (error instanceof CancelledFailure) return true;
  if (error instanceof ActivityFailure || error instanceof ChildWorkflowFailure) return error.cause instanceof CancelledFailure;
  return false;
}
