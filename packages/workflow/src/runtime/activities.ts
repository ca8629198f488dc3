/** Activity tasks: scheduling through the typed proxies, cancellation, retries, and their 9 events. */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { ActivityFailure, CancelledFailure, SwfCauseFailure, TimeoutFailure, toOptionalSwfDuration, type EventAttributes, type ResolvedActivityType, type TimeoutType } from '@swirl/core';
import { buildDecision } from '../decisions.js';
import type { ActivityOptions } from '../options.js';
import { compileRetryPolicy } from '../retry-policy.js';
import { withdrawIfUnsent } from './command-outbox.js';
import { wirePriority, type ExecutionKernel } from './execution-kernel.js';
import { ActivityOperation, CancelRequestOperation } from './operations.js';
import { RetryingAttempts } from './retries.js';
import { decodeRecordedFailure, stabilizeStack } from './stable-stack.js';
import type { Timers } from './timers.js';

export class ActivityScheduler {
  readonly #kernel: ExecutionKernel;
  readonly #attempts: RetryingAttempts<ActivityOperation>;

  constructor(kernel: ExecutionKernel, timers: Timers) {
    this.#kernel = kernel;
    this.#attempts = new RetryingAttempts(kernel, timers, {
      decision: (operation) => buildDecision('ScheduleActivityTask', operation.attributes),
      fail: (operation, error) => this.#settle(operation, { error }),
      cancel: (operation) => this.#cancel(operation),
    });
  }

  schedule(type: ResolvedActivityType, input: unknown, options: ActivityOptions): Promise<unknown> {
    const kernel = this.#kernel;
    kernel.touch();
    const activityId = options.activityId ?? `a${kernel.nextId('activity')}`;
    // Call options win; the activity class's own defaults come next, SWF's registered ones last.
    const attributes = {
      activityType: { name: type.name, version: type.version },
      activityId,
      input: kernel.converter.toPayload(input),
      control: options.control,
      taskList: options.taskList === undefined ? type.defaultTaskList : { name: options.taskList },
      taskPriority: wirePriority(options.taskPriority) ?? type.defaultTaskPriority,
      scheduleToStartTimeout: toOptionalSwfDuration(options.scheduleToStartTimeout) ?? type.defaultTaskScheduleToStartTimeout,
      startToCloseTimeout: toOptionalSwfDuration(options.startToCloseTimeout) ?? type.defaultTaskStartToCloseTimeout,
      scheduleToCloseTimeout: toOptionalSwfDuration(options.scheduleToCloseTimeout) ?? type.defaultTaskScheduleToCloseTimeout,
      heartbeatTimeout: toOptionalSwfDuration(options.heartbeatTimeout) ?? type.defaultTaskHeartbeatTimeout,
    };
    const retry = options.retry ? compileRetryPolicy(options.retry) : undefined;
    const operation = new ActivityOperation(attributes, retry, options.scope ?? kernel.rootScope);
    this.#attempts.start(operation, () => stabilizeStack(new CancelledFailure(`Activity ${activityId} was not scheduled: its scope is cancelled`)));
    return operation.result.promise;
  }

  #settle(operation: ActivityOperation, outcome: { value: unknown } | { error: Error }): void {
    operation.state = 'closed';
    operation.unsubscribe();
    // Closed in history before the cancel request went out: SWF would answer it with RequestCancelActivityTaskFailed.
    withdrawIfUnsent(operation.cancelRequest);
    if (!('error' in outcome)) return operation.result.resolve(outcome.value);
    const failure = new ActivityFailure({
      activityType: operation.attributes.activityType,
      activityId: operation.attributes.activityId,
      scheduledEventId: operation.scheduledEventId,
      startedEventId: operation.startedEventId,
      cause: outcome.error,
    });
    operation.result.reject(stabilizeStack(failure));
  }

  #cancel(operation: ActivityOperation): void {
    const { activityId } = operation.attributes;
    if (!this.#attempts.cancel(operation, () => stabilizeStack(new CancelledFailure(`Activity ${activityId} was cancelled`)))) return;
    // Scheduled in SWF: ask for cancellation and let the activity's closing event settle the promise.
    operation.cancelRequest = this.#kernel.push(buildDecision('RequestCancelActivityTask', { activityId }), new CancelRequestOperation(activityId));
  }

  #of(eventId: number | undefined, event: HistoryEvent): ActivityOperation {
    return this.#kernel.owner<ActivityOperation>(eventId, 'activity', event);
  }

  scheduled(event: HistoryEvent): boolean {
    const operation = this.#of(event.eventId, event);
    operation.state = 'scheduled';
    operation.scheduledEventId = event.eventId as number;
    return false;
  }

  scheduleFailed(event: HistoryEvent, attributes: EventAttributes<'ScheduleActivityTaskFailed'>): boolean {
    const cause = new SwfCauseFailure({ eventType: 'ScheduleActivityTaskFailed', cause: String(attributes.cause), eventId: event.eventId });
    this.#settle(this.#of(event.eventId, event), { error: stabilizeStack(cause) });
    return true;
  }

  started(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskStarted'>): boolean {
    const operation = this.#of(attributes.scheduledEventId, event);
    operation.state = 'started';
    operation.startedEventId = event.eventId as number;
    return false;
  }

  completed(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskCompleted'>): boolean {
    this.#settle(this.#of(attributes.scheduledEventId, event), { value: this.#kernel.converter.fromPayload(attributes.result) });
    return true;
  }

  failed(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskFailed'>): boolean {
    this.#attempts.attemptFailed(this.#of(attributes.scheduledEventId, event), decodeRecordedFailure(attributes.reason, attributes.details));
    return true;
  }

  timedOut(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskTimedOut'>): boolean {
    const operation = this.#of(attributes.scheduledEventId, event);
    const timeoutType = attributes.timeoutType as TimeoutType;
    const lastHeartbeatDetails = this.#kernel.converter.fromPayload(attributes.details);
    const cause = new TimeoutFailure(`Activity ${operation.attributes.activityId} timed out (${timeoutType})`, timeoutType, lastHeartbeatDetails);
    this.#attempts.attemptFailed(operation, stabilizeStack(cause));
    return true;
  }

  canceled(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskCanceled'>): boolean {
    const operation = this.#of(attributes.scheduledEventId, event);
    const details = this.#kernel.converter.fromPayload(attributes.details);
    this.#settle(operation, { error: stabilizeStack(new CancelledFailure(`Activity ${operation.attributes.activityId} was cancelled`, details)) });
    return true;
  }
}
