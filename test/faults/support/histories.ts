/** Checks on the histories a fault test reads back: event ids, the shape of a run, timed-out decision tasks. */
import type { HistoryEvent } from '@aws-sdk/client-swf';

/** What is wrong with the event ids of a history (empty when they run 1, 2, 3, … with no gap or repeat). */
export function eventIdProblems(events: readonly HistoryEvent[]): string[] {
  const problems: string[] = [];
  events.forEach((event, index) => {
    if (event.eventId !== index + 1) problems.push(`event ${index + 1} (${event.eventType}) has id ${event.eventId}`);
  });
  return problems;
}

/** The attributes of an event, whatever its type (each event carries one `<type>EventAttributes` member). */
function attributesOf(event: HistoryEvent): Record<string, unknown> {
  const name = `${event.eventType!.charAt(0).toLowerCase()}${event.eventType!.slice(1)}EventAttributes`;
  return ((event as unknown as Record<string, unknown>)[name] ?? {}) as Record<string, unknown>;
}

/**
 * A history without the decision task attempts that timed out: each DecisionTaskTimedOut with
 * its DecisionTaskScheduled and DecisionTaskStarted. What is left is what a run without the lost
 * attempts would have recorded.
 */
export function withoutTimedOutDecisionTasks(events: readonly HistoryEvent[]): HistoryEvent[] {
  const dropped = new Set<number>();
  for (const event of events) {
    if (event.eventType !== 'DecisionTaskTimedOut') continue;
    const attributes = event.decisionTaskTimedOutEventAttributes!;
    dropped.add(event.eventId!);
    dropped.add(attributes.scheduledEventId!);
    if (attributes.startedEventId) dropped.add(attributes.startedEventId);
  }
  return events.filter((event) => !dropped.has(event.eventId!));
}

/** Members that name what a run did, not where or when: kept in the shape. */
const SHAPE_MEMBERS = ['activityType', 'activityId', 'input', 'result', 'timerId', 'startToFireTimeout', 'markerName', 'details', 'signalName', 'workflowType', 'timeoutType', 'reason'];

/**
 * The shape of a history: each event's type with the members above, in order. Event ids, times,
 * identities, task lists and run ids are left out, so two runs of one workflow on one input have
 * the same shape whatever worker decided them.
 */
export function historyShape(events: readonly HistoryEvent[]): string[] {
  return events.map((event) => {
    const attributes = attributesOf(event);
    const kept = SHAPE_MEMBERS.filter((member) => attributes[member] !== undefined).map((member) => `${member}=${JSON.stringify(attributes[member])}`);
    return [event.eventType, ...kept].join(' ');
  });
}

/** The identity recorded in the DecisionTaskStarted (or ActivityTaskStarted) event with this id. */
export function startedBy(events: readonly HistoryEvent[], startedEventId: number): string | undefined {
  const started = events.find((event) => event.eventId === startedEventId);
  return started?.decisionTaskStartedEventAttributes?.identity ?? started?.activityTaskStartedEventAttributes?.identity;
}
