/** Appending an event to a run's history, with its id, time and attributes. */
import { eventAttributesKey } from '@swirl/core';
import type { ExecutionRecord, HistoryEventRecord } from '../../store/records.js';
import { toWireTime } from '../time/durations.js';
import { SCHEDULES_DECISION, type EventType } from './event-types.js';
import type { EngineState } from '../engine-state.js';

/** Attributes of an event in wire form; `undefined` values are dropped, as the service omits them. */
export type EventAttributes = Record<string, unknown>;

/**
 * Appends one event to a run's history and returns its id. Events marked ★ in SWF-SEMANTICS §5
 * set `decisionNeeded`; the end of the atomic step turns that into a DecisionTaskScheduled or a
 * pending decision (see `finalizeExecution`).
 */
export function recordEvent(state: EngineState, execution: ExecutionRecord, eventType: EventType, attributes: EventAttributes): number {
  const eventId = execution.eventCount + 1;
  const event: HistoryEventRecord = {
    eventId,
    eventTimestamp: toWireTime(state.now()),
    eventType,
    [eventAttributesKey(eventType)]: withoutUndefined(attributes),
  };
  execution.eventCount = eventId;
  state.store.appendEvents(execution.domain, execution.workflowId, execution.runId, [event]);
  if (SCHEDULES_DECISION[eventType]) execution.decisionNeeded = true;
  state.touch(execution);
  return eventId;
}

function withoutUndefined(attributes: EventAttributes): EventAttributes {
  const result: EventAttributes = {};
  for (const key in attributes) {
    const value = attributes[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** `{ workflowId, runId }` as it appears in events and responses. */
export const executionRef = (execution: ExecutionRecord): { workflowId: string; runId: string } => ({
  workflowId: execution.workflowId,
  runId: execution.runId,
});
