/**
 * The 54 history event types and which of them schedule a decision task (the ★ events of
 * SWF-SEMANTICS §5). The map is exhaustive, so adding an event type without deciding is a
 * compile error.
 */
export const SCHEDULES_DECISION = {
  WorkflowExecutionStarted: true,
  WorkflowExecutionCancelRequested: true,
  WorkflowExecutionSignaled: true,
  WorkflowExecutionCompleted: false,
  WorkflowExecutionFailed: false,
  WorkflowExecutionCanceled: false,
  WorkflowExecutionContinuedAsNew: false,
  WorkflowExecutionTimedOut: false,
  WorkflowExecutionTerminated: false,
  CompleteWorkflowExecutionFailed: true,
  FailWorkflowExecutionFailed: true,
  CancelWorkflowExecutionFailed: true,
  ContinueAsNewWorkflowExecutionFailed: true,
  DecisionTaskScheduled: false,
  DecisionTaskStarted: false,
  DecisionTaskCompleted: false,
  DecisionTaskTimedOut: true,
  ActivityTaskScheduled: false,
  ScheduleActivityTaskFailed: true,
  ActivityTaskStarted: false,
  ActivityTaskCompleted: true,
  ActivityTaskFailed: true,
  ActivityTaskTimedOut: true,
  ActivityTaskCanceled: true,
  ActivityTaskCancelRequested: false,
  RequestCancelActivityTaskFailed: true,
  MarkerRecorded: false,
  RecordMarkerFailed: false,
  TimerStarted: false,
  StartTimerFailed: true,
  TimerFired: true,
  TimerCanceled: false,
  CancelTimerFailed: true,
  StartChildWorkflowExecutionInitiated: false,
  StartChildWorkflowExecutionFailed: true,
  ChildWorkflowExecutionStarted: true,
  ChildWorkflowExecutionCompleted: true,
  ChildWorkflowExecutionFailed: true,
  ChildWorkflowExecutionTimedOut: true,
  ChildWorkflowExecutionCanceled: true,
  ChildWorkflowExecutionTerminated: true,
  SignalExternalWorkflowExecutionInitiated: false,
  SignalExternalWorkflowExecutionFailed: true,
  ExternalWorkflowExecutionSignaled: true,
  RequestCancelExternalWorkflowExecutionInitiated: false,
  RequestCancelExternalWorkflowExecutionFailed: true,
  ExternalWorkflowExecutionCancelRequested: true,
  LambdaFunctionScheduled: false,
  ScheduleLambdaFunctionFailed: true,
  LambdaFunctionStarted: false,
  LambdaFunctionCompleted: true,
  LambdaFunctionFailed: true,
  LambdaFunctionTimedOut: true,
  StartLambdaFunctionFailed: true,
} as const satisfies Record<string, boolean>;

export type EventType = keyof typeof SCHEDULES_DECISION;

/** `ActivityTaskScheduled` -> `activityTaskScheduledEventAttributes`. */
export const attributesKey = (eventType: EventType): string =>
  `${eventType.charAt(0).toLowerCase()}${eventType.slice(1)}EventAttributes`;
