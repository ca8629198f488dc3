/** What a running workflow knows about its own execution, read from its WorkflowExecutionStarted event. */
import type { ChildPolicy, HistoryEvent } from '@aws-sdk/client-swf';
import type { EventAttributes } from '@swirl/core';

export interface WorkflowInfo {
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: { readonly name: string; readonly version: string };
  readonly taskList: string;
  readonly taskPriority?: string;
  readonly executionStartToCloseTimeout?: string;
  readonly taskStartToCloseTimeout?: string;
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
  readonly lambdaRole?: string;
  readonly tagList: readonly string[];
  /** The parent's execution, when this run is a child workflow. */
  readonly parent?: { readonly workflowId: string; readonly runId: string };
  /** The run this one continued, when it was started by continue-as-new. */
  readonly continuedExecutionRunId?: string;
  /** When the execution started (event 1). */
  readonly startedAt: Date;
}

/** The info of the run `execution`, whose WorkflowExecutionStarted event is `started`. */
export function workflowInfoOf(
  execution: { readonly workflowId: string; readonly runId: string },
  started: HistoryEvent,
  attributes: EventAttributes<'WorkflowExecutionStarted'>,
): WorkflowInfo {
  return {
    workflowId: execution.workflowId,
    runId: execution.runId,
    workflowType: { name: attributes.workflowType?.name ?? '', version: attributes.workflowType?.version ?? '' },
    taskList: attributes.taskList?.name ?? '',
    tagList: attributes.tagList ?? [],
    startedAt: started.eventTimestamp as Date,
    ...(attributes.taskPriority !== undefined && { taskPriority: attributes.taskPriority }),
    ...(attributes.executionStartToCloseTimeout !== undefined && { executionStartToCloseTimeout: attributes.executionStartToCloseTimeout }),
    ...(attributes.taskStartToCloseTimeout !== undefined && { taskStartToCloseTimeout: attributes.taskStartToCloseTimeout }),
    ...(attributes.childPolicy !== undefined && { childPolicy: attributes.childPolicy }),
    ...(attributes.lambdaRole !== undefined && { lambdaRole: attributes.lambdaRole }),
    ...(attributes.parentWorkflowExecution?.workflowId !== undefined && {
      parent: { workflowId: attributes.parentWorkflowExecution.workflowId, runId: attributes.parentWorkflowExecution.runId ?? '' },
    }),
    ...(attributes.continuedExecutionRunId !== undefined && { continuedExecutionRunId: attributes.continuedExecutionRunId }),
  };
}
