/**
 * Pending completions: one object per operation the workflow started. Commands (decisions) point
 * at their operation; once history records a decision, its event id points at the same
 * operation, so every later event finds what it completes by id, never by scanning.
 */
import type {
  Decision,
  ScheduleActivityTaskDecisionAttributes,
  ScheduleLambdaFunctionDecisionAttributes,
  StartChildWorkflowExecutionDecisionAttributes,
} from '@aws-sdk/client-swf';
import type { CancellationScope } from '../cancellation-scope.js';
import type { ChildWorkflowHandle } from '../handles.js';
import type { CompiledRetryPolicy } from '../retry-policy.js';
import { Deferred } from './deferred.js';

/** A decision the workflow produced, with the operation its recorded event will resolve. */
export interface Command {
  readonly decision: Decision;
  readonly operation: Operation;
  /** Set when the command went out in a decision list; only unsent commands can be dropped. */
  sent: boolean;
  /** Cancelled before it was sent: it never goes out. */
  dropped: boolean;
}

export class ActivityOperation {
  readonly kind = 'activity';
  state: 'queued' | 'scheduled' | 'started' | 'backoff' | 'closed' = 'queued';
  attempt = 1;
  scheduledEventId = 0;
  startedEventId = 0;
  cancelRequested = false;
  command: Command | undefined;
  retryTimer: TimerOperation | undefined;
  unsubscribe: () => void = () => undefined;
  readonly result = new Deferred<unknown>();

  constructor(
    readonly attributes: ScheduleActivityTaskDecisionAttributes & { activityId: string; activityType: { name: string; version: string } },
    readonly retry: CompiledRetryPolicy | undefined,
    readonly scope: CancellationScope,
  ) {}
}

export interface TimerHandlers {
  readonly onFired: () => void;
  readonly onCancelled: () => void;
  /** SWF refused to start the timer (StartTimerFailed). */
  readonly onFailed: (error: Error) => void;
}

export class TimerOperation {
  readonly kind = 'timer';
  state: 'pending' | 'fired' | 'cancelled' = 'pending';
  command: Command | undefined;

  constructor(
    readonly timerId: string,
    readonly handlers: TimerHandlers,
  ) {}
}

export class ChildOperation {
  readonly kind = 'child';
  state: 'queued' | 'initiated' | 'started' | 'backoff' | 'closed' = 'queued';
  attempt = 1;
  initiatedEventId = 0;
  runId: string | undefined;
  cancelRequested = false;
  command: Command | undefined;
  retryTimer: TimerOperation | undefined;
  handle: ChildWorkflowHandle<unknown> | undefined;
  unsubscribe: () => void = () => undefined;
  readonly started = new Deferred<ChildWorkflowHandle<unknown>>();
  readonly result = new Deferred<unknown>();

  constructor(
    readonly attributes: StartChildWorkflowExecutionDecisionAttributes & { workflowId: string; workflowType: { name: string; version: string } },
    readonly retry: CompiledRetryPolicy | undefined,
    readonly scope: CancellationScope,
  ) {}
}

/** A signal or cancel request sent to another execution (or to a child). */
export class ExternalOperation {
  readonly kind = 'external';
  readonly done = new Deferred<void>();

  constructor(
    readonly action: 'signal' | 'cancel',
    readonly workflowId: string,
  ) {}
}

export class LambdaOperation {
  readonly kind = 'lambda';
  scheduledEventId = 0;
  readonly result = new Deferred<unknown>();

  constructor(readonly attributes: ScheduleLambdaFunctionDecisionAttributes & { id: string; name: string }) {}
}

export class MarkerOperation {
  readonly kind = 'marker';
  constructor(readonly markerName: string) {}
}

/** The execution's close decision (complete, fail, cancel or continue as new). */
export class CloseOperation {
  readonly kind = 'close';
  /** True once the decision went out; an UNHANDLED_DECISION failure clears it to send it again. */
  sent = false;
  constructor(readonly decision: Decision) {}
}

/** An activity cancel request; its recorded events need no action. */
export class CancelRequestOperation {
  readonly kind = 'cancelRequest';
  constructor(readonly activityId: string) {}
}

export type Operation =
  | ActivityOperation
  | TimerOperation
  | ChildOperation
  | ExternalOperation
  | LambdaOperation
  | MarkerOperation
  | CloseOperation
  | CancelRequestOperation;
