/** The table of the 13 decision types and their handlers. */
import type { DECISION_TYPES } from '@swirl/core';
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

export type DecisionType = (typeof DECISION_TYPES)[number];

/** Every decision type with its handler; exhaustive by construction. Their rules live in @swirl/core's schemas. */
export const DECISIONS = {
  ScheduleActivityTask: scheduleActivityTask,
  RequestCancelActivityTask: requestCancelActivityTask,
  CompleteWorkflowExecution: completeWorkflowExecution,
  FailWorkflowExecution: failWorkflowExecution,
  CancelWorkflowExecution: cancelWorkflowExecution,
  ContinueAsNewWorkflowExecution: continueAsNewWorkflowExecution,
  RecordMarker: recordMarker,
  StartTimer: startTimer,
  CancelTimer: cancelTimer,
  SignalExternalWorkflowExecution: signalExternalWorkflowExecution,
  RequestCancelExternalWorkflowExecution: requestCancelExternalWorkflowExecution,
  StartChildWorkflowExecution: startChildWorkflowExecution,
  ScheduleLambdaFunction: scheduleLambdaFunction,
} as const satisfies Record<DecisionType, DecisionHandler>;


export type { DecisionContext } from './context.js';
