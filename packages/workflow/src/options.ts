/**
 * Options of the operations workflow code starts: activities, child workflows, lambda functions,
 * timers and continue-as-new. Durations are milliseconds or strings such as `'5m'`; the runtime
 * compiles them to SWF's whole seconds once, when the decision is built.
 */
import type { ActivityTaskOptions, DurationInput, WorkflowRunOptions } from '@swirl/core';
import type { CancellationScope } from './cancellation-scope.js';
import type { RetryPolicy } from './retry-policy.js';

/** One activity call: its id, retries, cancellation scope, and per-call overrides of the activity type's defaults. */
export interface ActivityOptions extends ActivityTaskOptions {
  /** SWF activityId. @default `a<n>`, the n-th unnamed activity of this run */
  readonly activityId?: string;
  /** Decider-side retries with durable timers. @default no retries */
  readonly retry?: RetryPolicy;
  /** Free-form `control` data recorded with the decision (not passed to the activity). @default none */
  readonly control?: string;
  /** Scope whose cancellation cancels this activity. @default the workflow's root scope */
  readonly scope?: CancellationScope;
}

/** One child workflow: its input and id, retries, cancellation scope, and run options (unset: the child type's defaults). */
export interface ChildWorkflowOptions<Input> extends WorkflowRunOptions {
  /** The child's input. */
  readonly input: Input;
  /** The child's workflowId. @default `<parent workflowId>.c<n>` */
  readonly workflowId?: string;
  /** Up to 5 tags of the child execution. @default none */
  readonly tagList?: readonly string[];
  /** Free-form `control` data recorded with the decision (not passed to the child). @default none */
  readonly control?: string;
  /** Retries of a failed or timed-out child, restarted with the same workflowId. @default no retries */
  readonly retry?: RetryPolicy;
  /** Scope whose cancellation requests the child's cancellation. @default the root scope */
  readonly scope?: CancellationScope;
}

export interface LambdaOptions {
  /** SWF lambda id. @default `l<n>` */
  readonly id?: string;
  /** 1 to 900 seconds. @default SWF's 900 */
  readonly startToCloseTimeout?: DurationInput;
  /** Free-form `control` data recorded with the decision (not passed to the function). @default none */
  readonly control?: string;
}

export interface TimerOptions {
  /** SWF timerId. @default `t<n>` */
  readonly timerId?: string;
  /** Scope whose cancellation cancels this timer. @default the root scope */
  readonly scope?: CancellationScope;
}

/** The next run of this workflow. SWF would take unset fields from the type; Swirl carries this run's values instead. */
export interface ContinueAsNewOptions extends WorkflowRunOptions {
  /** Version of this workflow's type the next run uses. @default this run's version */
  readonly workflowTypeVersion?: string;
  /** Tags of the next run. @default this run's tags */
  readonly tagList?: readonly string[];
}

/** Identifies another workflow execution; without runId SWF targets its current open run. */
export interface ExternalExecution {
  readonly workflowId: string;
  readonly runId?: string;
}
