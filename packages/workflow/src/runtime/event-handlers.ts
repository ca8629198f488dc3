/**
 * One handler per SWF event type. The map is typed by event type, so a missing event type is a
 * compile error and each handler's attributes are those of its own key. A handler returns true when
 * it woke workflow code (settled an operation or ran a handler): the runtime then drains microtasks
 * before the next event.
 */
import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { HistoryEventError, attributesOf, type EventAttributes } from '@swirl/core';
import type { WorkflowExecution } from './workflow-execution.js';

/**
 * Handles one event of type `T`. `attributes()` reads the event's attributes object, throwing
 * `HistoryEventError` when it is missing; handlers that need none never call it.
 */
type EventHandler<T extends EventType = EventType> = (execution: WorkflowExecution, event: HistoryEvent, attributes: () => EventAttributes<T>) => boolean;

/** Decision-task bookkeeping never reaches the workflow: the batcher consumes it. */
const bookkeeping: EventHandler = () => false;
/** Events that close the run or confirm a decision needing no further action. */
const nothing: EventHandler = () => false;

const EVENT_HANDLERS: { readonly [T in EventType]: EventHandler<T> } = {
  // the run
  WorkflowExecutionStarted: (x, e, a) => x.lifecycle.started(e, a(), x.context),
  WorkflowExecutionCancelRequested: (x) => x.lifecycle.cancelRequestedEvent(),
  WorkflowExecutionSignaled: (x, e, a) => x.signals.signaled(e, a()),
  WorkflowExecutionCompleted: nothing,
  WorkflowExecutionFailed: nothing,
  WorkflowExecutionCanceled: nothing,
  WorkflowExecutionContinuedAsNew: nothing,
  WorkflowExecutionTimedOut: nothing,
  WorkflowExecutionTerminated: nothing,
  CompleteWorkflowExecutionFailed: (x, e, a) => x.lifecycle.closeFailed(e, a().cause),
  FailWorkflowExecutionFailed: (x, e, a) => x.lifecycle.closeFailed(e, a().cause),
  CancelWorkflowExecutionFailed: (x, e, a) => x.lifecycle.closeFailed(e, a().cause),
  ContinueAsNewWorkflowExecutionFailed: (x, e, a) => x.lifecycle.closeFailed(e, a().cause),
  // decision tasks
  DecisionTaskScheduled: bookkeeping,
  DecisionTaskStarted: bookkeeping,
  DecisionTaskCompleted: bookkeeping,
  DecisionTaskTimedOut: bookkeeping,
  // activities
  ActivityTaskScheduled: (x, e) => x.activities.scheduled(e),
  ScheduleActivityTaskFailed: (x, e, a) => x.activities.scheduleFailed(e, a()),
  ActivityTaskStarted: (x, e, a) => x.activities.started(e, a()),
  ActivityTaskCompleted: (x, e, a) => x.activities.completed(e, a()),
  ActivityTaskFailed: (x, e, a) => x.activities.failed(e, a()),
  ActivityTaskTimedOut: (x, e, a) => x.activities.timedOut(e, a()),
  ActivityTaskCanceled: (x, e, a) => x.activities.canceled(e, a()),
  ActivityTaskCancelRequested: nothing,
  RequestCancelActivityTaskFailed: nothing,
  // markers
  MarkerRecorded: (x, e) => x.markers.recordedEvent(e),
  RecordMarkerFailed: (x, e, a) => x.markers.failed(e, a()),
  // timers
  TimerStarted: (x, e) => x.timers.started(e),
  StartTimerFailed: (x, e, a) => x.timers.startFailed(e, a()),
  TimerFired: (x, e, a) => x.timers.fired(e, a()),
  TimerCanceled: nothing,
  CancelTimerFailed: nothing,
  // child workflows
  StartChildWorkflowExecutionInitiated: (x, e) => x.children.initiated(e),
  StartChildWorkflowExecutionFailed: (x, e, a) => x.children.startFailed(e, a()),
  ChildWorkflowExecutionStarted: (x, e, a) => x.children.started(e, a()),
  ChildWorkflowExecutionCompleted: (x, e, a) => x.children.completed(e, a()),
  ChildWorkflowExecutionFailed: (x, e, a) => x.children.failed(e, a()),
  ChildWorkflowExecutionTimedOut: (x, e, a) => x.children.timedOut(e, a()),
  ChildWorkflowExecutionCanceled: (x, e, a) => x.children.canceled(e, a()),
  ChildWorkflowExecutionTerminated: (x, e, a) => x.children.terminated(e, a()),
  // signals and cancel requests to other executions
  SignalExternalWorkflowExecutionInitiated: (x, e) => x.externals.initiated(e),
  SignalExternalWorkflowExecutionFailed: (x, e, a) => x.externals.failed(e, a()),
  ExternalWorkflowExecutionSignaled: (x, e, a) => x.externals.delivered(e, a().initiatedEventId),
  RequestCancelExternalWorkflowExecutionInitiated: (x, e) => x.externals.initiated(e),
  RequestCancelExternalWorkflowExecutionFailed: (x, e, a) => x.externals.failed(e, a()),
  ExternalWorkflowExecutionCancelRequested: (x, e, a) => x.externals.delivered(e, a().initiatedEventId),
  // lambda functions
  LambdaFunctionScheduled: (x, e) => x.lambdas.scheduled(e),
  ScheduleLambdaFunctionFailed: (x, e, a) => x.lambdas.scheduleFailed(e, a()),
  LambdaFunctionStarted: (x, e, a) => x.lambdas.started(e, a()),
  StartLambdaFunctionFailed: (x, e, a) => x.lambdas.startFailed(e, a()),
  LambdaFunctionCompleted: (x, e, a) => x.lambdas.completed(e, a()),
  LambdaFunctionFailed: (x, e, a) => x.lambdas.failed(e, a()),
  LambdaFunctionTimedOut: (x, e, a) => x.lambdas.timedOut(e, a()),
};

/** Applies one event to the execution; true when it woke workflow code. */
export function applyEvent(execution: WorkflowExecution, event: HistoryEvent): boolean {
  const type = event.eventType as EventType;
  const handler = EVENT_HANDLERS[type] as EventHandler | undefined;
  if (!handler) {
    throw new HistoryEventError(
      `Event ${String(event.eventId)} has type ${JSON.stringify(event.eventType)}, which is not one of SWF's ${Object.keys(EVENT_HANDLERS).length} history event types: the history is damaged, or was not read from SWF`,
    );
  }
  return handler(execution, event, () => attributesOf(event, type));
}
