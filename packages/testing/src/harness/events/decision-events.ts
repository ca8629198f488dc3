/**
 * The event SWF records when it accepts a decision, with the decision's payload strings as they
 * are. One case per decision type, so a new type is a compile error here.
 */
import type { Decision, DecisionType } from '@aws-sdk/client-swf';
import type { HistoryRecorder } from './history-recorder.js';

/** Appends to `history` the event recording `decision`, accepted by DecisionTaskCompleted `completedId`. */
export function recordDecisionEvent(history: HistoryRecorder, decision: Decision, completedId: number): void {
  const decisionTaskCompletedEventId = completedId;
  const started = history.events[0]?.workflowExecutionStartedEventAttributes;
  const type = decision.decisionType as DecisionType;
  switch (type) {
    case 'ScheduleActivityTask': {
      const a = decision.scheduleActivityTaskDecisionAttributes!;
      history.add('ActivityTaskScheduled', {
        ...a,
        activityType: a.activityType,
        activityId: a.activityId,
        taskList: a.taskList ?? { name: 'test-activities' },
        decisionTaskCompletedEventId,
      });
      return;
    }
    case 'RequestCancelActivityTask':
      history.add('ActivityTaskCancelRequested', { activityId: decision.requestCancelActivityTaskDecisionAttributes!.activityId, decisionTaskCompletedEventId });
      return;
    case 'StartTimer': {
      const a = decision.startTimerDecisionAttributes!;
      history.add('TimerStarted', { ...a, timerId: a.timerId, startToFireTimeout: a.startToFireTimeout, decisionTaskCompletedEventId });
      return;
    }
    case 'CancelTimer': {
      const timerId = decision.cancelTimerDecisionAttributes!.timerId!;
      const startedEventId = history.find('TimerStarted', (attributes) => attributes.timerId === timerId);
      history.add('TimerCanceled', { timerId, startedEventId, decisionTaskCompletedEventId });
      return;
    }
    case 'RecordMarker': {
      const a = decision.recordMarkerDecisionAttributes!;
      history.add('MarkerRecorded', { ...a, markerName: a.markerName, decisionTaskCompletedEventId });
      return;
    }
    case 'StartChildWorkflowExecution': {
      const a = decision.startChildWorkflowExecutionDecisionAttributes!;
      history.add('StartChildWorkflowExecutionInitiated', {
        ...a,
        workflowId: a.workflowId,
        workflowType: a.workflowType,
        taskList: a.taskList ?? started?.taskList,
        childPolicy: a.childPolicy ?? 'TERMINATE',
        decisionTaskCompletedEventId,
      });
      return;
    }
    case 'SignalExternalWorkflowExecution': {
      const a = decision.signalExternalWorkflowExecutionDecisionAttributes!;
      history.add('SignalExternalWorkflowExecutionInitiated', { ...a, workflowId: a.workflowId, signalName: a.signalName, decisionTaskCompletedEventId });
      return;
    }
    case 'RequestCancelExternalWorkflowExecution': {
      const a = decision.requestCancelExternalWorkflowExecutionDecisionAttributes!;
      history.add('RequestCancelExternalWorkflowExecutionInitiated', { ...a, workflowId: a.workflowId, decisionTaskCompletedEventId });
      return;
    }
    case 'ScheduleLambdaFunction': {
      const a = decision.scheduleLambdaFunctionDecisionAttributes!;
      history.add('LambdaFunctionScheduled', { ...a, id: a.id, name: a.name, decisionTaskCompletedEventId });
      return;
    }
    case 'CompleteWorkflowExecution':
      history.add('WorkflowExecutionCompleted', { ...decision.completeWorkflowExecutionDecisionAttributes, decisionTaskCompletedEventId });
      return;
    case 'FailWorkflowExecution':
      history.add('WorkflowExecutionFailed', { ...decision.failWorkflowExecutionDecisionAttributes, decisionTaskCompletedEventId });
      return;
    case 'CancelWorkflowExecution':
      history.add('WorkflowExecutionCanceled', { ...decision.cancelWorkflowExecutionDecisionAttributes, decisionTaskCompletedEventId });
      return;
    case 'ContinueAsNewWorkflowExecution': {
      const a = decision.continueAsNewWorkflowExecutionDecisionAttributes!;
      const { workflowTypeVersion, ...attributes } = a;
      history.add('WorkflowExecutionContinuedAsNew', {
        ...attributes,
        decisionTaskCompletedEventId,
        newExecutionRunId: 'continued-run',
        taskList: a.taskList ?? started?.taskList,
        childPolicy: a.childPolicy ?? started?.childPolicy,
        workflowType: { name: started?.workflowType?.name, version: workflowTypeVersion ?? started?.workflowType?.version },
      });
      return;
    }
    default: {
      const unknown: never = type;
      throw new Error(`HistoryBuilder cannot record decision type ${String(unknown)}`);
    }
  }
}
