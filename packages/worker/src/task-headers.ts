/**
 * Payload headers on the decision path: reading the ones a run was started and signalled with from
 * its raw (undecoded) events, and writing a decision task's outbound headers in front of the input
 * of each decision that starts work elsewhere.
 */
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { SWF_LIMITS, assertPayloadSize, attachHeaders, readHeaders, type PayloadHeaders } from '@swirl/core';

/** The decisions whose input starts work elsewhere, and so carries the deciding task's headers. */
const OUTBOUND_INPUT = {
  ScheduleActivityTask: 'scheduleActivityTaskDecisionAttributes',
  StartChildWorkflowExecution: 'startChildWorkflowExecutionDecisionAttributes',
  ContinueAsNewWorkflowExecution: 'continueAsNewWorkflowExecutionDecisionAttributes',
  SignalExternalWorkflowExecution: 'signalExternalWorkflowExecutionDecisionAttributes',
} as const satisfies Partial<Record<string, keyof Decision>>;

/** The headers in front of the run's WorkflowExecutionStarted input; none when `events` does not start at event 1. */
export function startHeaders(events: readonly HistoryEvent[]): PayloadHeaders {
  const first = events[0];
  return first?.eventType === 'WorkflowExecutionStarted' ? readHeaders(first.workflowExecutionStartedEventAttributes?.input) : {};
}

/** The signals among `events` with the headers in front of their input. */
export function signalHeaders(events: readonly HistoryEvent[]): { signalName: string; eventId: number; headers: PayloadHeaders }[] {
  return events
    .filter((event) => event.eventType === 'WorkflowExecutionSignaled')
    .map((event) => ({
      signalName: event.workflowExecutionSignaledEventAttributes?.signalName ?? '',
      eventId: event.eventId ?? 0,
      headers: readHeaders(event.workflowExecutionSignaledEventAttributes?.input),
    }));
}

/** The encoded decision with `headers` in front of its input, when it starts work elsewhere; checked against SWF's payload limit. */
export function withOutboundHeaders(decision: Decision, headers: PayloadHeaders): Decision {
  if (Object.keys(headers).length === 0) return decision;
  const key = OUTBOUND_INPUT[decision.decisionType as keyof typeof OUTBOUND_INPUT] as keyof Decision | undefined;
  if (key === undefined) return decision;
  const attributes = decision[key] as { input?: string } | undefined;
  if (attributes === undefined) return decision;
  const input = attachHeaders(attributes.input, headers);
  assertPayloadSize(`${decision.decisionType}.input`, input, SWF_LIMITS.payload);
  return { ...decision, [key]: { ...attributes, input } };
}
