/** Per-execution API buckets (history reads, signals, heartbeats, cancel requests). */
import { fault } from '../faults.js';
import { TokenBucket, validateBucketSpec, type TokenBucketSpec } from './token-bucket.js';

/** The operations the service also meters per workflow execution. */
export type ExecutionThrottledOperation =
  | 'GetWorkflowExecutionHistory'
  | 'SignalWorkflowExecution'
  | 'RecordActivityTaskHeartbeat'
  | 'RequestCancelWorkflowExecution';

/** The service's per-execution buckets (SWF-SEMANTICS §3), applied on top of the per-account ones. */
export const AWS_EXECUTION_API_BUCKETS = {
  GetWorkflowExecutionHistory: { capacity: 400, refillPerSecond: 200 },
  SignalWorkflowExecution: { capacity: 1_000, refillPerSecond: 1_000 },
  RecordActivityTaskHeartbeat: { capacity: 1_000, refillPerSecond: 1_000 },
  RequestCancelWorkflowExecution: { capacity: 200, refillPerSecond: 200 },
} as const satisfies Record<ExecutionThrottledOperation, TokenBucketSpec>;

/** The run a call acts on. */
export interface ThrottledExecution {
  readonly domain: string;
  readonly workflowId: string;
  readonly runId: string;
}

// Full buckets are forgotten (a new one starts full too); each call checks this many of the oldest.
const EVICTION_CHECKS_PER_CALL = 2;

/**
 * One bucket per (operation, execution), created on first use. So that a long-running server does
 * not keep a bucket for every run it ever saw, each call looks at the two least recently created
 * buckets and drops those that have refilled: memory follows the runs called recently, at O(1) per call.
 */
export class ExecutionThrottle {
  readonly #specs: Record<ExecutionThrottledOperation, TokenBucketSpec>;
  readonly #now: () => number;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(overrides: Partial<Record<ExecutionThrottledOperation, TokenBucketSpec>>, now: () => number) {
    const specs: Record<ExecutionThrottledOperation, TokenBucketSpec> = { ...AWS_EXECUTION_API_BUCKETS, ...overrides };
    for (const [operation, spec] of Object.entries(specs)) validateBucketSpec(`${operation} per execution`, spec);
    this.#specs = specs;
    this.#now = now;
  }

  /** Buckets held now (for tests of the eviction). */
  get size(): number {
    return this.#buckets.size;
  }

  /** Spends one token of the execution's bucket for `operation`, or throws ThrottlingException. */
  admit(operation: ExecutionThrottledOperation, execution: ThrottledExecution): void {
    const now = this.#now();
    this.#evictRefilled(now);
    const key = `${operation}\u0000${execution.domain}\u0000${execution.workflowId}\u0000${execution.runId}`;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.#specs[operation], now);
      this.#buckets.set(key, bucket);
    }
    if (!bucket.tryTake(now)) throw fault('ThrottlingException', 'Rate exceeded');
  }

  /** Refills every bucket (engine reset). */
  clear(): void {
    this.#buckets.clear();
  }

  #evictRefilled(now: number): void {
    for (let check = 0; check < EVICTION_CHECKS_PER_CALL; check++) {
      const oldest = this.#buckets.entries().next();
      if (oldest.done) return;
      const [key, bucket] = oldest.value;
      this.#buckets.delete(key);
      // Still spending: keep it, at the back of the line.
      if (!bucket.isFull(now)) this.#buckets.set(key, bucket);
    }
  }
}
