/**
 * The determinism check: the decisions a replayed batch produces must be the ones history
 * recorded after its DecisionTaskCompleted, in order. Each decision type is matched against the
 * event types that can record it (the success event or its `*Failed` twin) on its identifying fields.
 */
import type { Decision, DecisionType, HistoryEvent } from '@aws-sdk/client-swf';
import { anyAttributesOf, decisionAttributesKey, NonDeterminismError } from '@swirl/core';
import type { DecisionBatch } from '@swirl/core';
import type { Command, Operation } from './operations.js';

interface DecisionMatcher {
  /** Event types that record this decision. */
  readonly events: readonly string[];
  /** Attribute paths that must be equal in decision and event (when the event carries them). */
  readonly keys: readonly string[];
}

const MATCHERS = {
  ScheduleActivityTask: { events: ['ActivityTaskScheduled', 'ScheduleActivityTaskFailed'], keys: ['activityId', 'activityType.name', 'activityType.version'] },
  RequestCancelActivityTask: { events: ['ActivityTaskCancelRequested', 'RequestCancelActivityTaskFailed'], keys: ['activityId'] },
  StartTimer: { events: ['TimerStarted', 'StartTimerFailed'], keys: ['timerId'] },
  CancelTimer: { events: ['TimerCanceled', 'CancelTimerFailed'], keys: ['timerId'] },
  RecordMarker: { events: ['MarkerRecorded', 'RecordMarkerFailed'], keys: ['markerName'] },
  StartChildWorkflowExecution: {
    events: ['StartChildWorkflowExecutionInitiated', 'StartChildWorkflowExecutionFailed'],
    keys: ['workflowId', 'workflowType.name', 'workflowType.version'],
  },
  SignalExternalWorkflowExecution: {
    events: ['SignalExternalWorkflowExecutionInitiated', 'SignalExternalWorkflowExecutionFailed'],
    keys: ['workflowId', 'signalName'],
  },
  RequestCancelExternalWorkflowExecution: {
    events: ['RequestCancelExternalWorkflowExecutionInitiated', 'RequestCancelExternalWorkflowExecutionFailed'],
    keys: ['workflowId'],
  },
  ScheduleLambdaFunction: { events: ['LambdaFunctionScheduled', 'ScheduleLambdaFunctionFailed'], keys: ['id', 'name'] },
  CompleteWorkflowExecution: { events: ['WorkflowExecutionCompleted', 'CompleteWorkflowExecutionFailed'], keys: [] },
  FailWorkflowExecution: { events: ['WorkflowExecutionFailed', 'FailWorkflowExecutionFailed'], keys: [] },
  CancelWorkflowExecution: { events: ['WorkflowExecutionCanceled', 'CancelWorkflowExecutionFailed'], keys: [] },
  ContinueAsNewWorkflowExecution: { events: ['WorkflowExecutionContinuedAsNew', 'ContinueAsNewWorkflowExecutionFailed'], keys: [] },
} satisfies Record<DecisionType, DecisionMatcher>;

/** Each attribute path split once: the check runs for every recorded decision of a replay. */
const PATH_PARTS = new Map<string, readonly string[]>();

function valueAt(attributes: Readonly<Record<string, unknown>>, path: string): unknown {
  let parts = PATH_PARTS.get(path);
  if (!parts) {
    parts = path.split('.');
    PATH_PARTS.set(path, parts);
  }
  let value: unknown = attributes;
  for (const part of parts) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

function decisionAttributes(decision: Decision): Readonly<Record<string, unknown>> {
  const type = decision.decisionType as DecisionType;
  return ((decision as unknown as Record<string, unknown>)[decisionAttributesKey(type)] ?? {}) as Record<string, unknown>;
}

function matches(decision: Decision, event: HistoryEvent): boolean {
  const matcher: DecisionMatcher = MATCHERS[decision.decisionType as DecisionType];
  if (!matcher.events.includes(event.eventType ?? '')) return false;
  const produced = decisionAttributes(decision);
  const recorded = anyAttributesOf(event);
  for (const key of matcher.keys) {
    const recordedValue = valueAt(recorded, key);
    // `*Failed` events omit some identifying fields (e.g. signalName); compare what is there.
    if (recordedValue !== undefined && recordedValue !== valueAt(produced, key)) return false;
  }
  return true;
}

/** One line naming a decision and its identifying fields. */
export function describeDecision(decision: Decision): string {
  const type = decision.decisionType as DecisionType;
  const attributes = decisionAttributes(decision);
  const keys = MATCHERS[type].keys.map((key) => `${key}=${JSON.stringify(valueAt(attributes, key))}`);
  return [type, ...keys].join(' ');
}

/** One line naming a recorded event and its identifying fields. */
export function describeEvent(event: HistoryEvent): string {
  const attributes = anyAttributesOf(event);
  const keys = ['activityId', 'timerId', 'markerName', 'workflowId', 'signalName', 'id', 'name', 'activityType.name', 'workflowType.name']
    .filter((key) => valueAt(attributes, key) !== undefined)
    .map((key) => `${key}=${JSON.stringify(valueAt(attributes, key))}`);
  return [`${event.eventType ?? 'unknown'} (event ${event.eventId ?? '?'})`, ...keys].join(' ');
}

/**
 * Checks that `sent` equals the decisions recorded for `batch` and links each recorded event id to
 * the operation of its command. Throws `NonDeterminismError` at the first difference.
 */
export function confirmRecordedDecisions(batch: DecisionBatch, sent: readonly Command[], link: (eventId: number, operation: Operation) => void): void {
  const recorded = batch.decisionEvents;
  const count = Math.max(recorded.length, sent.length);
  for (let i = 0; i < count; i++) {
    const event = recorded[i];
    const command = sent[i];
    if (!event || !command || !matches(command.decision, event)) {
      throw new NonDeterminismError({
        eventId: event?.eventId ?? batch.completedEvent?.eventId ?? batch.startedEventId,
        recorded: event ? describeEvent(event) : `no further decision after DecisionTaskCompleted ${batch.completedEvent?.eventId ?? '?'}`,
        produced: command ? describeDecision(command.decision) : undefined,
      });
    }
    link(event.eventId as number, command.operation);
  }
}
