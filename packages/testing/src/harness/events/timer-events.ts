/**
 * Timers: started, fired (moving the clock to the due time), canceled, and the events of refused
 * timer decisions.
 */
import { toSwfDuration, type DurationInput } from '@swirl/core';
import type { Cause } from './history-recorder.js';
import { MarkerEvents } from './marker-events.js';

export class TimerEvents extends MarkerEvents {
  #timerStartedId(timerId: string): number {
    return this.find('TimerStarted', (attributes) => attributes.timerId === timerId);
  }

  timerStarted(timerId: string, startToFireTimeout: DurationInput, control?: string): this {
    return this.add('TimerStarted', {
      timerId,
      startToFireTimeout: toSwfDuration(startToFireTimeout),
      control,
      decisionTaskCompletedEventId: this.lastCompletedId('timerStarted'),
    });
  }

  startTimerFailed(timerId: string, cause: Cause<'StartTimerFailed'>): this {
    return this.add('StartTimerFailed', { timerId, cause, decisionTaskCompletedEventId: this.lastCompletedId('startTimerFailed') });
  }

  /** TimerFired; the clock first moves to the timer's due time when that is later. */
  timerFired(timerId: string): this {
    const startedEventId = this.#timerStartedId(timerId);
    const started = this.events[startedEventId - 1]!;
    const dueAt = started.eventTimestamp!.getTime() + Number(this.attributesOf(startedEventId, 'TimerStarted').startToFireTimeout) * 1_000;
    this.advanceClockTo(dueAt);
    return this.add('TimerFired', { timerId, startedEventId });
  }

  timerCanceled(timerId: string): this {
    return this.add('TimerCanceled', { timerId, startedEventId: this.#timerStartedId(timerId), decisionTaskCompletedEventId: this.lastCompletedId('timerCanceled') });
  }

  cancelTimerFailed(timerId: string, cause: Cause<'CancelTimerFailed'>): this {
    return this.add('CancelTimerFailed', { timerId, cause, decisionTaskCompletedEventId: this.lastCompletedId('cancelTimerFailed') });
  }
}
