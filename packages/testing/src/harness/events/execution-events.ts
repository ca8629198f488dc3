/**
 * The execution's own lifecycle: WorkflowExecutionStarted, and each way it closes (completed,
 * failed, canceled, continued as new, terminated, timed out) with the event of a refused close
 * decision. Closing events that follow a decision link the latest DecisionTaskCompleted.
 */
import { toOptionalSwfDuration, type DurationInput, type EventAttributes } from '@swirl/core';
import { HistoryRecorder, typeOf, type Cause, type FailureInput, type WorkflowTypeRef } from './history-recorder.js';

export interface WorkflowStartedOptions {
  /** @default { name: 'TestWorkflow', version: '1' } */
  readonly workflowType?: WorkflowTypeRef;
  /** The workflow input, through the converter. */
  readonly input?: unknown;
  /** @default the type's task list, or 'test-decisions' */
  readonly taskList?: string;
  /** @default the type's, or '3600' */
  readonly executionStartToCloseTimeout?: DurationInput;
  /** @default the type's, or '30' */
  readonly taskStartToCloseTimeout?: DurationInput;
  /** @default the type's, or 'TERMINATE' */
  readonly childPolicy?: EventAttributes<'WorkflowExecutionStarted'>['childPolicy'];
  readonly tagList?: string[];
  readonly continuedExecutionRunId?: string;
  readonly parentWorkflowExecution?: { readonly workflowId: string; readonly runId: string };
  readonly parentInitiatedEventId?: number;
  readonly lambdaRole?: string;
}

export class WorkflowExecutionEvents extends HistoryRecorder {
  workflowStarted(options: WorkflowStartedOptions = {}): this {
    const ref = options.workflowType ?? { name: 'TestWorkflow', version: '1' };
    const declared = 'type' in ref ? ref.type : undefined;
    return this.add('WorkflowExecutionStarted', {
      workflowType: typeOf(ref),
      taskList: { name: options.taskList ?? declared?.taskList ?? 'test-decisions' },
      childPolicy: options.childPolicy ?? declared?.childPolicy ?? 'TERMINATE',
      executionStartToCloseTimeout: toOptionalSwfDuration(options.executionStartToCloseTimeout ?? declared?.executionStartToCloseTimeout ?? '1h'),
      taskStartToCloseTimeout: toOptionalSwfDuration(options.taskStartToCloseTimeout ?? declared?.taskStartToCloseTimeout ?? '30s'),
      input: this.payload(options.input),
      tagList: options.tagList,
      continuedExecutionRunId: options.continuedExecutionRunId,
      parentWorkflowExecution: options.parentWorkflowExecution,
      parentInitiatedEventId: options.parentInitiatedEventId ?? 0,
      lambdaRole: options.lambdaRole,
    });
  }

  workflowExecutionCompleted(result?: unknown): this {
    return this.add('WorkflowExecutionCompleted', { result: this.payload(result), decisionTaskCompletedEventId: this.lastCompletedId('workflowExecutionCompleted') });
  }

  completeWorkflowExecutionFailed(cause: Cause<'CompleteWorkflowExecutionFailed'>): this {
    return this.add('CompleteWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.lastCompletedId('completeWorkflowExecutionFailed') });
  }

  workflowExecutionFailed(failure?: FailureInput): this {
    return this.add('WorkflowExecutionFailed', { ...this.failure(failure), decisionTaskCompletedEventId: this.lastCompletedId('workflowExecutionFailed') });
  }

  failWorkflowExecutionFailed(cause: Cause<'FailWorkflowExecutionFailed'>): this {
    return this.add('FailWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.lastCompletedId('failWorkflowExecutionFailed') });
  }

  workflowExecutionCanceled(details?: unknown): this {
    return this.add('WorkflowExecutionCanceled', { details: this.payload(details), decisionTaskCompletedEventId: this.lastCompletedId('workflowExecutionCanceled') });
  }

  cancelWorkflowExecutionFailed(cause: Cause<'CancelWorkflowExecutionFailed'>): this {
    return this.add('CancelWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.lastCompletedId('cancelWorkflowExecutionFailed') });
  }

  workflowExecutionContinuedAsNew(options: { readonly input?: unknown; readonly newExecutionRunId?: string; readonly workflowType?: WorkflowTypeRef } = {}): this {
    const started = this.attributesOf(1, 'WorkflowExecutionStarted');
    return this.add('WorkflowExecutionContinuedAsNew', {
      input: this.payload(options.input),
      decisionTaskCompletedEventId: this.lastCompletedId('workflowExecutionContinuedAsNew'),
      newExecutionRunId: options.newExecutionRunId ?? 'continued-run',
      taskList: started.taskList,
      childPolicy: started.childPolicy,
      taskStartToCloseTimeout: started.taskStartToCloseTimeout,
      executionStartToCloseTimeout: started.executionStartToCloseTimeout,
      workflowType: options.workflowType ? typeOf(options.workflowType) : started.workflowType,
    });
  }

  continueAsNewWorkflowExecutionFailed(cause: Cause<'ContinueAsNewWorkflowExecutionFailed'>): this {
    return this.add('ContinueAsNewWorkflowExecutionFailed', { cause, decisionTaskCompletedEventId: this.lastCompletedId('continueAsNewWorkflowExecutionFailed') });
  }

  workflowExecutionTerminated(options: { readonly reason?: string; readonly details?: string; readonly cause?: Cause<'WorkflowExecutionTerminated'> } = {}): this {
    const started = this.attributesOf(1, 'WorkflowExecutionStarted');
    return this.add('WorkflowExecutionTerminated', { ...options, childPolicy: started.childPolicy });
  }

  workflowExecutionTimedOut(): this {
    const started = this.attributesOf(1, 'WorkflowExecutionStarted');
    return this.add('WorkflowExecutionTimedOut', { timeoutType: 'START_TO_CLOSE', childPolicy: started.childPolicy });
  }
}
