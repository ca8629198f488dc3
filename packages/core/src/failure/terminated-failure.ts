/** An execution (usually a child) was terminated: by an operator, a child policy or the event limit. */
import type { WorkflowExecutionTerminatedCause } from '@aws-sdk/client-swf';
import { SwirlFailure } from './swirl-failure.js';

export interface TerminatedFailureOptions {
  /** The reason given to TerminateWorkflowExecution. @default none */
  readonly reason?: string | undefined;
  /** The details given to TerminateWorkflowExecution. @default none */
  readonly details?: unknown;
  /** SWF's cause when termination was automatic (CHILD_POLICY_APPLIED, EVENT_LIMIT_EXCEEDED). @default none */
  readonly cause?: WorkflowExecutionTerminatedCause | `${WorkflowExecutionTerminatedCause}` | undefined;
}

export class TerminatedFailure extends SwirlFailure {
  readonly reason: string | undefined;
  readonly details: unknown;
  declare readonly cause: TerminatedFailureOptions['cause'];

  constructor(message: string, options: TerminatedFailureOptions = {}) {
    super(message);
    this.reason = options.reason;
    this.details = options.details;
    // SWF's termination cause, not an Error: defined as an own property like Error's cause.
    Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false, writable: false, configurable: true });
  }
}
