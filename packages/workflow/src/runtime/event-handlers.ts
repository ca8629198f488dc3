/**
 * One handler per SWF event type. The map must satisfy `Record<EventType, ...>`, so a missing
 * event type is a compile error. A handler returns true when it woke workflow code (settled an
 * operation or ran a handler): the runtime then drains microtasks before the next event.
 */
import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { attributesOf } from '@swirl/core';
import type { WorkflowExecution } from './workflow-execution.js';

export type EventHandler = (execution: WorkflowExecution, event: HistoryEvent) => boolean;

/** Decision-task bookkeeping never reaches the workflow: the batcher consumes it. */
const bookkeeping: EventHandler = () => false;
/** Events that close the run or confirm a decision needing no further action. */
const nothing: EventHandler = (execution) => execution.nothing();

export const EVENT_HANDLERS = {
  // the run
  WorkflowExecutionStarted: (x, e) => x.executionStarted(e, attributesOf(e, 'WorkflowExecutionStarted')),
  WorkflowExecutionCancelRequested: (x) => x.cancelRequestedEvent(),
  WorkflowExecutionSignaled: (x, e) => x.signals.signaled(e, attributesOf(e, 'WorkflowExecutionSignaled')),
  WorkflowExecutionCompleted: nothing,
  WorkflowExecutionFailed: nothing,
  WorkflowExecutionCanceled: nothing,
  WorkflowExecutionContinuedAsNew: nothing,
  WorkflowExecutionTimedOut: nothing,
  WorkflowExecutionTerminated: nothing,
  CompleteWorkflowExecutionFailed: (x, e) => x.closeFailed(e, attributesOf(e, 'CompleteWorkflowExecutionFailed').cause),
  FailWorkflowExecutionFailed: (x, e) => x.closeFailed(e, attributesOf(e, 'FailWorkflowExecutionFailed').cause),
  CancelWorkflowExecutionFailed: (x, e) => x.closeFailed(e, attributesOf(e, 'CancelWorkflowExecutionFailed').cause),
  ContinueAsNewWorkflowExecutionFailed: (x, e) => x.closeFailed(e, attributesOf(e, 'ContinueAsNewWorkflowExecutionFailed').cause),
  // decision tasks
  DecisionTaskScheduled: bookkeeping,
  DecisionTaskStarted: bookkeeping,
  DecisionTaskCompleted: bookkeeping,
  DecisionTaskTimedOut: bookkeeping,
  // activities
  ActivityTaskScheduled: (x, e) => x.activities.scheduled(e),
  ScheduleActivityTaskFailed: (x, e) => x.activities.scheduleFailed(e, attributesOf(e, 'ScheduleActivityTaskFailed')),
  ActivityTaskStarted: (x, e) => x.activities.started(e, attributesOf(e, 'ActivityTaskStarted')),
  ActivityTaskCompleted: (x, e) => x.activities.completed(e, attributesOf(e, 'ActivityTaskCompleted')),
  ActivityTaskFailed: (x, e) => x.activities.failed(e, attributesOf(e, 'ActivityTaskFailed')),
  ActivityTaskTimedOut: (x, e) => x.activities.timedOut(e, attributesOf(e, 'ActivityTaskTimedOut')),
  ActivityTaskCanceled: (x, e) => x.activities.canceled(e, attributesOf(e, 'ActivityTaskCanceled')),
  ActivityTaskCancelRequested: nothing,
  RequestCancelActivityTaskFailed: nothing,
  // markers
  MarkerRecorded: (x, e) => x.markers.recordedEvent(e),
  RecordMarkerFailed: (x, e) => x.markers.failed(e, attributesOf(e, 'RecordMarkerFailed')),
  // timers
  TimerStarted: (x, e) => x.timers.started(e),
  StartTimerFailed: (x, e) => x.timers.startFailed(e, attributesOf(e, 'StartTimerFailed')),
  TimerFired: (x, e) => x.timers.fired(e, attributesOf(e, 'TimerFired')),
  TimerCanceled: nothing,
  CancelTimerFailed: nothing,
  // child workflows
  StartChildWorkflowExecutionInitiated: (x, e) => x.children.initiated(e),
  StartChildWorkflowExecutionFailed: (x, e) => x.children.startFailed(e, attributesOf(e, 'StartChildWorkflowExecutionFailed')),
  ChildWorkflowExecutionStarted: (x, e) => x.children.started(e, attributesOf(e, 'ChildWorkflowExecutionStarted')),
  ChildWorkflowExecutionCompleted: (x, e) => x.children.completed(e, attributesOf(e, 'ChildWorkflowExecutionCompleted')),
  ChildWorkflowExecutionFailed: (x, e) => x.children.failed(e, attributesOf(e, 'ChildWorkflowExecutionFailed')),
  ChildWorkflowExecutionTimedOut: (x, e) => x.children.timedOut(e, attributesOf(e, 'ChildWorkflowExecutionTimedOut')),
  ChildWorkflowExecutionCanceled: (x, e) => x.children.canceled(e, attributesOf(e, 'ChildWorkflowExecutionCanceled')),
  ChildWorkflowExecutionTerminated: (x, e) => x.children.terminated(e, attributesOf(e, 'ChildWorkflowExecutionTerminated')),
  // signals and cancel requests to other executions
  SignalExternalWorkflowExecutionInitiated: (x, e) => x.externals.initiated(e),
  SignalExternalWorkflowExecutionFailed: (x, e) => x.externals.failed(e, attributesOf(e, 'SignalExternalWorkflowExecutionFailed')),
  ExternalWorkflowExecutionSignaled: (x, e) => x.externals.delivered(e, attributesOf(e, 'ExternalWorkflowExecutionSignaled').initiatedEventId),
  RequestCancelExternalWorkflowExecutionInitiated: (x, e) => x.externals.initiated(e),
  RequestCancelExternalWorkflowExecutionFailed: (x, e) => x.externals.failed(e, attributesOf(e, 'RequestCancelExternalWorkflowExecutionFailed')),
  ExternalWorkflowExecutionCancelRequested: (x, e) => x.externals.delivered(e, attributesOf(e, 'ExternalWorkflowExecutionCancelRequested').initiatedEventId),
  // lambda functions
  LambdaFunctionScheduled: (x, e) => x.lambdas.scheduled(e),
  ScheduleLambdaFunctionFailed: (x, e) => x.lambdas.scheduleFailed(e, attributesOf(e, 'ScheduleLambdaFunctionFailed')),
  LambdaFunctionStarted: (x, e) => x.lambdas.started(e, attributesOf(e, 'LambdaFunctionStarted')),
  StartLambdaFunctionFailed: (x, e) => x.lambdas.startFailed(e, attributesOf(e, 'StartLambdaFunctionFailed')),
  LambdaFunctionCompleted: (x, e) => x.lambdas.completed(e, attributesOf(e, 'LambdaFunctionCompleted')),
  LambdaFunctionFailed: (x, e) => x.lambdas.failed(e, attributesOf(e, 'LambdaFunctionFailed')),
  LambdaFunctionTimedOut: (x, e) => x.lambdas.timedOut(e, attributesOf(e, 'LambdaFunctionTimedOut')),
} satisfies Record<EventType, EventHandler>;

/** Applies one event to the execution; true when it woke workflow code. */
export function applyEvent(execution: WorkflowExecution, event: HistoryEvent): boolean {
  const handler: EventHandler | undefined = EVENT_HANDLERS[event.eventType as EventType];
  if (!handler) throw new TypeError(`Unknown history event type ${String(event.eventType)} (event ${String(event.eventId)})`);
  return handler(execution, event);
}
