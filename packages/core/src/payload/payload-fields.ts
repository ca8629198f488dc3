/**
 * The one list of which attributes of which history event and decision carry user payloads: what
 * codecs encode on the way to SWF and decode on the way back. Keyed by the SDK's EventType and
 * DecisionType, checked against the SDK's attribute shapes, so a missing type or a misspelt field
 * fails to compile.
 *
 * Not listed: `reason` (plain text, 256 chars), `executionContext` (read by clients as published
 * state), and lambda `input`/`result`/`details`, which AWS Lambda itself reads and writes and so
 * must stay plain.
 */
import type { Decision, DecisionType, EventType, HistoryEvent } from '@aws-sdk/client-swf';
import type { DecisionAttributesKey } from '../schemas/decisions.js';
import type { EventAttributesKey } from '../schemas/event-types.js';
import { expectTypes, type Equal } from '../schemas/type-equality.js';

expectTypes<Equal<Exclude<EventAttributesKey<EventType>, keyof HistoryEvent>, never>>();
expectTypes<Equal<Exclude<DecisionAttributesKey<DecisionType>, keyof Decision>, never>>();

type EventAttributes<T extends EventType> = NonNullable<HistoryEvent[EventAttributesKey<T> & keyof HistoryEvent]>;
type DecisionAttributesOf<T extends DecisionType> = NonNullable<Decision[DecisionAttributesKey<T> & keyof Decision]>;
type StringFields<O> = { [K in keyof O]-?: NonNullable<O[K]> extends string ? K : never }[keyof O] & string;

export const EVENT_PAYLOAD_FIELDS = {
  WorkflowExecutionStarted: ['input'],
  WorkflowExecutionCancelRequested: [],
  WorkflowExecutionCompleted: ['result'],
  CompleteWorkflowExecutionFailed: [],
  WorkflowExecutionFailed: ['details'],
  FailWorkflowExecutionFailed: [],
  WorkflowExecutionTimedOut: [],
  WorkflowExecutionCanceled: ['details'],
  CancelWorkflowExecutionFailed: [],
  WorkflowExecutionContinuedAsNew: ['input'],
  ContinueAsNewWorkflowExecutionFailed: [],
  WorkflowExecutionTerminated: ['details'],
  DecisionTaskScheduled: [],
  DecisionTaskStarted: [],
  DecisionTaskCompleted: [],
  DecisionTaskTimedOut: [],
  ActivityTaskScheduled: ['input', 'control'],
  ScheduleActivityTaskFailed: [],
  ActivityTaskStarted: [],
  ActivityTaskCompleted: ['result'],
  ActivityTaskFailed: ['details'],
  ActivityTaskTimedOut: ['details'],
  ActivityTaskCanceled: ['details'],
  ActivityTaskCancelRequested: [],
  RequestCancelActivityTaskFailed: [],
  WorkflowExecutionSignaled: ['input'],
  MarkerRecorded: ['details'],
  RecordMarkerFailed: [],
  TimerStarted: ['control'],
  StartTimerFailed: [],
  TimerFired: [],
  TimerCanceled: [],
  CancelTimerFailed: [],
  StartChildWorkflowExecutionInitiated: ['input', 'control'],
  StartChildWorkflowExecutionFailed: ['control'],
  ChildWorkflowExecutionStarted: [],
  ChildWorkflowExecutionCompleted: ['result'],
  ChildWorkflowExecutionFailed: ['details'],
  ChildWorkflowExecutionTimedOut: [],
  ChildWorkflowExecutionCanceled: ['details'],
  ChildWorkflowExecutionTerminated: [],
  SignalExternalWorkflowExecutionInitiated: ['input', 'control'],
  SignalExternalWorkflowExecutionFailed: ['control'],
  ExternalWorkflowExecutionSignaled: [],
  RequestCancelExternalWorkflowExecutionInitiated: ['control'],
  RequestCancelExternalWorkflowExecutionFailed: ['control'],
  ExternalWorkflowExecutionCancelRequested: [],
  LambdaFunctionScheduled: ['control'],
  LambdaFunctionStarted: [],
  LambdaFunctionCompleted: [],
  LambdaFunctionFailed: [],
  LambdaFunctionTimedOut: [],
  ScheduleLambdaFunctionFailed: [],
  StartLambdaFunctionFailed: [],
} as const satisfies { readonly [T in EventType]: readonly StringFields<EventAttributes<T>>[] };

export const DECISION_PAYLOAD_FIELDS = {
  ScheduleActivityTask: ['input', 'control'],
  RequestCancelActivityTask: [],
  CompleteWorkflowExecution: ['result'],
  FailWorkflowExecution: ['details'],
  CancelWorkflowExecution: ['details'],
  ContinueAsNewWorkflowExecution: ['input'],
  RecordMarker: ['details'],
  StartTimer: ['control'],
  CancelTimer: [],
  SignalExternalWorkflowExecution: ['input', 'control'],
  RequestCancelExternalWorkflowExecution: ['control'],
  StartChildWorkflowExecution: ['input', 'control'],
  ScheduleLambdaFunction: ['control'],
} as const satisfies { readonly [T in DecisionType]: readonly StringFields<DecisionAttributesOf<T>>[] };
