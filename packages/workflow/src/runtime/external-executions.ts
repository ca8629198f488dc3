/** Signals and cancel requests sent to other executions (and to children), and their 6 events. */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { SwfCauseFailure } from '@swirl/core';
import { buildDecision } from '../decisions.js';
import type { ExternalWorkflowHandle } from '../handles.js';
import type { ExternalExecution } from '../options.js';
import type { ExecutionKernel } from './execution-kernel.js';
import { ExternalOperation } from './operations.js';
import { stabilizeStack } from './stable-stack.js';

export class ExternalExecutions {
  readonly #kernel: ExecutionKernel;

  constructor(kernel: ExecutionKernel) {
    this.#kernel = kernel;
  }

  handle(execution: ExternalExecution): ExternalWorkflowHandle {
    this.#kernel.touch();
    return {
      workflowId: execution.workflowId,
      ...(execution.runId !== undefined && { runId: execution.runId }),
      signal: (signal, input) => this.signal(execution, signal.name, input),
      cancel: () => this.#requestCancel(execution),
    };
  }

  /** Sends a signal; resolves when SWF reports it delivered. */
  signal(execution: ExternalExecution, signalName: string, input: unknown): Promise<void> {
    this.#kernel.touch();
    const operation = new ExternalOperation('signal', execution.workflowId);
    const attributes = { workflowId: execution.workflowId, runId: execution.runId, signalName, input: this.#kernel.converter.toPayload(input) };
    this.#kernel.push(buildDecision('SignalExternalWorkflowExecution', attributes), operation);
    return operation.done.promise;
  }

  #requestCancel(execution: ExternalExecution): Promise<void> {
    this.#kernel.touch();
    const operation = new ExternalOperation('cancel', execution.workflowId);
    this.#kernel.push(buildDecision('RequestCancelExternalWorkflowExecution', { workflowId: execution.workflowId, runId: execution.runId }), operation);
    return operation.done.promise;
  }

  initiated(event: HistoryEvent): boolean {
    this.#kernel.owner<ExternalOperation>(event.eventId, 'external', event);
    return false;
  }

  delivered(event: HistoryEvent, initiatedEventId: number | undefined): boolean {
    this.#kernel.owner<ExternalOperation>(initiatedEventId, 'external', event).done.resolve();
    return true;
  }

  failed(event: HistoryEvent, attributes: { cause?: string | undefined; initiatedEventId?: number | undefined }): boolean {
    // Recorded as the decision itself, or later as the outcome of the Initiated event.
    const owner = this.#kernel.owns(event.eventId) ? event.eventId : attributes.initiatedEventId;
    const operation = this.#kernel.owner<ExternalOperation>(owner, 'external', event);
    const eventType = event.eventType as 'SignalExternalWorkflowExecutionFailed' | 'RequestCancelExternalWorkflowExecutionFailed';
    operation.done.reject(stabilizeStack(new SwfCauseFailure({ eventType, cause: String(attributes.cause), eventId: event.eventId })));
    return true;
  }
}
