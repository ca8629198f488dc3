/** StartTimer and CancelTimer decisions and the firing of timers. */
import type { ExecutionRecord, TimerState } from '../../store/records.js';
import { durationMs } from '../time/durations.js';
import { recordEvent } from '../runs/history-writer.js';
import { deadlineKey } from '../runs/run-keys.js';
import { ENGINE_LIMITS } from '../limits.js';
import type { EngineState } from '../engine-state.js';
import type { DecisionAttributes, DecisionContext } from './context.js';
import { RATE_CAUSE_OF_BUCKET } from '../rate-limits/decision-rate-limits.js';

/** StartTimer: timer ids are unique among open timers and reusable once a timer fired or was canceled. */
export function startTimer(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution, completedEventId } = context;
  const timerId: string = attributes['timerId'];
  const fail = (cause: 'TIMER_ID_ALREADY_IN_USE' | 'OPEN_TIMERS_LIMIT_EXCEEDED' | 'TIMER_CREATION_RATE_EXCEEDED'): void => {
    recordEvent(state, execution, 'StartTimerFailed', { timerId, cause, decisionTaskCompletedEventId: completedEventId });
  };
  if (execution.timers[timerId]) return fail('TIMER_ID_ALREADY_IN_USE');
  if (Object.keys(execution.timers).length >= ENGINE_LIMITS.openTimers) return fail('OPEN_TIMERS_LIMIT_EXCEEDED');
  if (!state.decisionRates.tryTake('startTimer')) return fail(RATE_CAUSE_OF_BUCKET.startTimer);
  const startedEventId = recordEvent(state, execution, 'TimerStarted', {
    timerId,
    control: attributes['control'],
    startToFireTimeout: attributes['startToFireTimeout'],
    decisionTaskCompletedEventId: completedEventId,
  });
  const timer: TimerState = {
    timerId,
    startedEventId,
    fireAt: state.now() + durationMs(attributes['startToFireTimeout']),
    ...(attributes['control'] !== undefined ? { control: attributes['control'] } : {}),
  };
  execution.timers[timerId] = timer;
  armTimer(state, execution, timer);
}

/** Arms an open timer to record TimerFired at its `fireAt` (also when a restarted engine restores it). */
export function armTimer(state: EngineState, execution: ExecutionRecord, timer: TimerState): void {
  const { domain, workflowId, runId } = execution;
  const { timerId, startedEventId } = timer;
  state.timeouts.set(deadlineKey(execution, 'timer', timerId), timer.fireAt, () => {
    const current = state.store.getExecution(domain, workflowId, runId);
    const open = current?.status === 'OPEN' ? current.timers[timerId] : undefined;
    if (!current || !open || open.startedEventId !== startedEventId) return;
    delete current.timers[timerId];
    recordEvent(state, current, 'TimerFired', { timerId, startedEventId });
  });
}

export function cancelTimer(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution, completedEventId } = context;
  const timerId: string = attributes['timerId'];
  const timer = execution.timers[timerId];
  if (!timer) {
    recordEvent(state, execution, 'CancelTimerFailed', { timerId, cause: 'TIMER_ID_UNKNOWN', decisionTaskCompletedEventId: completedEventId });
    return;
  }
  state.timeouts.delete(deadlineKey(execution, 'timer', timerId));
  delete execution.timers[timerId];
  recordEvent(state, execution, 'TimerCanceled', {
    timerId,
    startedEventId: timer.startedEventId,
    decisionTaskCompletedEventId: completedEventId,
  });
}
