/**
 * Options of the operations workflow code starts: activities, child workflows, lambda functions,
 * timers and continue-as-new. Durations are milliseconds or strings such as `'5m'`; the runtime
 * compiles them to SWF's whole seconds once, when the decision is built.
 */
import type { ChildPolicy } from '@aws-sdk/client-swf';
import type { DurationInput } from '@swirl/core';
import type { CancellationScope } from './cancellation-scope.js';
import type { RetryPolicy } from './retry-policy.js';

export interface ActivityOptions {
  /** SWF activityId. @default `a<n>`, the n-th unnamed activity of this run */
  readonly activityId?: string;
  /** Task list. @default the activity type's registered default */
  readonly taskList?: string;
  /** Task priority (int32, higher first). @default the activity type's default */
  readonly taskPriority?: number;
  /** @default the activity type's default */
  readonly scheduleToStartTimeout?: DurationInput;
  /** @default the activity type's default */
  readonly startToCloseTimeout?: DurationInput;
  /** @default the activity type's default */
  readonly scheduleToCloseTimeout?: DurationInput;
  /** @default the activity type's default */
  readonly heartbeatTimeout?: DurationInput;
  /** Decider-side retries with durable timers. @default no retries */
  readonly retry?: RetryPolicy;
  /** Free-form `control` data recorded with the decision (not passed to the activity). */
  readonly control?: string;
  /** Scope whose cancellation cancels this activity. @default the workflow's root scope */
  readonly scope?: CancellationScope;
}

export interface ChildWorkflowOptions<Input> {
  /** The child's input. */
  readonly input: Input;
  /** The child's workflowId. @default `<parent workflowId>.c<n>` */
  readonly workflowId?: string;
  readonly taskList?: string;
  readonly taskPriority?: number;
  readonly executionStartToCloseTimeout?: DurationInput;
  readonly taskStartToCloseTimeout?: DurationInput;
  /** What happens to the child when this workflow closes. @default the child type's default */
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
  readonly tagList?: readonly string[];
  readonly lambdaRole?: string;
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
  readonly control?: string;
}

export interface TimerOptions {
  /** SWF timerId. @default `t<n>` */
  readonly timerId?: string;
  /** Scope whose cancellation cancels this timer. @default the root scope */
  readonly scope?: CancellationScope;
}

export interface ContinueAsNewOptions {
  readonly workflowTypeVersion?: string;
  readonly taskList?: string;
  readonly taskPriority?: number;
  readonly executionStartToCloseTimeout?: DurationInput;
  readonly taskStartToCloseTimeout?: DurationInput;
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
  readonly tagList?: readonly string[];
  readonly lambdaRole?: string;
}

/** Identifies another workflow execution; without runId SWF targets its current open run. */
export interface ExternalExecution {
  readonly workflowId: string;
  readonly runId?: string;
}
