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

/**
 * What activities and child workflows share: attempts under a retry policy, each sent as a
 * command, and a cancellation scope that can withdraw an attempt SWF has not seen yet.
 */
export abstract class RetryableOperation<Progress extends string = string> {
  /** `queued` until SWF records the attempt; `backoff` while a retry timer runs. */
  state: 'queued' | Progress | 'backoff' | 'closed' = 'queued';
  /** The attempt in flight, 1-based. */
  attempt = 1;
  cancelRequested = false;
  command: Command | undefined;
  /** The request to cancel the attempt SWF holds; withdrawn if the attempt closes before it goes out. */
  cancelRequest: Command | undefined;
  retryTimer: TimerOperation | undefined;
  unsubscribe: () => void = () => undefined;

  constructor(
    readonly retry: CompiledRetryPolicy | undefined,
    readonly scope: CancellationScope,
  ) {}
}

export class ActivityOperation extends RetryableOperation<'scheduled' | 'started'> {
  readonly kind = 'activity';
  scheduledEventId = 0;
  startedEventId = 0;
  readonly result = new Deferred<unknown>();

  constructor(
    readonly attributes: ScheduleActivityTaskDecisionAttributes & { activityId: string; activityType: { name: string; version: string } },
    retry: CompiledRetryPolicy | undefined,
    scope: CancellationScope,
  ) {
    super(retry, scope);
  }
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
  /** The CancelTimer sent for it; withdrawn if TimerFired arrives before it goes out. */
  cancelCommand: Command | undefined;

  constructor(
    readonly timerId: string,
    readonly handlers: TimerHandlers,
  ) {}
}

export class ChildOperation extends RetryableOperation<'initiated' | 'started'> {
  readonly kind = 'child';
  initiatedEventId = 0;
  runId: string | undefined;
  handle: ChildWorkflowHandle<unknown> | undefined;
  readonly started = new Deferred<ChildWorkflowHandle<unknown>>();
  readonly result = new Deferred<unknown>();

  constructor(
    readonly attributes: StartChildWorkflowExecutionDecisionAttributes & { workflowId: string; workflowType: { name: string; version: string } },
    retry: CompiledRetryPolicy | undefined,
    scope: CancellationScope,
  ) {
    super(retry, scope);
  }
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
