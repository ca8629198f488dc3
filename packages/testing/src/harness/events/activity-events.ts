/**
 * Activity tasks, scheduled to closed. A close of an activity that has not started records its
 * ActivityTaskStarted first, as SWF would have.
 */
import { toOptionalSwfDuration, type DurationInput, type EventAttributes } from '@swirl/core';
import { DecisionTaskEvents } from './decision-task-events.js';
import type { Cause, FailureInput } from './history-recorder.js';

export interface ActivityScheduledOptions {
  readonly activityType: { readonly name: string; readonly version: string };
  readonly input?: unknown;
  /** @default 'test-activities' */
  readonly taskList?: string;
  readonly control?: string;
  readonly startToCloseTimeout?: DurationInput;
  readonly scheduleToStartTimeout?: DurationInput;
  readonly scheduleToCloseTimeout?: DurationInput;
  readonly heartbeatTimeout?: DurationInput;
}

export class ActivityEvents extends DecisionTaskEvents {
  #scheduledActivityId(activityId: string): number {
    return this.find('ActivityTaskScheduled', (attributes) => attributes.activityId === activityId);
  }

  #startedActivityId(activityId: string): number {
    const scheduledEventId = this.#scheduledActivityId(activityId);
    if (!this.has('ActivityTaskStarted', (attributes) => attributes.scheduledEventId === scheduledEventId)) this.activityTaskStarted(activityId);
    return this.find('ActivityTaskStarted', (attributes) => attributes.scheduledEventId === scheduledEventId);
  }

  activityTaskScheduled(activityId: string, options: ActivityScheduledOptions): this {
    return this.add('ActivityTaskScheduled', {
      activityId,
      activityType: { name: options.activityType.name, version: options.activityType.version },
      input: this.payload(options.input),
      control: options.control,
      taskList: { name: options.taskList ?? 'test-activities' },
      startToCloseTimeout: toOptionalSwfDuration(options.startToCloseTimeout),
      scheduleToStartTimeout: toOptionalSwfDuration(options.scheduleToStartTimeout),
      scheduleToCloseTimeout: toOptionalSwfDuration(options.scheduleToCloseTimeout),
      heartbeatTimeout: toOptionalSwfDuration(options.heartbeatTimeout),
      decisionTaskCompletedEventId: this.lastCompletedId('activityTaskScheduled'),
    });
  }

  scheduleActivityTaskFailed(activityId: string, activityType: { readonly name: string; readonly version: string }, cause: Cause<'ScheduleActivityTaskFailed'>): this {
    return this.add('ScheduleActivityTaskFailed', {
      activityId,
      activityType: { name: activityType.name, version: activityType.version },
      cause,
      decisionTaskCompletedEventId: this.lastCompletedId('scheduleActivityTaskFailed'),
    });
  }

  activityTaskStarted(activityId: string): this {
    return this.add('ActivityTaskStarted', { scheduledEventId: this.#scheduledActivityId(activityId), identity: this.identity });
  }

  /** ActivityTaskCompleted (recording ActivityTaskStarted first when the activity has not started). */
  activityTaskCompleted(activityId: string, result?: unknown): this {
    const startedEventId = this.#startedActivityId(activityId);
    return this.add('ActivityTaskCompleted', { scheduledEventId: this.#scheduledActivityId(activityId), startedEventId, result: this.payload(result) });
  }

  /** ActivityTaskFailed (recording ActivityTaskStarted first when needed); an Error is serialized as a worker would. */
  activityTaskFailed(activityId: string, failure?: FailureInput): this {
    const startedEventId = this.#startedActivityId(activityId);
    return this.add('ActivityTaskFailed', { scheduledEventId: this.#scheduledActivityId(activityId), startedEventId, ...this.failure(failure) });
  }

  /** ActivityTaskTimedOut; a SCHEDULE_TO_START timeout links no started event. */
  activityTaskTimedOut(activityId: string, timeoutType: EventAttributes<'ActivityTaskTimedOut'>['timeoutType'], details?: unknown): this {
    const startedEventId = timeoutType === 'SCHEDULE_TO_START' ? 0 : this.#startedActivityId(activityId);
    return this.add('ActivityTaskTimedOut', { scheduledEventId: this.#scheduledActivityId(activityId), startedEventId, timeoutType, details: this.payload(details) });
  }

  activityTaskCancelRequested(activityId: string): this {
    return this.add('ActivityTaskCancelRequested', { activityId, decisionTaskCompletedEventId: this.lastCompletedId('activityTaskCancelRequested') });
  }

  requestCancelActivityTaskFailed(activityId: string, cause: Cause<'RequestCancelActivityTaskFailed'>): this {
    return this.add('RequestCancelActivityTaskFailed', { activityId, cause, decisionTaskCompletedEventId: this.lastCompletedId('requestCancelActivityTaskFailed') });
  }

  activityTaskCanceled(activityId: string, details?: unknown): this {
    const scheduledEventId = this.#scheduledActivityId(activityId);
    const started = this.has('ActivityTaskStarted', (attributes) => attributes.scheduledEventId === scheduledEventId);
    const cancelRequested = this.has('ActivityTaskCancelRequested', (attributes) => attributes.activityId === activityId);
    return this.add('ActivityTaskCanceled', {
      scheduledEventId,
      startedEventId: started ? this.#startedActivityId(activityId) : 0,
      latestCancelRequestedEventId: cancelRequested ? this.find('ActivityTaskCancelRequested', (attributes) => attributes.activityId === activityId) : 0,
      details: this.payload(details),
    });
  }
}
