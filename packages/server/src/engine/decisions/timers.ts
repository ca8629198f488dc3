import type { ExecutionRecord, TimerState } from '../../store/records.js';
import { durationMs } from '../durations.js';
import { recordEvent } from '../history-writer.js';
import { deadlineKey } from '../keys.js';
import { ENGINE_LIMITS } from '../limits.js';
import type { Runtime } from '../runtime.js';
import type { DecisionAttributes, DecisionContext } from './context.js';

/** StartTimer: timer ids are unique among open timers and reusable once a timer fired or was canceled. */
export function startTimer(context: DecisionContext, attributes: DecisionAttributes): void {
  const { rt, execution, completedEventId } = context;
  const timerId: string = attributes['timerId'];
  const fail = (cause: 'TIMER_ID_ALREADY_IN_USE' | 'OPEN_TIMERS_LIMIT_EXCEEDED' | 'TIMER_CREATION_RATE_EXCEEDED'): void => {
    recordEvent(rt, execution, 'StartTimerFailed', { timerId, cause, decisionTaskCompletedEventId: completedEventId });
  };
  if (execution.timers[timerId]) return fail('TIMER_ID_ALREADY_IN_USE');
  if (Object.keys(execution.timers).length >= ENGINE_LIMITS.openTimers) return fail('OPEN_TIMERS_LIMIT_EXCEEDED');
  if (!rt.decisionRates.tryTake('startTimer')) return fail('TIMER_CREATION_RATE_EXCEEDED');
  const startedEventId = recordEvent(rt, execution, 'TimerStarted', {
    timerId,
    control: attributes['control'],
    startToFireTimeout: attributes['startToFireTimeout'],
    decisionTaskCompletedEventId: completedEventId,
  });
  const timer: TimerState = {
    timerId,
    startedEventId,
    fireAt: rt.now() + durationMs(attributes['startToFireTimeout']),
    ...(attributes['control'] !== undefined ? { control: attributes['control'] } : {}),
  };
  execution.timers[timerId] = timer;
  armTimer(rt, execution, timer);
}

/** Arms an open timer to record TimerFired at its `fireAt` (also when a restarted engine restores it). */
export function armTimer(rt: Runtime, execution: ExecutionRecord, timer: TimerState): void {
  const { domain, workflowId, runId } = execution;
  const { timerId, startedEventId } = timer;
  rt.timeouts.set(deadlineKey(execution, 'timer', timerId), timer.fireAt, () => {
    const current = rt.store.getExecution(domain, workflowId, runId);
    const open = current?.status === 'OPEN' ? current.timers[timerId] : undefined;
    if (!current || !open || open.startedEventId !== startedEventId) return;
    delete current.timers[timerId];
    recordEvent(rt, current, 'TimerFired', { timerId, startedEventId });
  });
}

export function cancelTimer(context: DecisionContext, attributes: DecisionAttributes): void {
  const { rt, execution, completedEventId } = context;
  const timerId: string = attributes['timerId'];
  const timer = execution.timers[timerId];
  if (!timer) {
    recordEvent(rt, execution, 'CancelTimerFailed', { timerId, cause: 'TIMER_ID_UNKNOWN', decisionTaskCompletedEventId: completedEventId });
    return;
  }
  rt.timeouts.delete(deadlineKey(execution, 'timer', timerId));
  delete execution.timers[timerId];
  recordEvent(rt, execution, 'TimerCanceled', {
    timerId,
    startedEventId: timer.startedEventId,
    decisionTaskCompletedEventId: completedEventId,
  });
}
