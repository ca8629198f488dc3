/** Activity tasks: scheduling through the typed proxies, cancellation, retries, and their 9 events. */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { ActivityFailure, CancelledFailure, SwfCauseFailure, TimeoutFailure, type EventAttributes, type ResolvedActivityType, type TimeoutType } from '@swirl/core';
import { buildDecision } from '../decisions.js';
import type { ActivityOptions } from '../options.js';
import { compileRetryPolicy } from '../retry-policy.js';
import { wireDuration, wirePriority, type ExecutionKernel } from './execution-kernel.js';
import { ActivityOperation, CancelRequestOperation } from './operations.js';
import { scheduleRetry } from './retries.js';
import { decodeRecordedFailure, stabilizeStack } from './stable-stack.js';
import type { Timers } from './timers.js';

export class ActivityScheduler {
  readonly #kernel: ExecutionKernel;
  readonly #timers: Timers;

  constructor(kernel: ExecutionKernel, timers: Timers) {
    this.#kernel = kernel;
    this.#timers = timers;
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
      scheduleToStartTimeout: wireDuration(options.scheduleToStartTimeout) ?? type.defaultTaskScheduleToStartTimeout,
      startToCloseTimeout: wireDuration(options.startToCloseTimeout) ?? type.defaultTaskStartToCloseTimeout,
      scheduleToCloseTimeout: wireDuration(options.scheduleToCloseTimeout) ?? type.defaultTaskScheduleToCloseTimeout,
      heartbeatTimeout: wireDuration(options.heartbeatTimeout) ?? type.defaultTaskHeartbeatTimeout,
    };
    const retry = options.retry ? compileRetryPolicy(options.retry) : undefined;
    const operation = new ActivityOperation(attributes, retry, options.scope ?? kernel.rootScope);
    if (operation.scope.isCancelled) {
      this.#settle(operation, { error: stabilizeStack(new CancelledFailure(`Activity ${activityId} was not scheduled: its scope is cancelled`)) });
      return operation.result.promise;
    }
    this.#send(operation);
    operation.unsubscribe = operation.scope.onCancel(() => this.#cancel(operation));
    return operation.result.promise;
  }

  #send(operation: ActivityOperation): void {
    operation.state = 'queued';
    operation.command = this.#kernel.push(buildDecision('ScheduleActivityTask', operation.attributes), operation);
  }

  #settle(operation: ActivityOperation, outcome: { value: unknown } | { error: Error }): void {
    operation.state = 'closed';
    operation.unsubscribe();
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
    if (operation.state === 'closed' || operation.cancelRequested) return;
    operation.cancelRequested = true;
    const cancelled = stabilizeStack(new CancelledFailure(`Activity ${operation.attributes.activityId} was cancelled`));
    if (operation.state === 'backoff' && operation.retryTimer) {
      this.#timers.cancel(operation.retryTimer);
      return this.#settle(operation, { error: cancelled });
    }
    if (operation.command && !operation.command.sent) {
      operation.command.dropped = true;
      return this.#settle(operation, { error: cancelled });
    }
    // Scheduled in SWF: ask for cancellation and let the activity's closing event settle the promise.
    const { activityId } = operation.attributes;
    this.#kernel.push(buildDecision('RequestCancelActivityTask', { activityId }), new CancelRequestOperation(activityId));
  }

  #attemptFailed(operation: ActivityOperation, cause: Error): void {
    const timer = scheduleRetry(this.#kernel, this.#timers, {
      retry: operation.retry,
      attempt: operation.attempt,
      cancelled: operation.cancelRequested || operation.scope.isCancelled,
      cause,
      restart: () => {
        operation.retryTimer = undefined;
        operation.attempt++;
        this.#send(operation);
      },
      fail: (error) => this.#settle(operation, { error }),
    });
    if (!timer) return this.#settle(operation, { error: cause });
    operation.state = 'backoff';
    operation.retryTimer = timer;
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
    this.#attemptFailed(this.#of(attributes.scheduledEventId, event), decodeRecordedFailure(attributes.reason, attributes.details));
    return true;
  }

  timedOut(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskTimedOut'>): boolean {
    const operation = this.#of(attributes.scheduledEventId, event);
    const timeoutType = attributes.timeoutType as TimeoutType;
    const lastHeartbeatDetails = this.#kernel.converter.fromPayload(attributes.details);
    const cause = new TimeoutFailure(`Activity ${operation.attributes.activityId} timed out (${timeoutType})`, timeoutType, lastHeartbeatDetails);
    this.#attemptFailed(operation, stabilizeStack(cause));
    return true;
  }

  canceled(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskCanceled'>): boolean {
    const operation = this.#of(attributes.scheduledEventId, event);
    const details = this.#kernel.converter.fromPayload(attributes.details);
    this.#settle(operation, { error: stabilizeStack(new CancelledFailure(`Activity ${operation.attributes.activityId} was cancelled`, details)) });
    return true;
  }
}
