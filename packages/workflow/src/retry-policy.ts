/**
 * Decider-side retry policies for activities and child workflows. A retry waits on a durable SWF
 * timer, then schedules the same work again, so it survives worker restarts.
 */
import { parseDuration, type DurationInput } from '@swirl/core';

export interface RetryPolicy {
  /** Wait before the first retry. @default '1s' */
  readonly initialInterval?: DurationInput;
  /** Multiplier of the wait after each attempt. @default 2 */
  readonly backoffCoefficient?: number;
  /** Longest wait between attempts. @default 100 x initialInterval */
  readonly maximumInterval?: DurationInput;
  /** Attempts in total, the first included; 0 means unlimited. @default 0 */
  readonly maximumAttempts?: number;
  /** Error types (`ApplicationFailure.type`, or the error name) that are never retried. @default [] */
  readonly nonRetryableErrorTypes?: readonly string[];
}

export interface CompiledRetryPolicy {
  readonly initialIntervalMs: number;
  readonly backoffCoefficient: number;
  readonly maximumIntervalMs: number;
  readonly maximumAttempts: number;
  readonly nonRetryableErrorTypes: ReadonlySet<string>;
}

export class RetryPolicyError extends Error {
  override readonly name = 'RetryPolicyError';
}

/** Fills defaults and compiles durations once; throws `RetryPolicyError` naming a bad field. */
export function compileRetryPolicy(policy: RetryPolicy): CompiledRetryPolicy {
  const initialIntervalMs = parseDuration(policy.initialInterval ?? '1s');
  if (!(initialIntervalMs > 0) || initialIntervalMs === Infinity) {
    throw new RetryPolicyError(`retry.initialInterval must be a finite duration above 0, got ${String(policy.initialInterval)}`);
  }
  const backoffCoefficient = policy.backoffCoefficient ?? 2;
  if (!(backoffCoefficient >= 1) || !Number.isFinite(backoffCoefficient)) {
    throw new RetryPolicyError(`retry.backoffCoefficient must be a finite number >= 1, got ${backoffCoefficient}`);
  }
  const maximumIntervalMs = policy.maximumInterval === undefined ? initialIntervalMs * 100 : parseDuration(policy.maximumInterval);
  if (maximumIntervalMs < initialIntervalMs) {
    throw new RetryPolicyError(`retry.maximumInterval (${maximumIntervalMs} ms) must be at least retry.initialInterval (${initialIntervalMs} ms)`);
  }
  const maximumAttempts = policy.maximumAttempts ?? 0;
  if (!Number.isInteger(maximumAttempts) || maximumAttempts < 0) {
    throw new RetryPolicyError(`retry.maximumAttempts must be an integer >= 0 (0 = unlimited), got ${maximumAttempts}`);
  }
  return { initialIntervalMs, backoffCoefficient, maximumIntervalMs, maximumAttempts, nonRetryableErrorTypes: new Set(policy.nonRetryableErrorTypes ?? []) };
}

/** Wait before the retry that follows attempt `attempt` (1-based), in milliseconds. */
export function retryDelayMs(policy: CompiledRetryPolicy, attempt: number): number {
  return Math.min(policy.initialIntervalMs * policy.backoffCoefficient ** (attempt - 1), policy.maximumIntervalMs);
}

/** Whether attempt `attempt` (1-based) that failed with `errorType` may be retried. */
export function mayRetry(policy: CompiledRetryPolicy, attempt: number, errorType: string, nonRetryable: boolean): boolean {
  if (nonRetryable || policy.nonRetryableErrorTypes.has(errorType)) return false;
  return policy.maximumAttempts === 0 || attempt < policy.maximumAttempts;
}
