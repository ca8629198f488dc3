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
  WorkflowExecutionSignaled: (x, e) => x.signaled(e, attributesOf(e, 'WorkflowExecutionSignaled')),
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
  ActivityTaskScheduled: (x, e) => x.activityScheduled(e),
  ScheduleActivityTaskFailed: (x, e) => x.activityScheduleFailed(e, attributesOf(e, 'ScheduleActivityTaskFailed')),
  ActivityTaskStarted: (x, e) => x.activityStarted(e, attributesOf(e, 'ActivityTaskStarted')),
  ActivityTaskCompleted: (x, e) => x.activityCompleted(e, attributesOf(e, 'ActivityTaskCompleted')),
  ActivityTaskFailed: (x, e) => x.activityFailed(e, attributesOf(e, 'ActivityTaskFailed')),
  ActivityTaskTimedOut: (x, e) => x.activityTimedOut(e, attributesOf(e, 'ActivityTaskTimedOut')),
  ActivityTaskCanceled: (x, e) => x.activityCanceled(e, attributesOf(e, 'ActivityTaskCanceled')),
  ActivityTaskCancelRequested: nothing,
  RequestCancelActivityTaskFailed: nothing,
  // markers
  MarkerRecorded: (x, e) => x.markerRecorded(e),
  RecordMarkerFailed: (x, e) => x.markerFailed(e, attributesOf(e, 'RecordMarkerFailed')),
  // timers
  TimerStarted: (x, e) => x.timerStarted(e),
  StartTimerFailed: (x, e) => x.timerStartFailed(e, attributesOf(e, 'StartTimerFailed')),
  TimerFired: (x, e) => x.timerFired(e, attributesOf(e, 'TimerFired')),
  TimerCanceled: nothing,
  CancelTimerFailed: nothing,
  // child workflows
  StartChildWorkflowExecutionInitiated: (x, e) => x.childInitiated(e),
  StartChildWorkflowExecutionFailed: (x, e) => x.childStartFailed(e, attributesOf(e, 'StartChildWorkflowExecutionFailed')),
  ChildWorkflowExecutionStarted: (x, e) => x.childStarted(e, attributesOf(e, 'ChildWorkflowExecutionStarted')),
  ChildWorkflowExecutionCompleted: (x, e) => x.childCompleted(e, attributesOf(e, 'ChildWorkflowExecutionCompleted')),
  ChildWorkflowExecutionFailed: (x, e) => x.childFailed(e, attributesOf(e, 'ChildWorkflowExecutionFailed')),
  ChildWorkflowExecutionTimedOut: (x, e) => x.childTimedOut(e, attributesOf(e, 'ChildWorkflowExecutionTimedOut')),
  ChildWorkflowExecutionCanceled: (x, e) => x.childCanceled(e, attributesOf(e, 'ChildWorkflowExecutionCanceled')),
  ChildWorkflowExecutionTerminated: (x, e) => x.childTerminated(e, attributesOf(e, 'ChildWorkflowExecutionTerminated')),
  // signals and cancel requests to other executions
  SignalExternalWorkflowExecutionInitiated: (x, e) => x.externalInitiated(e),
  SignalExternalWorkflowExecutionFailed: (x, e) => x.externalFailed(e, attributesOf(e, 'SignalExternalWorkflowExecutionFailed')),
  ExternalWorkflowExecutionSignaled: (x, e) => x.externalDone(e, attributesOf(e, 'ExternalWorkflowExecutionSignaled').initiatedEventId),
  RequestCancelExternalWorkflowExecutionInitiated: (x, e) => x.externalInitiated(e),
  RequestCancelExternalWorkflowExecutionFailed: (x, e) => x.externalFailed(e, attributesOf(e, 'RequestCancelExternalWorkflowExecutionFailed')),
  ExternalWorkflowExecutionCancelRequested: (x, e) => x.externalDone(e, attributesOf(e, 'ExternalWorkflowExecutionCancelRequested').initiatedEventId),
  // lambda functions
  LambdaFunctionScheduled: (x, e) => x.lambdaScheduled(e),
  ScheduleLambdaFunctionFailed: (x, e) => x.lambdaScheduleFailed(e, attributesOf(e, 'ScheduleLambdaFunctionFailed')),
  LambdaFunctionStarted: (x, e) => x.lambdaStarted(e, attributesOf(e, 'LambdaFunctionStarted')),
  StartLambdaFunctionFailed: (x, e) => x.lambdaStartFailed(e, attributesOf(e, 'StartLambdaFunctionFailed')),
  LambdaFunctionCompleted: (x, e) => x.lambdaCompleted(e, attributesOf(e, 'LambdaFunctionCompleted')),
  LambdaFunctionFailed: (x, e) => x.lambdaFailed(e, attributesOf(e, 'LambdaFunctionFailed')),
  LambdaFunctionTimedOut: (x, e) => x.lambdaTimedOut(e, attributesOf(e, 'LambdaFunctionTimedOut')),
} satisfies Record<EventType, EventHandler>;

/** Applies one event to the execution; true when it woke workflow code. */
export function applyEvent(execution: WorkflowExecution, event: HistoryEvent): boolean {
  const handler: EventHandler | undefined = EVENT_HANDLERS[event.eventType as EventType];
  if (!handler) throw new TypeError(`Unknown history event type ${String(event.eventType)} (event ${String(event.eventId)})`);
  return handler(execution, event);
}
