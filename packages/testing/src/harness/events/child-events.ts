/**
 * Child workflow executions: initiated, started or failed to start, and each way the child closes.
 * A child is named by its workflow id; its close events link the initiated and started events.
 */
import type { EventAttributes } from '@swirl/core';
import { typeOf, type Cause, type FailureInput, type WorkflowTypeRef } from './history-recorder.js';
import { TimerEvents } from './timer-events.js';

export interface ChildInitiatedOptions {
  readonly workflowType: WorkflowTypeRef;
  readonly input?: unknown;
  /** @default 'test-decisions' */
  readonly taskList?: string;
  readonly control?: string;
  /** @default 'TERMINATE' */
  readonly childPolicy?: EventAttributes<'StartChildWorkflowExecutionInitiated'>['childPolicy'];
}

export class ChildWorkflowEvents extends TimerEvents {
  #childInitiatedId(workflowId: string): number {
    return this.find('StartChildWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
  }

  #child(workflowId: string): { initiatedEventId: number; workflowType: { name: string; version: string }; workflowExecution: { workflowId: string; runId: string } } {
    const initiatedEventId = this.#childInitiatedId(workflowId);
    const started = this.find('ChildWorkflowExecutionStarted', (attributes) => attributes.initiatedEventId === initiatedEventId);
    const attributes = this.attributesOf(started, 'ChildWorkflowExecutionStarted');
    return {
      initiatedEventId,
      workflowType: attributes.workflowType as { name: string; version: string },
      workflowExecution: attributes.workflowExecution as { workflowId: string; runId: string },
    };
  }

  startChildWorkflowExecutionInitiated(workflowId: string, options: ChildInitiatedOptions): this {
    return this.add('StartChildWorkflowExecutionInitiated', {
      workflowId,
      workflowType: typeOf(options.workflowType),
      input: this.payload(options.input),
      control: options.control,
      taskList: { name: options.taskList ?? 'test-decisions' },
      childPolicy: options.childPolicy ?? 'TERMINATE',
      decisionTaskCompletedEventId: this.lastCompletedId('startChildWorkflowExecutionInitiated'),
    });
  }

  /** StartChildWorkflowExecutionFailed: the child could not start (after its initiated event, or rejecting the decision). */
  startChildWorkflowExecutionFailed(workflowId: string, cause: Cause<'StartChildWorkflowExecutionFailed'>): this {
    const initiated = this.has('StartChildWorkflowExecutionInitiated', (attributes) => attributes.workflowId === workflowId);
    const initiatedEventId = initiated ? this.#childInitiatedId(workflowId) : 0;
    return this.add('StartChildWorkflowExecutionFailed', {
      workflowId,
      workflowType: initiated ? this.attributesOf(initiatedEventId, 'StartChildWorkflowExecutionInitiated').workflowType : { name: 'unknown', version: 'unknown' },
      cause,
      initiatedEventId,
      decisionTaskCompletedEventId: initiated
        ? this.attributesOf(initiatedEventId, 'StartChildWorkflowExecutionInitiated').decisionTaskCompletedEventId
        : this.lastCompletedId('startChildWorkflowExecutionFailed'),
    });
  }

  childWorkflowExecutionStarted(workflowId: string, runId = `${workflowId}-run`): this {
    const initiatedEventId = this.#childInitiatedId(workflowId);
    return this.add('ChildWorkflowExecutionStarted', {
      workflowExecution: { workflowId, runId },
      workflowType: this.attributesOf(initiatedEventId, 'StartChildWorkflowExecutionInitiated').workflowType,
      initiatedEventId,
    });
  }

  #childClosed(workflowId: string) {
    const child = this.#child(workflowId);
    return {
      ...child,
      startedEventId: this.find('ChildWorkflowExecutionStarted', (attributes) => attributes.initiatedEventId === child.initiatedEventId),
    };
  }

  childWorkflowExecutionCompleted(workflowId: string, result?: unknown): this {
    return this.add('ChildWorkflowExecutionCompleted', { ...this.#childClosed(workflowId), result: this.payload(result) });
  }

  childWorkflowExecutionFailed(workflowId: string, failure?: FailureInput): this {
    return this.add('ChildWorkflowExecutionFailed', { ...this.#childClosed(workflowId), ...this.failure(failure) });
  }

  childWorkflowExecutionTimedOut(workflowId: string): this {
    return this.add('ChildWorkflowExecutionTimedOut', { ...this.#childClosed(workflowId), timeoutType: 'START_TO_CLOSE' });
  }

  childWorkflowExecutionCanceled(workflowId: string, details?: unknown): this {
    return this.add('ChildWorkflowExecutionCanceled', { ...this.#childClosed(workflowId), details: this.payload(details) });
  }

  childWorkflowExecutionTerminated(workflowId: string): this {
    return this.add('ChildWorkflowExecutionTerminated', this.#childClosed(workflowId));
  }
}
