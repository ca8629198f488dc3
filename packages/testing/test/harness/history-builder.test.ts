import { EVENT_TYPES } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { HistoryBuilder } from '../../src/index.js';

const activityType = { name: 'Mail.send', version: '1' };
const childType = { name: 'Child', version: '1' };

/** One history touching every event type SWF has, each linked to the events it names. */
function everyEventType(): HistoryBuilder {
  return new HistoryBuilder()
    .workflowStarted({ input: { order: 1 } })
    .decisionTaskScheduled()
    .decisionTaskStarted()
    .decisionTaskTimedOut()
    .decisionTask()
    .activityTaskScheduled('a1', { activityType, input: 'x' })
    .activityTaskScheduled('a2', { activityType })
    .activityTaskScheduled('a3', { activityType })
    .activityTaskScheduled('a4', { activityType })
    .scheduleActivityTaskFailed('a5', activityType, 'ACTIVITY_TYPE_DEPRECATED')
    .timerStarted('t1', '1m')
    .timerStarted('t2', '1h')
    .startTimerFailed('t1', 'TIMER_ID_ALREADY_IN_USE')
    .markerRecorded('m1', { v: 1 })
    .recordMarkerFailed('m2', 'OPERATION_NOT_PERMITTED')
    .startChildWorkflowExecutionInitiated('c1', { workflowType: childType })
    .startChildWorkflowExecutionInitiated('c2', { workflowType: childType })
    .startChildWorkflowExecutionInitiated('c3', { workflowType: childType })
    .startChildWorkflowExecutionInitiated('c4', { workflowType: childType })
    .startChildWorkflowExecutionInitiated('c5', { workflowType: childType })
    .startChildWorkflowExecutionInitiated('c6', { workflowType: childType })
    .signalExternalWorkflowExecutionInitiated('e1', 'poke')
    .signalExternalWorkflowExecutionInitiated('e2', 'poke')
    .requestCancelExternalWorkflowExecutionInitiated('e3')
    .requestCancelExternalWorkflowExecutionInitiated('e4')
    .lambdaFunctionScheduled('l1', 'fn')
    .lambdaFunctionScheduled('l2', 'fn')
    .lambdaFunctionScheduled('l3', 'fn')
    .lambdaFunctionScheduled('l4', 'fn')
    .scheduleLambdaFunctionFailed('l5', 'fn', 'ID_ALREADY_IN_USE')
    .activityTaskCompleted('a1', 'ok')
    .activityTaskFailed('a2', new Error('no'))
    .activityTaskTimedOut('a3', 'SCHEDULE_TO_START')
    .timerFired('t1')
    .signal('go', { now: true })
    .cancelRequested()
    .childWorkflowExecutionStarted('c1')
    .childWorkflowExecutionStarted('c2')
    .childWorkflowExecutionStarted('c3')
    .childWorkflowExecutionStarted('c4')
    .childWorkflowExecutionStarted('c5')
    .childWorkflowExecutionCompleted('c1', 1)
    .childWorkflowExecutionFailed('c2', { reason: 'r' })
    .childWorkflowExecutionTimedOut('c3')
    .childWorkflowExecutionCanceled('c4')
    .childWorkflowExecutionTerminated('c5')
    .startChildWorkflowExecutionFailed('c6', 'WORKFLOW_ALREADY_RUNNING')
    .externalWorkflowExecutionSignaled('e1')
    .signalExternalWorkflowExecutionFailed('e2', 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION')
    .externalWorkflowExecutionCancelRequested('e3')
    .requestCancelExternalWorkflowExecutionFailed('e4', 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION')
    .lambdaFunctionCompleted('l1', 2)
    .lambdaFunctionFailed('l2', new Error('bad'))
    .lambdaFunctionTimedOut('l3')
    .startLambdaFunctionFailed('l4', 'ASSUME_ROLE_FAILED', 'no role')
    .decisionTask()
    .activityTaskCancelRequested('a4')
    .requestCancelActivityTaskFailed('a9', 'ACTIVITY_ID_UNKNOWN')
    .timerCanceled('t2')
    .cancelTimerFailed('t9', 'TIMER_ID_UNKNOWN')
    .activityTaskCanceled('a4')
    .completeWorkflowExecutionFailed('UNHANDLED_DECISION')
    .failWorkflowExecutionFailed('UNHANDLED_DECISION')
    .cancelWorkflowExecutionFailed('UNHANDLED_DECISION')
    .continueAsNewWorkflowExecutionFailed('UNHANDLED_DECISION')
    .workflowExecutionCanceled()
    .workflowExecutionCompleted(3)
    .workflowExecutionFailed(new Error('x'))
    .workflowExecutionContinuedAsNew({ input: 4 })
    .workflowExecutionTerminated({ reason: 'stop' })
    .workflowExecutionTimedOut();
}

describe('HistoryBuilder', () => {
  it('writes every SWF event type, and every id it fills in links to the right event', () => {
    const builder = everyEventType();
    const events = builder.build();
    expect(new Set(events.map((event) => event.eventType))).toEqual(new Set(EVENT_TYPES));
    const history = builder.toHistory();
    expect(history.length).toBe(events.length);
    const completed = events.find((event) => event.eventType === 'ActivityTaskCompleted')!;
    expect(history.links(completed).scheduledEventId?.activityTaskScheduledEventAttributes?.activityId).toBe('a1');
    expect(history.links(completed).startedEventId?.eventType).toBe('ActivityTaskStarted');
    const childDone = events.find((event) => event.eventType === 'ChildWorkflowExecutionCompleted')!;
    expect(history.links(childDone).initiatedEventId?.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId).toBe('c1');
  });

  it('numbers events from 1 and converts values with the payload converter', () => {
    const events = new HistoryBuilder().workflowStarted({ input: { order: 7 } }).signal('go', ['a']).build();
    expect(events.map((event) => event.eventId)).toEqual([1, 2]);
    expect(events[0]?.workflowExecutionStartedEventAttributes?.input).toBe('{"order":7}');
    expect(events[1]?.workflowExecutionSignaledEventAttributes?.input).toBe('["a"]');
  });

  it('takes the workflow type, task list and timeouts from a workflow class', () => {
    class Orders {
      static readonly type = { name: 'Orders', version: '3', taskList: 'orders', executionStartToCloseTimeout: '2d', taskStartToCloseTimeout: '15s' };
      async execute(): Promise<void> {}
    }
    const started = new HistoryBuilder().workflowStarted({ workflowType: Orders }).build()[0]?.workflowExecutionStartedEventAttributes;
    expect(started).toMatchObject({
      workflowType: { name: 'Orders', version: '3' },
      taskList: { name: 'orders' },
      executionStartToCloseTimeout: '172800',
      taskStartToCloseTimeout: '15',
    });
  });

  it('refuses a decision event before any decision task completed, saying what to record first', () => {
    expect(() => new HistoryBuilder().workflowStarted().timerStarted('t1', '1m')).toThrow('call decisionTaskCompleted() (or decisionTask()) first');
  });

  it('stamps events with its clock, which advance() moves', () => {
    const events = new HistoryBuilder({ startTime: Date.UTC(2030, 0, 1) }).workflowStarted().advance('2h').signal('go').build();
    expect(events[1]!.eventTimestamp!.getTime() - events[0]!.eventTimestamp!.getTime()).toBe(7_200_000);
  });
});
