/**
 * The SWF history of a finished `SequentialActivities` run of `count` activities, event for event as
 * SWF records it: 4 events to start, 6 per activity (scheduled, started, completed, and the decision
 * task that reacts), 1 to complete. 6 * count + 5 events in all.
 */
import type { EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { eventAttributesKey, resolveActivityType, type EventAttributes } from '@swirl/core';
import { BENCH_ACTIVITY_TASK_LIST, BENCH_TASK_LIST, NoopActivities, SequentialActivities } from '../../workloads/sequential-activities.js';

const START_MS = Date.UTC(2024, 0, 1);

/** Events in a finished run of `count` sequential activities. */
export function sequentialHistoryLength(count: number): number {
  return 6 * count + 5;
}

/** The largest activity count whose history fits SWF's event limit. */
export function largestCountWithin(eventLimit: number): number {
  return Math.floor((eventLimit - 5) / 6);
}

class SwfHistoryWriter {
  readonly events: HistoryEvent[] = [];

  add<T extends EventType>(type: T, attributes: EventAttributes<T>): number {
    const eventId = this.events.length + 1;
    this.events.push({ eventId, eventType: type, eventTimestamp: new Date(START_MS + eventId), [eventAttributesKey(type)]: attributes } as HistoryEvent);
    return eventId;
  }

  /** DecisionTaskScheduled, Started, Completed; returns the Completed id. */
  decisionTask(): number {
    const scheduledEventId = this.add('DecisionTaskScheduled', { taskList: { name: BENCH_TASK_LIST }, startToCloseTimeout: '60' });
    const startedEventId = this.add('DecisionTaskStarted', { scheduledEventId, identity: 'bench-decider' });
    return this.add('DecisionTaskCompleted', { scheduledEventId, startedEventId });
  }
}

export function buildSwirlSequentialHistory(count: number): HistoryEvent[] {
  const history = new SwfHistoryWriter();
  const { name, version } = resolveActivityType(NoopActivities, 'noop');
  history.add('WorkflowExecutionStarted', {
    workflowType: { name: SequentialActivities.type.name, version: SequentialActivities.type.version },
    taskList: { name: BENCH_TASK_LIST },
    childPolicy: 'TERMINATE',
    executionStartToCloseTimeout: '86400',
    taskStartToCloseTimeout: '60',
    input: JSON.stringify(count),
    parentInitiatedEventId: 0,
  });
  let completedId = history.decisionTask();
  for (let n = 1; n <= count; n += 1) {
    const scheduledEventId = history.add('ActivityTaskScheduled', {
      activityType: { name, version },
      activityId: `a${n}`,
      taskList: { name: BENCH_ACTIVITY_TASK_LIST },
      decisionTaskCompletedEventId: completedId,
      startToCloseTimeout: '60',
      scheduleToStartTimeout: '300',
      scheduleToCloseTimeout: '360',
      heartbeatTimeout: '60',
    });
    const startedEventId = history.add('ActivityTaskStarted', { scheduledEventId, identity: 'bench-activity-worker' });
    history.add('ActivityTaskCompleted', { scheduledEventId, startedEventId, result: '"ok"' });
    completedId = history.decisionTask();
  }
  history.add('WorkflowExecutionCompleted', { decisionTaskCompletedEventId: completedId, result: JSON.stringify(count) });
  return history.events;
}
