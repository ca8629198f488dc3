/**
 * Signals and cancellation requests between executions: those this execution receives
 * (WorkflowExecutionSignaled, WorkflowExecutionCancelRequested) and those its decisions send to
 * another execution (initiated, failed, delivered).
 */
import { ChildWorkflowEvents } from './child-events.js';
import type { Cause } from './history-recorder.js';

export class ExternalWorkflowEvents extends ChildWorkflowEvents {
  /** WorkflowExecutionSignaled; `external` names the execution whose decision sent it. */
  signal(signalName: string, input?: unknown, external?: { readonly workflowId: string; readonly runId: string; readonly initiatedEventId: number }): this {
    return this.add('WorkflowExecutionSignaled', {
      signalName,
      input: this.payload(input),
      externalWorkflowExecution: external && { workflowId: external.workflowId, runId: external.runId },
      externalInitiatedEventId: external?.initiatedEventId ?? 0,
    });
  }

  /** WorkflowExecutionCancelRequested. */
  cancelRequested(options: { readonly cause?: Cause<'WorkflowExecutionCancelRequested'> } = {}): this {
    return this.add('WorkflowExecutionCancelRequested', { externalInitiatedEventId: 0, cause: options.cause });
  }

  signalExternalWorkflowExecutionInitiated(workflowId: string, signalName: string, options: { readonly runId?: string; readonly input?: unknown; readonly control?: string } = {}): this {
    return this.add('SignalExternalWorkflowExecutionInitiated', {
      workflowId,
      signalName,
      runId: options.runId,
      input: this.payload(options.input),
      control: options.control,
      decisionTaskCompletedEventId: this.lastCompletedId('signalExternalWorkflowExecutionInitiated'),
    });
  }

  signalExternalWorkflowExecutionFailed(workflowId: string, cause: Cause<'SignalExternalWorkflowExecutionFailed'>): this {
    const initiatedEventId = this.find('SignalExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    const initiated = this.attributesOf(initiatedEventId, 'SignalExternalWorkflowExecutionInitiated');
    return this.add('SignalExternalWorkflowExecutionFailed', {
      workflowId,
      runId: initiated.runId,
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: initiated.decisionTaskCompletedEventId,
    });
  }

  externalWorkflowExecutionSignaled(workflowId: string, runId = `${workflowId}-run`): this {
    const initiatedEventId = this.find('SignalExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    return this.add('ExternalWorkflowExecutionSignaled', { workflowExecution: { workflowId, runId }, initiatedEventId });
  }

  requestCancelExternalWorkflowExecutionInitiated(workflowId: string, options: { readonly runId?: string; readonly control?: string } = {}): this {
    return this.add('RequestCancelExternalWorkflowExecutionInitiated', {
      workflowId,
      runId: options.runId,
      control: options.control,
      decisionTaskCompletedEventId: this.lastCompletedId('requestCancelExternalWorkflowExecutionInitiated'),
    });
  }

  requestCancelExternalWorkflowExecutionFailed(workflowId: string, cause: Cause<'RequestCancelExternalWorkflowExecutionFailed'>): this {
    const initiatedEventId = this.find('RequestCancelExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    const initiated = this.attributesOf(initiatedEventId, 'RequestCancelExternalWorkflowExecutionInitiated');
    return this.add('RequestCancelExternalWorkflowExecutionFailed', {
      workflowId,
      runId: initiated.runId,
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: initiated.decisionTaskCompletedEventId,
    });
  }

  externalWorkflowExecutionCancelRequested(workflowId: string, runId = `${workflowId}-run`): this {
    const initiatedEventId = this.find('RequestCancelExternalWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    return this.add('ExternalWorkflowExecutionCancelRequested', { workflowExecution: { workflowId, runId }, initiatedEventId });
  }
}
