import { describe, expect, it } from 'vitest';
import {
  ActivityFailure,
  ApplicationFailure,
  CancelledFailure,
  ChildWorkflowFailure,
  NonDeterminismError,
  SwfCauseFailure,
  SwirlFailure,
  TerminatedFailure,
  TimeoutFailure,
} from '../../src/index.js';

describe('ApplicationFailure', () => {
  it('is retryable by default and typed "Error" unless told otherwise', () => {
    const failure = ApplicationFailure.create({ message: 'card declined' });
    expect(failure).toBeInstanceOf(SwirlFailure);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.name).toBe('ApplicationFailure');
    expect(failure.type).toBe('Error');
    expect(failure.nonRetryable).toBe(false);
    expect(failure.details).toEqual([]);
  });

  it('builds retryable and non-retryable failures with a type', () => {
    expect(ApplicationFailure.retryable('busy', 'Busy')).toMatchObject({ message: 'busy', type: 'Busy', nonRetryable: false });
    expect(ApplicationFailure.nonRetryable('declined', 'CardDeclined')).toMatchObject({
      message: 'declined',
      type: 'CardDeclined',
      nonRetryable: true,
    });
  });

  it('keeps details and cause', () => {
    const cause = new TypeError('bad amount');
    const failure = ApplicationFailure.create({ message: 'charge failed', details: [{ amount: -1 }], cause });
    expect(failure.details).toEqual([{ amount: -1 }]);
    expect(failure.cause).toBe(cause);
  });
});

describe('failures seen by workflow code', () => {
  it('ActivityFailure names the activity and carries the cause', () => {
    const cause = new TimeoutFailure('heartbeat timed out', 'HEARTBEAT', { progress: 40 });
    const failure = new ActivityFailure({
      activityType: { name: 'Payments.charge', version: '1' },
      activityId: 'a1',
      scheduledEventId: 5,
      startedEventId: 6,
      cause,
    });
    expect(failure.name).toBe('ActivityFailure');
    expect(failure.message).toBe('Activity Payments.charge v1 (activityId a1) failed: heartbeat timed out');
    expect(failure).toMatchObject({ activityId: 'a1', scheduledEventId: 5, startedEventId: 6 });
    expect(failure.cause).toBe(cause);
    expect(cause).toMatchObject({ timeoutType: 'HEARTBEAT', lastHeartbeatDetails: { progress: 40 } });
  });

  it('ChildWorkflowFailure names the child and carries the cause', () => {
    const failure = new ChildWorkflowFailure({
      workflowType: { name: 'Shipping', version: '2' },
      execution: { workflowId: 'ship-1', runId: 'r1' },
      initiatedEventId: 9,
      cause: new TerminatedFailure('terminated', { cause: 'CHILD_POLICY_APPLIED' }),
    });
    expect(failure.message).toBe('Child workflow Shipping v2 (workflowId ship-1) failed: terminated');
    expect(failure.initiatedEventId).toBe(9);
    expect((failure.cause as TerminatedFailure).cause).toBe('CHILD_POLICY_APPLIED');
  });

  it('CancelledFailure and TerminatedFailure keep what SWF recorded', () => {
    expect(new CancelledFailure('cancelled', { why: 'user' }).details).toEqual({ why: 'user' });
    const terminated = new TerminatedFailure('terminated', { reason: 'ops', details: 'maintenance' });
    expect(terminated).toMatchObject({ reason: 'ops', details: 'maintenance' });
    expect(terminated.cause).toBeUndefined();
  });

  it('SwfCauseFailure reports the failed event type and SWF cause', () => {
    const failure = new SwfCauseFailure({ eventType: 'ScheduleActivityTaskFailed', cause: 'ACTIVITY_ID_ALREADY_IN_USE', eventId: 12 });
    expect(failure.message).toBe('SWF rejected the decision: ScheduleActivityTaskFailed with cause ACTIVITY_ID_ALREADY_IN_USE');
    expect(failure).toMatchObject({ eventType: 'ScheduleActivityTaskFailed', cause: 'ACTIVITY_ID_ALREADY_IN_USE', eventId: 12 });
  });

  it('NonDeterminismError names the event, what history recorded and what the code produced', () => {
    const error = new NonDeterminismError({
      eventId: 7,
      recorded: { decisionType: 'StartTimer', timerId: 't1' },
      produced: { decisionType: 'ScheduleActivityTask', activityId: 'a1' },
    });
    expect(error.name).toBe('NonDeterminismError');
    expect(error.message).toContain('at event 7');
    expect(error.message).toContain('history recorded {"decisionType":"StartTimer","timerId":"t1"}');
    expect(error.message).toContain('the code produced {"decisionType":"ScheduleActivityTask","activityId":"a1"}');
    expect(new NonDeterminismError({ eventId: 3, recorded: 'TimerStarted t1', produced: undefined }).message).toContain(
      'the code produced nothing',
    );
  });
});
