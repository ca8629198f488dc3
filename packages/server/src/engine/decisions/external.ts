/** SignalExternalWorkflowExecution and RequestCancelExternalWorkflowExecution decisions and their outcomes. */
import type { ExecutionRecord } from '../../store/records.js';
import { executionRef, recordEvent } from '../runs/history-writer.js';
import type { EngineState } from '../engine-state.js';
import type { DecisionAttributes, DecisionContext } from './context.js';

/** The target of an external signal or cancel: the named run if open, else the open run of the workflowId. */
function findOpenTarget(state: EngineState, domain: string, workflowId: string, runId: string | undefined): ExecutionRecord | undefined {
  const target = runId ? state.store.getExecution(domain, workflowId, runId) : state.store.getOpenExecution(domain, workflowId);
  return target?.status === 'OPEN' ? target : undefined;
}

/** SignalExternalWorkflowExecution: Initiated now; Signaled or Failed once the signal is delivered. */
export function signalExternalWorkflowExecution(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution: source, completedEventId } = context;
  const workflowId: string = attributes['workflowId'];
  const runId: string | undefined = attributes['runId'] || undefined;
  const fail = (cause: string, initiatedEventId: number): void => {
    recordEvent(state, source, 'SignalExternalWorkflowExecutionFailed', {
      workflowId,
      runId,
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: completedEventId,
      control: attributes['control'],
    });
  };
  // Over the rate, the decision is refused before anything is initiated (initiatedEventId 0).
  if (!state.decisionRates.tryTake('signalExternalWorkflowExecution')) return fail('SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED', 0);
  const initiatedEventId = recordEvent(state, source, 'SignalExternalWorkflowExecutionInitiated', {
    workflowId,
    runId,
    signalName: attributes['signalName'],
    input: attributes['input'],
    decisionTaskCompletedEventId: completedEventId,
    control: attributes['control'],
  });
  state.afterward(() => {
    const target = findOpenTarget(state, source.domain, workflowId, runId);
    if (!target) {
      if (source.status === 'OPEN') fail('UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId);
      return;
    }
    recordEvent(state, target, 'WorkflowExecutionSignaled', {
      signalName: attributes['signalName'],
      input: attributes['input'],
      externalWorkflowExecution: executionRef(source),
      externalInitiatedEventId: initiatedEventId,
    });
    if (source.status === 'OPEN') {
      recordEvent(state, source, 'ExternalWorkflowExecutionSignaled', { workflowExecution: executionRef(target), initiatedEventId });
    }
  });
}

/** RequestCancelExternalWorkflowExecution: Initiated now; CancelRequested or Failed once delivered. */
export function requestCancelExternalWorkflowExecution(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution: source, completedEventId } = context;
  const workflowId: string = attributes['workflowId'];
  const runId: string | undefined = attributes['runId'] || undefined;
  const fail = (cause: string, initiatedEventId: number): void => {
    recordEvent(state, source, 'RequestCancelExternalWorkflowExecutionFailed', {
      workflowId,
      runId,
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: completedEventId,
      control: attributes['control'],
    });
  };
  if (!state.decisionRates.tryTake('requestCancelExternalWorkflowExecution')) {
    return fail('REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED', 0);
  }
  const initiatedEventId = recordEvent(state, source, 'RequestCancelExternalWorkflowExecutionInitiated', {
    workflowId,
    runId,
    decisionTaskCompletedEventId: completedEventId,
    control: attributes['control'],
  });
  state.afterward(() => {
    const target = findOpenTarget(state, source.domain, workflowId, runId);
    if (!target) {
      if (source.status === 'OPEN') fail('UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId);
      return;
    }
    target.cancelRequested = true;
    recordEvent(state, target, 'WorkflowExecutionCancelRequested', {
      externalWorkflowExecution: executionRef(source),
      externalInitiatedEventId: initiatedEventId,
    });
    if (source.status === 'OPEN') {
      recordEvent(state, source, 'ExternalWorkflowExecutionCancelRequested', { workflowExecution: executionRef(target), initiatedEventId });
    }
  });
}
