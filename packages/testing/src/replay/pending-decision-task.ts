/**
 * A recorded history of an open execution often ends with events no decision task has seen yet
 * (an activity result, a signal, a timed-out decision task). Replay appends the decision task SWF
 * would start next, so the workflow code also receives those events instead of skipping them.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { eventAttributesKey, isBookkeepingEvent, isCloseEvent, recordedDecisionCompletedId } from '@swirl/core';

/** Identity recorded on the decision task replay starts itself, so it is recognisable in errors. */
export const REPLAY_IDENTITY = 'swirl-replay';

function event(eventId: number, eventTimestamp: Date, type: 'DecisionTaskScheduled' | 'DecisionTaskStarted', attributes: object): HistoryEvent {
  return { eventId, eventTimestamp, eventType: type, [eventAttributesKey(type)]: attributes } as HistoryEvent;
}

/**
 * True when the last completed decision task did not see some input: an event recorded after that
 * task started (a signal that arrived while the decider worked comes between its Started and
 * Completed) that is not one of the decisions it recorded.
 */
function hasUndecidedInput(events: readonly HistoryEvent[]): boolean {
  const completed = events.findLast((candidate) => candidate.eventType === 'DecisionTaskCompleted');
  const completedId = completed?.eventId;
  const startedId = completed?.decisionTaskCompletedEventAttributes?.startedEventId ?? 0;
  return events.some(
    (candidate) =>
      (candidate.eventId ?? 0) > startedId &&
      !isBookkeepingEvent(candidate) &&
      (completedId === undefined || recordedDecisionCompletedId(candidate) !== completedId),
  );
}

/**
 * `events` (oldest first) plus a DecisionTaskScheduled/DecisionTaskStarted pair when the run is
 * open and events after its last decision task are waiting to be decided; otherwise `events` as is.
 */
export function withPendingDecisionTask(events: readonly HistoryEvent[]): readonly HistoryEvent[] {
  const last = events.at(-1);
  if (!last || isCloseEvent(last) || last.eventType === 'DecisionTaskStarted' || !hasUndecidedInput(events)) return events;
  return withStartedDecisionTask(events);
}

/** Id of a DecisionTaskScheduled not yet started (SWF schedules no second task meanwhile), or undefined. */
function unstartedDecisionTask(events: readonly HistoryEvent[]): number | undefined {
  const last = events.findLast((candidate) => candidate.eventType?.startsWith('DecisionTask'));
  return last?.eventType === 'DecisionTaskScheduled' ? last.eventId : undefined;
}

/**
 * `events` followed by the next decision task, started: a DecisionTaskScheduled (unless one is
 * waiting to start) and its DecisionTaskStarted, stamped with the last event's time.
 */
export function withStartedDecisionTask(events: readonly HistoryEvent[]): HistoryEvent[] {
  const last = events.at(-1);
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  const at = last?.eventTimestamp ?? new Date(0);
  const lastId = last?.eventId ?? 0;
  const tail: HistoryEvent[] = [];
  let scheduledEventId = unstartedDecisionTask(events);
  if (scheduledEventId === undefined) {
    scheduledEventId = lastId + 1;
    tail.push(
      event(scheduledEventId, at, 'DecisionTaskScheduled', {
        taskList: started?.taskList ?? { name: REPLAY_IDENTITY },
        startToCloseTimeout: started?.taskStartToCloseTimeout ?? 'NONE',
      }),
    );
  }
  tail.push(event(lastId + tail.length + 1, at, 'DecisionTaskStarted', { scheduledEventId, identity: REPLAY_IDENTITY }));
  return [...events, ...tail];
}
