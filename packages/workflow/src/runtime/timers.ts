/** Durable timers: `sleep`, the timers behind condition timeouts and retries, and their events. */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { CancelledFailure, SwfCauseFailure, toSwfDuration, type DurationInput, type EventAttributes } from '@swirl/core';
import { buildDecision } from '../decisions.js';
import type { TimerOptions } from '../options.js';
import { withdrawIfUnsent } from './command-outbox.js';
import { Deferred } from './deferred.js';
import type { ExecutionKernel } from './execution-kernel.js';
import { TimerOperation, type TimerHandlers } from './operations.js';
import { stabilizeStack } from './stable-stack.js';

export class Timers {
  readonly #kernel: ExecutionKernel;

  constructor(kernel: ExecutionKernel) {
    this.#kernel = kernel;
  }

  /** Starts a timer whose outcome goes to `handlers`. */
  start(timerId: string, after: DurationInput, handlers: TimerHandlers): TimerOperation {
    const timer = new TimerOperation(timerId, handlers);
    timer.command = this.#kernel.push(buildDecision('StartTimer', { timerId, startToFireTimeout: toSwfDuration(after) }), timer);
    return timer;
  }

  /** Cancels a pending timer: drops it if it was never sent, otherwise sends CancelTimer. */
  cancel(timer: TimerOperation): void {
    if (timer.state !== 'pending') return;
    timer.state = 'cancelled';
    if (timer.command && !timer.command.sent) timer.command.dropped = true;
    else timer.cancelCommand = this.#kernel.push(buildDecision('CancelTimer', { timerId: timer.timerId }), timer);
    timer.handlers.onCancelled();
  }

  sleep(after: DurationInput, options: TimerOptions): Promise<void> {
    this.#kernel.touch();
    const result = new Deferred<void>();
    const scope = options.scope ?? this.#kernel.rootScope;
    const timerId = options.timerId ?? `t${this.#kernel.nextId('timer')}`;
    if (scope.isCancelled) {
      result.reject(stabilizeStack(new CancelledFailure(`Timer ${timerId} was not started: its scope is cancelled`)));
      return result.promise;
    }
    let unsubscribe = (): void => undefined;
    const timer = this.start(timerId, after, {
      onFired: () => {
        unsubscribe();
        result.resolve();
      },
      onCancelled: () => {
        unsubscribe();
        result.reject(stabilizeStack(new CancelledFailure(`Timer ${timerId} was cancelled`)));
      },
      onFailed: (error) => {
        unsubscribe();
        result.reject(error);
      },
    });
    unsubscribe = scope.onCancel(() => this.cancel(timer));
    return result.promise;
  }

  started(event: HistoryEvent): boolean {
    this.#kernel.owner<TimerOperation>(event.eventId, 'timer', event);
    return false;
  }

  startFailed(event: HistoryEvent, attributes: EventAttributes<'StartTimerFailed'>): boolean {
    const timer = this.#kernel.owner<TimerOperation>(event.eventId, 'timer', event);
    if (timer.state !== 'pending') return false;
    timer.state = 'cancelled';
    // A timer SWF refused never fires: its awaiting code sees the SWF cause as a rejection.
    timer.handlers.onFailed(stabilizeStack(new SwfCauseFailure({ eventType: 'StartTimerFailed', cause: String(attributes.cause), eventId: event.eventId })));
    return true;
  }

  fired(event: HistoryEvent, attributes: EventAttributes<'TimerFired'>): boolean {
    const timer = this.#kernel.owner<TimerOperation>(attributes.startedEventId, 'timer', event);
    if (timer.state === 'cancelled') {
      // The workflow cancelled it while this task's events were applied, but SWF fired it first:
      // a CancelTimer now would only be recorded as CancelTimerFailed (TIMER_ID_UNKNOWN).
      withdrawIfUnsent(timer.cancelCommand);
      return false;
    }
    if (timer.state !== 'pending') return false;
    timer.state = 'fired';
    timer.handlers.onFired();
    return true;
  }
}
