/** The service's rates for decisions that create work (activities, timers, children, external calls). */
import { TokenBucket, validateBucketSpec, type TokenBucketSpec } from './token-bucket.js';

/** The decisions SWF meters per account, and the per-task-list scheduling rate (SWF-SEMANTICS §3). */
export interface DecisionRateLimits {
  /** ScheduleActivityTask decisions; excess fails with ACTIVITY_CREATION_RATE_EXCEEDED. */
  scheduleActivityTask: TokenBucketSpec | 'unlimited';
  /** Activity tasks scheduled on one task list; excess fails with ACTIVITY_CREATION_RATE_EXCEEDED. */
  activityTasksPerTaskList: TokenBucketSpec | 'unlimited';
  /** StartTimer decisions; excess fails with TIMER_CREATION_RATE_EXCEEDED. */
  startTimer: TokenBucketSpec | 'unlimited';
  /** StartChildWorkflowExecution decisions; excess fails with CHILD_CREATION_RATE_EXCEEDED. */
  startChildWorkflowExecution: TokenBucketSpec | 'unlimited';
  /** SignalExternalWorkflowExecution decisions; excess fails with SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED. */
  signalExternalWorkflowExecution: TokenBucketSpec | 'unlimited';
  /** RequestCancelExternalWorkflowExecution decisions; excess fails with REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED. */
  requestCancelExternalWorkflowExecution: TokenBucketSpec | 'unlimited';
}

export type DecisionRateLimitName = keyof DecisionRateLimits;

/** What the service applies: bucket size / refill per second. */
export const AWS_DECISION_RATE_LIMITS: Readonly<DecisionRateLimits> = {
  scheduleActivityTask: { capacity: 1_000, refillPerSecond: 200 },
  activityTasksPerTaskList: { capacity: 2_000, refillPerSecond: 2_000 },
  startTimer: { capacity: 2_000, refillPerSecond: 200 },
  startChildWorkflowExecution: { capacity: 500, refillPerSecond: 12 },
  signalExternalWorkflowExecution: { capacity: 1_200, refillPerSecond: 120 },
  requestCancelExternalWorkflowExecution: { capacity: 1_200, refillPerSecond: 120 },
};

/** The `*_RATE_EXCEEDED` cause a decision over each bucket fails with. */
export const RATE_CAUSE_OF_BUCKET = {
  scheduleActivityTask: 'ACTIVITY_CREATION_RATE_EXCEEDED',
  activityTasksPerTaskList: 'ACTIVITY_CREATION_RATE_EXCEEDED',
  startTimer: 'TIMER_CREATION_RATE_EXCEEDED',
  startChildWorkflowExecution: 'CHILD_CREATION_RATE_EXCEEDED',
  signalExternalWorkflowExecution: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED',
  requestCancelExternalWorkflowExecution: 'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED',
} as const satisfies Record<DecisionRateLimitName, string>;

/**
 * Rate causes SWF's API lists for decisions whose rate the service does not publish: never recorded
 * here, since an invented bucket would fail runs the service accepts (server README, "Rate causes
 * deliberately not enforced").
 */
export const UNENFORCED_RATE_CAUSES = ['CONTINUE_AS_NEW_WORKFLOW_EXECUTION_RATE_EXCEEDED', 'LAMBDA_FUNCTION_CREATION_RATE_EXCEEDED'] as const;

/**
 * The engine's decision buckets, one per account (engine) and one per (domain, task list) for
 * activity scheduling. A decision spends a token only when everything else about it is valid, so
 * a rejected decision never uses up the rate of good ones.
 */
export class DecisionRateLimiter {
  readonly #specs: DecisionRateLimits;
  readonly #now: () => number;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(overrides: Partial<DecisionRateLimits>, now: () => number) {
    const specs = { ...AWS_DECISION_RATE_LIMITS, ...overrides };
    for (const [name, spec] of Object.entries(specs)) if (spec !== 'unlimited') validateBucketSpec(name, spec);
    this.#specs = specs;
    this.#now = now;
  }

  /** Takes a token for one account-wide decision kind. */
  tryTake(name: Exclude<DecisionRateLimitName, 'activityTasksPerTaskList'>): boolean {
    return this.#bucket(name, name)?.tryTake(this.#now()) ?? true;
  }

  /** Takes the two tokens an activity task needs (account and task list), or neither. */
  tryTakeActivityTask(domain: string, taskList: string): boolean {
    const now = this.#now();
    const account = this.#bucket('scheduleActivityTask', 'scheduleActivityTask');
    const list = this.#bucket(`activityTasksPerTaskList\u0000${domain}\u0000${taskList}`, 'activityTasksPerTaskList');
    if ((account && !account.canTake(now)) || (list && !list.canTake(now))) return false;
    account?.tryTake(now);
    list?.tryTake(now);
    return true;
  }

  /** Refills everything (engine reset). */
  clear(): void {
    this.#buckets.clear();
  }

  #bucket(key: string, name: DecisionRateLimitName): TokenBucket | undefined {
    const spec = this.#specs[name];
    if (spec === 'unlimited') return undefined;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(spec, this.#now());
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}
