/**
 * Inbound interceptors of the worker: a hook around each decision task and each activity task it
 * runs. They see ids, names, counts and headers (`@swirl/core`'s payload headers, which a client
 * interceptor or an earlier decision task wrote in front of an input), never payload values; a
 * decision-task hook can add headers for the work that task starts elsewhere. This is what
 * `@swirl/opentelemetry` builds its spans on, and what any other tracer or audit log can use.
 */
import { intercept, type InterceptorHook, type PayloadHeaders } from '@swirl/core';
import type { TaskOutcome } from './worker-events.js';

interface ExecutionIds {
  readonly workflowId: string;
  readonly runId: string;
}

/** A decision task, once its history is paged and before the workflow code runs. */
export interface DecisionTaskCall {
  readonly domain: string;
  /** The list the task was polled from: the shared list, or this worker's sticky list. */
  readonly taskList: string;
  readonly workflowExecution: ExecutionIds;
  readonly workflowType: { readonly name: string; readonly version: string };
  readonly startedEventId: number;
  /** The DecisionTaskStarted id of the run's previous decision task; 0 for its first. */
  readonly previousStartedEventId: number;
  /** Events up to `previousStartedEventId` delivered again to rebuild the run (0 on a sticky-cache hit). */
  readonly replayedEvents: number;
  /** Events the run had not seen before this task. */
  readonly newEvents: number;
  /** True when the sticky cache held the run, so only the new events were applied. */
  readonly cacheHit: boolean;
  /** The headers the run was started with (in front of its WorkflowExecutionStarted input). */
  readonly workflowHeaders: PayloadHeaders;
  /** Headers of the signals among the new events, in event order. */
  readonly newSignals: readonly { readonly signalName: string; readonly eventId: number; readonly headers: PayloadHeaders }[];
  /**
   * Headers written in front of the input of each activity, child workflow, continue-as-new run and
   * external signal this task starts; a hook sets them by passing a changed call to `next`.
   */
  readonly outboundHeaders: PayloadHeaders;
  /** When the poll returned the task (epoch ms), before its history was paged. */
  readonly receivedAt: number;
}

/** What the decision task answered. */
export interface DecisionTaskResult {
  /** The decision types sent, in order. */
  readonly decisions: readonly string[];
  /** Whether the answer asked for the run's next task on this worker's sticky list. */
  readonly sticky: boolean;
}

/** An activity task, after the poll returned it and before its input is decoded. */
export interface ActivityTaskCall {
  readonly domain: string;
  readonly taskList: string;
  readonly workflowExecution: ExecutionIds;
  readonly activityId: string;
  readonly activityType: { readonly name: string; readonly version: string };
  readonly startedEventId: number;
  /** The headers the scheduling decision task wrote in front of the activity's input. */
  readonly headers: PayloadHeaders;
  /** When the poll returned the task (epoch ms). */
  readonly receivedAt: number;
}

/** How an activity task ended. */
export interface ActivityTaskResult {
  /**
   * As answered to SWF; `dropped` when SWF no longer knew the task, `unanswered` when the answer
   * could not be sent (SWF times the task out).
   */
  readonly outcome: TaskOutcome | 'dropped' | 'unanswered';
  /** The activity's error when it failed or was canceled, or the answer's error. */
  readonly error?: unknown;
}

/**
 * Hooks around the tasks a worker runs; every one is optional. Each must call `next` once and
 * return (or rethrow) what it gives; the first interceptor in the list is the outermost. A
 * decision-task hook that rejects leaves the task unanswered, as a failing decision does.
 */
export interface WorkerInterceptor {
  decisionTask?(call: DecisionTaskCall, next: (call: DecisionTaskCall) => Promise<DecisionTaskResult>): Promise<DecisionTaskResult>;
  activityTask?(call: ActivityTaskCall, next: (call: ActivityTaskCall) => Promise<ActivityTaskResult>): Promise<ActivityTaskResult>;
}

type HookName = keyof WorkerInterceptor;
type CallOf<K extends HookName> = Parameters<NonNullable<WorkerInterceptor[K]>>[0];
type ResultOf<K extends HookName> = Awaited<ReturnType<NonNullable<WorkerInterceptor[K]>>>;

/** The worker's interceptors, run through in order for one kind of task. */
export class WorkerInterceptors {
  readonly #interceptors: readonly WorkerInterceptor[];

  constructor(interceptors: readonly WorkerInterceptor[] = []) {
    this.#interceptors = [...interceptors];
  }

  run<K extends HookName>(name: K, call: CallOf<K>, last: (call: CallOf<K>) => Promise<ResultOf<K>>): Promise<ResultOf<K>> {
    if (this.#interceptors.length === 0) return last(call);
    const hooks = this.#interceptors.map((interceptor) => {
      const hook = interceptor[name] as ((call: CallOf<K>, next: (call: CallOf<K>) => Promise<ResultOf<K>>) => Promise<ResultOf<K>>) | undefined;
      return hook?.bind(interceptor) as InterceptorHook<CallOf<K>, ResultOf<K>> | undefined;
    });
    return intercept(hooks, call, last);
  }
}
