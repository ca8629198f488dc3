/** The table of the 13 decision types: their handler and required attributes. */
import { requestCancelActivityTask, scheduleActivityTask } from './activities.js';
import { startChildWorkflowExecution } from './children.js';
import type { DecisionHandler } from './context.js';
import { requestCancelExternalWorkflowExecution, signalExternalWorkflowExecution } from './external.js';
import { scheduleLambdaFunction } from './lambda.js';
import { recordMarker } from './markers.js';
import { cancelTimer, startTimer } from './timers.js';
import {
  cancelWorkflowExecution,
  completeWorkflowExecution,
  continueAsNewWorkflowExecution,
  failWorkflowExecution,
} from './workflow-close.js';

/** Every decision type with its handler and the attribute it must carry; exhaustive by construction. */
export const DECISIONS = {
  ScheduleActivityTask: { handler: scheduleActivityTask, required: ['activityType', 'activityId'] },
  RequestCancelActivityTask: { handler: requestCancelActivityTask, required: ['activityId'] },
  CompleteWorkflowExecution: { handler: completeWorkflowExecution, required: [] },
  FailWorkflowExecution: { handler: failWorkflowExecution, required: [] },
  CancelWorkflowExecution: { handler: cancelWorkflowExecution, required: [] },
  ContinueAsNewWorkflowExecution: { handler: continueAsNewWorkflowExecution, required: [] },
  RecordMarker: { handler: recordMarker, required: ['markerName'] },
  StartTimer: { handler: startTimer, required: ['timerId', 'startToFireTimeout'] },
  CancelTimer: { handler: cancelTimer, required: ['timerId'] },
  SignalExternalWorkflowExecution: { handler: signalExternalWorkflowExecution, required: ['workflowId', 'signalName'] },
  RequestCancelExternalWorkflowExecution: { handler: requestCancelExternalWorkflowExecution, required: ['workflowId'] },
  StartChildWorkflowExecution: { handler: startChildWorkflowExecution, required: ['workflowType', 'workflowId'] },
  ScheduleLambdaFunction: { handler: scheduleLambdaFunction, required: ['id', 'name'] },
} as const satisfies Record<string, { handler: DecisionHandler; required: readonly string[] }>;

export type DecisionType = keyof typeof DECISIONS;

export const CLOSE_DECISIONS: ReadonlySet<string> = new Set<DecisionType>([
  'CompleteWorkflowExecution',
  'FailWorkflowExecution',
  'CancelWorkflowExecution',
  'ContinueAsNewWorkflowExecution',
]);

/** `ScheduleActivityTask` -> `scheduleActivityTaskDecisionAttributes`. */
export const decisionAttributesKey = (decisionType: string): string =>
  `${decisionType.charAt(0).toLowerCase()}${decisionType.slice(1)}DecisionAttributes`;

export const isDecisionType = (value: unknown): value is DecisionType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(DECISIONS, value);

export type { DecisionContext } from './context.js';
