/**
 * Turns history events into one readable line each: time since the run started, event id, event
 * type and what it means (activity names and attempts, retry backoffs, compensations, failures).
 * It keeps what earlier events said, because later events name their activity only by event id.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { decodeFailure, fromSwfDuration } from '@swirl/core';

const DECISION_TASK_EVENTS: Record<string, string> = {
  DecisionTaskScheduled: 'decision task scheduled',
  DecisionTaskStarted: 'decision task started',
  DecisionTaskCompleted: 'decision task completed',
  DecisionTaskTimedOut: 'decision task timed out',
};

/** The runtime names retry backoff timers `r1`, `r2`, ...; user timers are `t<n>` or user-named. */
const RETRY_TIMER = /^r\d+$/;

function failureText(reason: string | undefined, details: string | undefined): string {
  const failure = decodeFailure(reason, details);
  return `${failure.type}: ${failure.message}`;
}

function shorten(text: string | undefined, max = 70): string {
  if (text === undefined) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export class EventNarrator {
  #startedAt: number | undefined;
  readonly #activityNames = new Map<number, string>();
  readonly #attempts = new Map<string, number>();
  readonly #lambdaNames = new Map<number, string>();

  /** One line: `+1.234s  #12  ActivityTaskFailed          Payments.charge: GatewayTimeout: ...`. */
  narrate(event: HistoryEvent): string {
    const at = event.eventTimestamp?.getTime() ?? 0;
    this.#startedAt ??= at;
    const elapsed = `+${((at - this.#startedAt) / 1_000).toFixed(3)}s`.padStart(9);
    const id = `#${event.eventId ?? '?'}`.padStart(4);
    const type = event.eventType ?? 'UnknownEvent';
    const meaning = DECISION_TASK_EVENTS[type] ?? this.#describe(event);
    return `${elapsed} ${id}  ${type.padEnd(34)} ${meaning}`.trimEnd();
  }

  #describe(event: HistoryEvent): string {
    switch (event.eventType) {
      case 'WorkflowExecutionStarted': {
        const attributes = event.workflowExecutionStartedEventAttributes;
        return `${attributes?.workflowType?.name}@${attributes?.workflowType?.version} on task list "${attributes?.taskList?.name}"`;
      }
      case 'ActivityTaskScheduled': {
        const attributes = event.activityTaskScheduledEventAttributes;
        const name = attributes?.activityType?.name ?? '?';
        const activityId = attributes?.activityId ?? '?';
        this.#activityNames.set(event.eventId ?? 0, name);
        const attempt = (this.#attempts.get(activityId) ?? 0) + 1;
        this.#attempts.set(activityId, attempt);
        const notes = [attempt > 1 ? `retry, attempt ${attempt}` : '', attributes?.control === 'compensation' ? 'compensation' : ''].filter(Boolean);
        return `${name} (${activityId})${notes.length > 0 ? ` [${notes.join(', ')}]` : ''}`;
      }
      case 'ActivityTaskStarted':
        return this.#activity(event.activityTaskStartedEventAttributes?.scheduledEventId);
      case 'ActivityTaskCompleted': {
        const attributes = event.activityTaskCompletedEventAttributes;
        return `${this.#activity(attributes?.scheduledEventId)} -> ${shorten(attributes?.result)}`;
      }
      case 'ActivityTaskFailed': {
        const attributes = event.activityTaskFailedEventAttributes;
        return `${this.#activity(attributes?.scheduledEventId)}: ${failureText(attributes?.reason, attributes?.details)}`;
      }
      case 'ActivityTaskTimedOut': {
        const attributes = event.activityTaskTimedOutEventAttributes;
        return `${this.#activity(attributes?.scheduledEventId)}: ${attributes?.timeoutType}`;
      }
      case 'ActivityTaskCancelRequested':
        return `cancel requested for ${event.activityTaskCancelRequestedEventAttributes?.activityId}`;
      case 'ActivityTaskCanceled':
        return this.#activity(event.activityTaskCanceledEventAttributes?.scheduledEventId);
      case 'TimerStarted': {
        const attributes = event.timerStartedEventAttributes;
        const timerId = attributes?.timerId ?? '?';
        const seconds = attributes?.startToFireTimeout === undefined ? '?' : fromSwfDuration(attributes.startToFireTimeout);
        return `${timerId}, fires in ${seconds}s${RETRY_TIMER.test(timerId) ? ' [retry backoff]' : ''}`;
      }
      case 'TimerFired':
        return event.timerFiredEventAttributes?.timerId ?? '';
      case 'TimerCanceled':
        return event.timerCanceledEventAttributes?.timerId ?? '';
      case 'WorkflowExecutionSignaled': {
        const attributes = event.workflowExecutionSignaledEventAttributes;
        return `${attributes?.signalName} ${shorten(attributes?.input)}`;
      }
      case 'MarkerRecorded': {
        const attributes = event.markerRecordedEventAttributes;
        return `${attributes?.markerName} ${shorten(attributes?.details)}`;
      }
      case 'StartChildWorkflowExecutionInitiated': {
        const attributes = event.startChildWorkflowExecutionInitiatedEventAttributes;
        return `${attributes?.workflowType?.name} ${attributes?.workflowId}`;
      }
      case 'ChildWorkflowExecutionCompleted':
      case 'ChildWorkflowExecutionFailed':
      case 'ChildWorkflowExecutionStarted':
        return this.#child(event);
      case 'LambdaFunctionScheduled': {
        const attributes = event.lambdaFunctionScheduledEventAttributes;
        this.#lambdaNames.set(event.eventId ?? 0, attributes?.name ?? '?');
        return `${attributes?.name} (${attributes?.id})`;
      }
      case 'LambdaFunctionCompleted': {
        const attributes = event.lambdaFunctionCompletedEventAttributes;
        return `${this.#lambdaNames.get(attributes?.scheduledEventId ?? 0) ?? '?'} -> ${shorten(attributes?.result)}`;
      }
      case 'WorkflowExecutionCompleted':
        return shorten(event.workflowExecutionCompletedEventAttributes?.result, 120);
      case 'WorkflowExecutionFailed': {
        const attributes = event.workflowExecutionFailedEventAttributes;
        return failureText(attributes?.reason, attributes?.details);
      }
      case 'WorkflowExecutionContinuedAsNew':
        return `new run ${event.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId}`;
      default:
        return '';
    }
  }

  #activity(scheduledEventId: number | undefined): string {
    return this.#activityNames.get(scheduledEventId ?? 0) ?? `activity scheduled in #${scheduledEventId}`;
  }

  #child(event: HistoryEvent): string {
    const attributes =
      event.childWorkflowExecutionCompletedEventAttributes ??
      event.childWorkflowExecutionFailedEventAttributes ??
      event.childWorkflowExecutionStartedEventAttributes;
    return `${attributes?.workflowType?.name} ${attributes?.workflowExecution?.workflowId}`;
  }
}
