/** What a running workflow knows about its own execution, read from its WorkflowExecutionStarted event. */
import type { ChildPolicy } from '@aws-sdk/client-swf';

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
