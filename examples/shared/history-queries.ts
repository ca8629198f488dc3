/** Small readers of history events, so the examples' tests state what happened in SWF's own terms. */
import type { HistoryEvent } from '@aws-sdk/client-swf';

export interface ScheduledActivity {
  readonly name: string;
  readonly activityId: string;
  readonly control: string | undefined;
  readonly taskList: string | undefined;
  /** The decision that scheduled it: activities with the same one were scheduled together. */
  readonly decisionTaskCompletedEventId: number;
}

/** Every ActivityTaskScheduled event, oldest first. */
export function scheduledActivities(events: readonly HistoryEvent[]): ScheduledActivity[] {
  return events.flatMap((event) => {
    const attributes = event.activityTaskScheduledEventAttributes;
    if (event.eventType !== 'ActivityTaskScheduled' || !attributes) return [];
    return [
      {
        name: attributes.activityType?.name ?? '',
        activityId: attributes.activityId ?? '',
        control: attributes.control,
        taskList: attributes.taskList?.name,
        decisionTaskCompletedEventId: attributes.decisionTaskCompletedEventId ?? 0,
      },
    ];
  });
}

/** The event types, oldest first. */
export function eventTypes(events: readonly HistoryEvent[]): string[] {
  return events.map((event) => event.eventType ?? '');
}

/** The events of one type, oldest first. */
export function eventsOfType(events: readonly HistoryEvent[], type: string): HistoryEvent[] {
  return events.filter((event) => event.eventType === type);
}
