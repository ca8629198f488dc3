/** The 54 SWF history event types, checked at compile time against the SDK's `EventType`. */
import type { EventType } from '@aws-sdk/client-swf';
import { attributesKeyLookup } from './attributes-key.js';
import { expectTypes, type Equal } from './type-equality.js';

export const EVENT_TYPES = [
  'WorkflowExecutionStarted',
  'WorkflowExecutionCancelRequested',
  'WorkflowExecutionCompleted',
  'CompleteWorkflowExecutionFailed',
  'WorkflowExecutionFailed',
  'FailWorkflowExecutionFailed',
  'WorkflowExecutionTimedOut',
  'WorkflowExecutionCanceled',
  'CancelWorkflowExecutionFailed',
  'WorkflowExecutionContinuedAsNew',
  'ContinueAsNewWorkflowExecutionFailed',
  'WorkflowExecutionTerminated',
  'DecisionTaskScheduled',
  'DecisionTaskStarted',
  'DecisionTaskCompleted',
  'DecisionTaskTimedOut',
  'ActivityTaskScheduled',
  'ScheduleActivityTaskFailed',
  'ActivityTaskStarted',
  'ActivityTaskCompleted',
  'ActivityTaskFailed',
  'ActivityTaskTimedOut',
  'ActivityTaskCanceled',
  'ActivityTaskCancelRequested',
  'RequestCancelActivityTaskFailed',
  'WorkflowExecutionSignaled',
  'MarkerRecorded',
  'RecordMarkerFailed',
  'TimerStarted',
  'StartTimerFailed',
  'TimerFired',
  'TimerCanceled',
  'CancelTimerFailed',
  'StartChildWorkflowExecutionInitiated',
  'StartChildWorkflowExecutionFailed',
  'ChildWorkflowExecutionStarted',
  'ChildWorkflowExecutionCompleted',
  'ChildWorkflowExecutionFailed',
  'ChildWorkflowExecutionTimedOut',
  'ChildWorkflowExecutionCanceled',
  'ChildWorkflowExecutionTerminated',
  'SignalExternalWorkflowExecutionInitiated',
  'SignalExternalWorkflowExecutionFailed',
  'ExternalWorkflowExecutionSignaled',
  'RequestCancelExternalWorkflowExecutionInitiated',
  'RequestCancelExternalWorkflowExecutionFailed',
  'ExternalWorkflowExecutionCancelRequested',
  'LambdaFunctionScheduled',
  'LambdaFunctionStarted',
  'LambdaFunctionCompleted',
  'LambdaFunctionFailed',
  'LambdaFunctionTimedOut',
  'ScheduleLambdaFunctionFailed',
  'StartLambdaFunctionFailed',
] as const;
expectTypes<Equal<(typeof EVENT_TYPES)[number], EventType>>();

/** The attributes key of an event type: `TimerFired` -> `timerFiredEventAttributes`. */
export type EventAttributesKey<T extends EventType> = `${Uncapitalize<T>}EventAttributes`;
export function eventAttributesKey<T extends EventType>(type: T): EventAttributesKey<T> {
  return eventKeyOf(type) as EventAttributesKey<T>;
}

const eventKeyOf = attributesKeyLookup(EVENT_TYPES, 'EventAttributes');
