/**
 * Turns the close event of a run that did not complete into the typed failure `result()` throws.
 */
import { EventType, type HistoryEvent } from '@aws-sdk/client-swf';
import { CancelledFailure, decodeFailure, TerminatedFailure, TimeoutFailure, type PayloadPipeline } from '@swirl/core';

export interface RunId {
  readonly workflowId: string;
  readonly runId: string;
}

async function decodeText(payloads: PayloadPipeline, value: string | undefined): Promise<string | undefined> {
  return value === undefined ? undefined : payloads.decodeString(value);
}

/** The failure for a Failed, Canceled, Terminated, TimedOut or (unfollowed) ContinuedAsNew close event. */
export async function failureOfClose(close: HistoryEvent, run: RunId, payloads: PayloadPipeline): Promise<Error> {
  const where = `workflowId=${run.workflowId} runId=${run.runId}`;
  switch (close.eventType) {
    case EventType.WorkflowExecutionFailed: {
      const attributes = close.workflowExecutionFailedEventAttributes;
      return decodeFailure(attributes?.reason, await decodeText(payloads, attributes?.details));
    }
    case EventType.WorkflowExecutionCanceled: {
      const details = await payloads.decode(close.workflowExecutionCanceledEventAttributes?.details);
      return new CancelledFailure(`Workflow execution ${where} was cancelled`, details);
    }
    case EventType.WorkflowExecutionTerminated: {
      const attributes = close.workflowExecutionTerminatedEventAttributes;
      const reason = attributes?.reason;
      const details = await decodeText(payloads, attributes?.details);
      return new TerminatedFailure(
        `Workflow execution ${where} was terminated${reason ? `: ${reason}` : ''}`,
        { reason, details, cause: attributes?.cause },
      );
    }
    case EventType.WorkflowExecutionTimedOut: {
      const timeoutType = close.workflowExecutionTimedOutEventAttributes?.timeoutType ?? 'START_TO_CLOSE';
      return new TimeoutFailure(`Workflow execution ${where} timed out (${timeoutType})`, timeoutType);
    }
    case EventType.WorkflowExecutionContinuedAsNew: {
      const next = close.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
      return new WorkflowContinuedAsNewError(run, next);
    }
    default:
      throw new TypeError(`Event ${close.eventId} (${close.eventType}) is not a failed, cancelled, terminated or timed-out close`);
  }
}

/** Thrown by `result({ followRuns: false })` when the run continued as new instead of closing. */
export class WorkflowContinuedAsNewError extends Error {
  override readonly name = 'WorkflowContinuedAsNewError';
  constructor(
    readonly run: RunId,
    readonly newRunId: string | undefined,
  ) {
    super(`Workflow execution workflowId=${run.workflowId} runId=${run.runId} continued as new run ${newRunId ?? '(unknown)'}`);
  }
}
