/**
 * The attempt lifecycle activities and child workflows share. An attempt goes out as a command
 * under a cancellation scope; a failed attempt waits on a durable timer (`r<n>`) and goes out again
 * while the retry policy allows; cancellation withdraws whatever SWF has not seen yet.
 */
import type { Decision } from '@aws-sdk/client-swf';
import { ApplicationFailure } from '@swirl/core';
import { mayRetry, retryDelayMs } from '../retry-policy.js';
import type { ExecutionKernel } from './execution-kernel.js';
import type { ActivityOperation, ChildOperation } from './operations.js';
import type { Timers } from './timers.js';

/** The operations that run in attempts (both extend `RetryableOperation`). */
type RetryableOperation = ActivityOperation | ChildOperation;

/** What differs between the kinds of retryable operation. */
export interface RetryableKind<Op extends RetryableOperation> {
  /** The decision that sends one attempt. */
  readonly decision: (operation: Op) => Decision;
  /** Closes the operation with its final failure. */
  readonly fail: (operation: Op, error: Error) => void;
  /** Reacts to the cancellation of the operation's scope. */
  readonly cancel: (operation: Op) => void;
}

export class RetryingAttempts<Op extends RetryableOperation> {
  readonly #kernel: ExecutionKernel;
  readonly #timers: Timers;
  readonly #kind: RetryableKind<Op>;

  constructor(kernel: ExecutionKernel, timers: Timers, kind: RetryableKind<Op>) {
    this.#kernel = kernel;
    this.#timers = timers;
    this.#kind = kind;
  }

  /** Sends the first attempt and follows the scope; when the scope is already cancelled, fails with `notSent()` instead. */
  start(operation: Op, notSent: () => Error): void {
    if (operation.scope.isCancelled) return this.#kind.fail(operation, notSent());
    this.#send(operation);
    operation.unsubscribe = operation.scope.onCancel(() => this.#kind.cancel(operation));
  }

  /**
   * Marks the operation cancelled (once). An attempt SWF has not seen, one waiting out its backoff
   * or not sent yet, is withdrawn and the operation fails with `cancelled()`. True when SWF holds
   * the attempt, so the caller must ask SWF to cancel it.
   */
  cancel(operation: Op, cancelled: () => Error): boolean {
    if (operation.state === 'closed' || operation.cancelRequested) return false;
    operation.cancelRequested = true;
    if (operation.state === 'backoff' && operation.retryTimer) {
      this.#timers.cancel(operation.retryTimer);
      this.#kind.fail(operation, cancelled());
      return false;
    }
    if (operation.command && !operation.command.sent) {
      operation.command.dropped = true;
      this.#kind.fail(operation, cancelled());
      return false;
    }
    return true;
  }

  /** A failed attempt: the next one after the policy's backoff, or the final failure with `cause`. */
  attemptFailed(operation: Op, cause: Error): void {
    const errorType = cause instanceof ApplicationFailure ? cause.type : cause.name;
    const nonRetryable = cause instanceof ApplicationFailure && cause.nonRetryable;
    const cancelled = operation.cancelRequested || operation.scope.isCancelled;
    if (!operation.retry || cancelled || !mayRetry(operation.retry, operation.attempt, errorType, nonRetryable)) {
      return this.#kind.fail(operation, cause);
    }
    operation.state = 'backoff';
    operation.retryTimer = this.#timers.start(`r${this.#kernel.nextId('retry')}`, retryDelayMs(operation.retry, operation.attempt), {
      onFired: () => {
        operation.retryTimer = undefined;
        operation.attempt++;
        this.#send(operation);
      },
      onCancelled: () => undefined,
      // SWF refused the backoff timer: the operation cannot be retried.
      onFailed: (error) => this.#kind.fail(operation, error),
    });
  }

  #send(operation: Op): void {
    operation.state = 'queued';
    operation.command = this.#kernel.push(this.#kind.decision(operation), operation);
  }
}
