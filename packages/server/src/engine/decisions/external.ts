/** SignalExternalWorkflowExecution and RequestCancelExternalWorkflowExecution decisions and their outcomes. */
import type { ExecutionRecord } from '../../store/records.js';
import type { EngineState } from '../engine-state.js';
import { executionRef, recordEvent, type EventAttributes } from '../runs/history-writer.js';
import type { DecisionRateLimiter } from '../rate-limits/decision-rate-limits.js';
import type { EventType } from '../runs/event-types.js';
import type { DecisionAttributes, DecisionContext } from './context.js';
import { RATE_CAUSE_OF_BUCKET } from '../rate-limits/decision-rate-limits.js';

/** What differs between a signal and a cancel request sent to another run; the path they take is shared. */
interface ExternalRequest {
  readonly bucket: Parameters<DecisionRateLimiter['tryTake']>[0];
  readonly rateCause: string;
  readonly initiated: EventType;
  readonly failed: EventType;
  /** Attributes the Initiated event carries besides the target, control and decision task. */
  readonly initiatedAttributes: (attributes: DecisionAttributes) => EventAttributes;
  /** Records the request on the target run; returns the event the source run gets once it is delivered. */
  readonly deliver: (state: EngineState, target: ExecutionRecord, source: ExecutionRecord, attributes: DecisionAttributes, initiatedEventId: number) => EventType;
}

/** The target of an external signal or cancel: the named run if open, else the open run of the workflowId. */
function findOpenTarget(state: EngineState, domain: string, workflowId: string, runId: string | undefined): ExecutionRecord | undefined {
  const target = runId ? state.store.getExecution(domain, workflowId, runId) : state.store.getOpenExecution(domain, workflowId);
  return target?.status === 'OPEN' ? target : undefined;
}

/** Initiated now (or refused over the rate with initiatedEventId 0); delivered or failed after this batch's own events. */
function sendExternal(request: ExternalRequest, context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution: source, completedEventId } = context;
  const workflowId: string = attributes['workflowId'];
  const runId: string | undefined = attributes['runId'] || undefined;
  const fail = (cause: string, initiatedEventId: number): void => {
    recordEvent(state, source, request.failed, { workflowId, runId, cause, initiatedEventId, decisionTaskCompletedEventId: completedEventId, control: attributes['control'] });
  };
  if (!state.decisionRates.tryTake(request.bucket)) return fail(request.rateCause, 0);
  const initiatedEventId = recordEvent(state, source, request.initiated, {
    workflowId,
    runId,
    ...request.initiatedAttributes(attributes),
    decisionTaskCompletedEventId: completedEventId,
    control: attributes['control'],
  });
  state.afterward(() => {
    const target = findOpenTarget(state, source.domain, workflowId, runId);
    if (!target) {
      if (source.status === 'OPEN') fail('UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId);
      return;
    }
    const delivered = request.deliver(state, target, source, attributes, initiatedEventId);
    if (source.status === 'OPEN') recordEvent(state, source, delivered, { workflowExecution: executionRef(target), initiatedEventId });
  });
}

const SIGNAL: ExternalRequest = {
  bucket: 'signalExternalWorkflowExecution',
  rateCause: RATE_CAUSE_OF_BUCKET.signalExternalWorkflowExecution,
  initiated: 'SignalExternalWorkflowExecutionInitiated',
  failed: 'SignalExternalWorkflowExecutionFailed',
  initiatedAttributes: (attributes) => ({ signalName: attributes['signalName'], input: attributes['input'] }),
  deliver: (state, target, source, attributes, initiatedEventId) => {
    recordEvent(state, target, 'WorkflowExecutionSignaled', {
      signalName: attributes['signalName'],
      input: attributes['input'],
      externalWorkflowExecution: executionRef(source),
      externalInitiatedEventId: initiatedEventId,
    });
    return 'ExternalWorkflowExecutionSignaled';
  },
};

const CANCEL: ExternalRequest = {
  bucket: 'requestCancelExternalWorkflowExecution',
  rateCause: RATE_CAUSE_OF_BUCKET.requestCancelExternalWorkflowExecution,
  initiated: 'RequestCancelExternalWorkflowExecutionInitiated',
  failed: 'RequestCancelExternalWorkflowExecutionFailed',
  initiatedAttributes: () => ({}),
  deliver: (state, target, source, _attributes, initiatedEventId) => {
    target.cancelRequested = true;
    recordEvent(state, target, 'WorkflowExecutionCancelRequested', { externalWorkflowExecution: executionRef(source), externalInitiatedEventId: initiatedEventId });
    return 'ExternalWorkflowExecutionCancelRequested';
  },
};

/** SignalExternalWorkflowExecution: Initiated now; Signaled or Failed once the signal is delivered. */
export const signalExternalWorkflowExecution = (context: DecisionContext, attributes: DecisionAttributes): void => sendExternal(SIGNAL, context, attributes);

/** RequestCancelExternalWorkflowExecution: Initiated now; CancelRequested or Failed once delivered. */
export const requestCancelExternalWorkflowExecution = (context: DecisionContext, attributes: DecisionAttributes): void => sendExternal(CANCEL, context, attributes);
