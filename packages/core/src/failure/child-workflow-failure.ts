/** A child workflow that failed, timed out, was cancelled or terminated, or could not start. */
import type { WorkflowType } from '@aws-sdk/client-swf';
import { SwirlFailure } from './swirl-failure.js';

export interface ChildWorkflowFailureOptions {
  readonly workflowType: Required<WorkflowType>;
  /** The child's ids; `runId` is absent when the child never started. */
  readonly execution: { readonly workflowId: string; readonly runId?: string | undefined };
  /** The `StartChildWorkflowExecutionInitiated` event id, 0 when the start failed before it. @default 0 */
  readonly initiatedEventId?: number | undefined;
  readonly cause: Error;
  /** @default "Child workflow <name> v<version> (workflowId <id>) failed: <cause's message>" */
  readonly message?: string | undefined;
}

export class ChildWorkflowFailure extends SwirlFailure {
  readonly workflowType: Required<WorkflowType>;
  readonly execution: { readonly workflowId: string; readonly runId?: string | undefined };
  readonly initiatedEventId: number;
  declare readonly cause: Error;

  constructor(options: ChildWorkflowFailureOptions) {
    const { name, version } = options.workflowType;
    super(
      options.message ??
        `Child workflow ${name} v${version} (workflowId ${options.execution.workflowId}) failed: ${options.cause.message}`,
      { cause: options.cause },
    );
    this.workflowType = options.workflowType;
    this.execution = options.execution;
    this.initiatedEventId = options.initiatedEventId ?? 0;
  }
}
