/**
 * `continueAsNew` works by rejecting with this request; the runtime turns it into the
 * ContinueAsNewWorkflowExecution close decision. Code that catches every error should rethrow it.
 */
import type { Decision } from '@aws-sdk/client-swf';

export class ContinueAsNewRequest extends Error {
  override readonly name = 'ContinueAsNewRequest';
  constructor(readonly decision: Decision) {
    super('The workflow continues as a new run: let this error propagate out of execute()');
  }
}

/** True for the rejection of `continueAsNew()`. */
export function isContinueAsNew(error: unknown): error is ContinueAsNewRequest {
  return error instanceof ContinueAsNewRequest;
}
