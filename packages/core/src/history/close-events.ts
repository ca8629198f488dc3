/**
 * The events that close a run. A run records exactly one of them, last; the client waits for one
 * and the replay tools treat a history ending in one as finished, so both ask here.
 */
import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';

const CLOSE_EVENT_TYPES: ReadonlySet<string> = new Set<EventType>([
  'WorkflowExecutionCompleted',
  'WorkflowExecutionFailed',
  'WorkflowExecutionCanceled',
  'WorkflowExecutionTerminated',
  'WorkflowExecutionTimedOut',
  'WorkflowExecutionContinuedAsNew',
]);

/** Whether `event` closes its run (completed, failed, canceled, terminated, timed out or continued as new). */
export function isCloseEvent(event: HistoryEvent): boolean {
  return event.eventType !== undefined && CLOSE_EVENT_TYPES.has(event.eventType);
}
