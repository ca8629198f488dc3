/** Account-wide API buckets per operation, as the service applies them (only with throttling on). */
import type { OperationName } from '@swirl/core';
import { fault } from '../faults.js';
import type { ExecutionThrottledOperation } from './execution-throttle.js';
import { TokenBucket, validateBucketSpec, type TokenBucketSpec } from './token-bucket.js';

const bucket = (capacity: number, refillPerSecond: number): TokenBucketSpec => ({ capacity, refillPerSecond });

/** The service's per-account API buckets (SWF-SEMANTICS §3): each operation has its own. */
export const AWS_API_BUCKETS = {
  PollForDecisionTask: bucket(2_000, 200),
  PollForActivityTask: bucket(2_000, 200),
  RespondDecisionTaskCompleted: bucket(2_000, 200),
  RespondActivityTaskCompleted: bucket(2_000, 200),
  RespondActivityTaskFailed: bucket(2_000, 200),
  RespondActivityTaskCanceled: bucket(2_000, 200),
  StartWorkflowExecution: bucket(2_000, 200),
  RecordActivityTaskHeartbeat: bucket(2_000, 160),
  GetWorkflowExecutionHistory: bucket(2_000, 60),
  TerminateWorkflowExecution: bucket(2_000, 60),
  SignalWorkflowExecution: bucket(2_000, 30),
  RequestCancelWorkflowExecution: bucket(2_000, 30),
  CountOpenWorkflowExecutions: bucket(2_000, 6),
  CountClosedWorkflowExecutions: bucket(2_000, 6),
  DescribeActivityType: bucket(2_000, 6),
  DescribeWorkflowType: bucket(2_000, 6),
  DescribeWorkflowExecution: bucket(2_000, 6),
  RegisterActivityType: bucket(200, 60),
  RegisterWorkflowType: bucket(200, 60),
  ListOpenWorkflowExecutions: bucket(200, 48),
  CountPendingActivityTasks: bucket(200, 6),
  CountPendingDecisionTasks: bucket(200, 6),
  DeleteActivityType: bucket(200, 6),
  DeleteWorkflowType: bucket(200, 6),
  DeprecateActivityType: bucket(200, 6),
  DeprecateWorkflowType: bucket(200, 6),
  UndeprecateActivityType: bucket(200, 6),
  UndeprecateWorkflowType: bucket(200, 6),
  DescribeDomain: bucket(200, 6),
  ListActivityTypes: bucket(200, 6),
  ListWorkflowTypes: bucket(200, 6),
  ListClosedWorkflowExecutions: bucket(200, 6),
  RegisterDomain: bucket(100, 6),
  DeprecateDomain: bucket(100, 6),
  UndeprecateDomain: bucket(100, 6),
  ListDomains: bucket(100, 6),
  TagResource: bucket(50, 30),
  UntagResource: bucket(50, 30),
  ListTagsForResource: bucket(50, 30),
} as const satisfies Record<OperationName, TokenBucketSpec>;

/**
 * API throttling. `'off'` answers every call (the local default: tests should not trip quotas by
 * accident); `'aws'` applies the service's buckets, per account (each operation) and per
 * execution (history, signal, heartbeat, cancel request); an object applies the service's buckets
 * with the given ones replaced.
 */
export type ApiThrottlingOption =
  | 'off'
  | 'aws'
  | {
      /** Per-account buckets by operation. */
      buckets?: Partial<Record<OperationName, TokenBucketSpec>>;
      /** Per-execution buckets by operation. */
      executionBuckets?: Partial<Record<ExecutionThrottledOperation, TokenBucketSpec>>;
    };

/** Refuses calls over their operation's rate with ThrottlingException ("Rate exceeded"), as the service does. */
export class ApiThrottle {
  readonly #specs: Record<OperationName, TokenBucketSpec>;
  readonly #now: () => number;
  readonly #buckets = new Map<OperationName, TokenBucket>();

  constructor(option: Exclude<ApiThrottlingOption, 'off'>, now: () => number) {
    const specs: Record<OperationName, TokenBucketSpec> = { ...AWS_API_BUCKETS, ...(option === 'aws' ? {} : option.buckets) };
    for (const [operation, spec] of Object.entries(specs)) validateBucketSpec(operation, spec);
    this.#specs = specs;
    this.#now = now;
  }

  /** Spends one token of `operation`'s bucket or throws ThrottlingException. */
  admit(operation: OperationName): void {
    const now = this.#now();
    let bucket = this.#buckets.get(operation);
    if (!bucket) {
      bucket = new TokenBucket(this.#specs[operation], now);
      this.#buckets.set(operation, bucket);
    }
    if (!bucket.tryTake(now)) throw fault('ThrottlingException', 'Rate exceeded');
  }

  /** Refills every bucket (engine reset). */
  clear(): void {
    this.#buckets.clear();
  }
}
