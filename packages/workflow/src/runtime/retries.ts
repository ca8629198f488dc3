/** Decider-side retries: a failed attempt waits on a durable timer (`r<n>`), then runs again. */
import { ApplicationFailure } from '@swirl/core';
import { mayRetry, retryDelayMs, type CompiledRetryPolicy } from '../retry-policy.js';
import type { ExecutionKernel } from './execution-kernel.js';
import type { TimerOperation } from './operations.js';
import type { Timers } from './timers.js';

export interface RetryAttempt {
  readonly retry: CompiledRetryPolicy | undefined;
  /** The attempt that failed, 1-based. */
  readonly attempt: number;
  /** Cancellation was requested: never retry. */
  readonly cancelled: boolean;
  readonly cause: Error;
  /** Runs the next attempt when the backoff timer fires. */
  readonly restart: () => void;
  /** SWF refused the backoff timer. */
  readonly fail: (error: Error) => void;
}

/** Starts the backoff timer when the policy allows another attempt; undefined when the failure is final. */
export function scheduleRetry(kernel: ExecutionKernel, timers: Timers, attempt: RetryAttempt): TimerOperation | undefined {
  const { retry, cause } = attempt;
  const errorType = cause instanceof ApplicationFailure ? cause.type : cause.name;
  const nonRetryable = cause instanceof ApplicationFailure && cause.nonRetryable;
  if (!retry || attempt.cancelled || !mayRetry(retry, attempt.attempt, errorType, nonRetryable)) return undefined;
  return timers.start(`r${kernel.nextId('retry')}`, retryDelayMs(retry, attempt.attempt), {
    onFired: attempt.restart,
    onCancelled: () => undefined,
    onFailed: attempt.fail,
  });
}
