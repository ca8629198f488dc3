import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { ACTIVITIES, DECISIONS, Driver, expectSwfError, lastOfType, registerFixtures, scheduleActivity, startConformance, startTimer } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'timeouts';
const SECOND = 1000;

describe('timers and every timeout type, on a virtual clock over HTTP', () => {
  let c: Conformance;
  let clock: VirtualClock;
  let driver: Driver;
  beforeAll(async () => {
    clock = new VirtualClock(Date.UTC(2024, 0, 1));
    c = await startConformance({ clock });
    driver = new Driver(c.swf, DOMAIN);
  });
  afterAll(async () => c.close());
  beforeEach(async () => {
    await fetch(`${c.server.endpoint}/_swirl/reset`, { method: 'POST' });
    await registerFixtures(c.swf, DOMAIN);
  });

  /** Starts a run and answers its first decision task with one activity; returns the run id. */
  const startWithActivity = async (workflowId: string, attributes: Record<string, unknown>) => {
    const runId = await driver.start(workflowId);
    await driver.pollAndDecide([scheduleActivity('a1', attributes)]);
    return runId;
  };

  it('fires a timer when its time comes, and not before', async () => {
    const runId = await driver.start('timer');
    await driver.pollAndDecide([startTimer('t1', '30')]);
    await clock.advance(29 * SECOND);
    expect((await driver.eventTypes('timer', runId)).at(-1)).toBe('TimerStarted');
    await clock.advance(1 * SECOND);
    const events = await driver.history('timer', runId);
    const fired = lastOfType(events, 'TimerFired');
    expect(fired.timerFiredEventAttributes).toMatchObject({ timerId: 't1', startedEventId: lastOfType(events, 'TimerStarted').eventId });
    expect(events.at(-1)?.eventType).toBe('DecisionTaskScheduled');
  });

  it('times an activity out SCHEDULE_TO_START, never handing it out afterwards', async () => {
    const runId = await startWithActivity('s2s', { scheduleToStartTimeout: '10' });
    await clock.advance(10 * SECOND);
    const timedOut = lastOfType(await driver.history('s2s', runId), 'ActivityTaskTimedOut');
    expect(timedOut.activityTaskTimedOutEventAttributes).toMatchObject({ timeoutType: 'SCHEDULE_TO_START', startedEventId: 0 });
    expect((await c.swf.countPendingActivityTasks({ domain: DOMAIN, taskList: { name: ACTIVITIES } })).count).toBe(0);
  });

  it('times an activity out START_TO_CLOSE, after which its token is unknown', async () => {
    const runId = await startWithActivity('st2c', { startToCloseTimeout: '20' });
    const activity = await driver.pollActivity();
    await clock.advance(10 * SECOND);
    await c.swf.recordActivityTaskHeartbeat({ taskToken: activity.taskToken });
    await clock.advance(10 * SECOND);
    const timedOut = lastOfType(await driver.history('st2c', runId), 'ActivityTaskTimedOut');
    expect(timedOut.activityTaskTimedOutEventAttributes).toMatchObject({ timeoutType: 'START_TO_CLOSE', startedEventId: activity.startedEventId });
    await expectSwfError(c.swf.respondActivityTaskCompleted({ taskToken: activity.taskToken, result: 'late' }), 'UnknownResourceFault');
    await expectSwfError(c.swf.recordActivityTaskHeartbeat({ taskToken: activity.taskToken }), 'UnknownResourceFault');
  });

  it('times an activity out HEARTBEAT with the last heartbeat details; heartbeats keep it alive', async () => {
    const runId = await startWithActivity('hb', { heartbeatTimeout: '10' });
    const activity = await driver.pollActivity();
    await clock.advance(8 * SECOND);
    await c.swf.recordActivityTaskHeartbeat({ taskToken: activity.taskToken, details: '40%' });
    await clock.advance(8 * SECOND);
    expect((await driver.eventTypes('hb', runId)).at(-1)).toBe('ActivityTaskStarted');
    await clock.advance(2 * SECOND);
    const timedOut = lastOfType(await driver.history('hb', runId), 'ActivityTaskTimedOut');
    expect(timedOut.activityTaskTimedOutEventAttributes).toMatchObject({ timeoutType: 'HEARTBEAT', details: '40%' });
  });

  it('times an activity out SCHEDULE_TO_CLOSE across its wait and its run', async () => {
    const runId = await startWithActivity('s2c', { scheduleToCloseTimeout: '30' });
    await clock.advance(20 * SECOND);
    await driver.pollActivity();
    await clock.advance(10 * SECOND);
    const timedOut = lastOfType(await driver.history('s2c', runId), 'ActivityTaskTimedOut');
    expect(timedOut.activityTaskTimedOutEventAttributes?.timeoutType).toBe('SCHEDULE_TO_CLOSE');
  });

  it('times a decision task out START_TO_CLOSE and schedules a new one at once', async () => {
    const runId = await driver.start('dt', { taskStartToCloseTimeout: '15' });
    const task = await driver.pollDecision();
    await clock.advance(15 * SECOND);
    const events = await driver.history('dt', runId);
    expect(events.slice(-2).map((event) => event.eventType)).toEqual(['DecisionTaskTimedOut', 'DecisionTaskScheduled']);
    expect(lastOfType(events, 'DecisionTaskTimedOut').decisionTaskTimedOutEventAttributes).toMatchObject({
      timeoutType: 'START_TO_CLOSE',
      scheduledEventId: 2,
      startedEventId: task.startedEventId,
    });
    await expectSwfError(driver.decide(task.taskToken, []), 'UnknownResourceFault');
  });

  it('times a decision task out SCHEDULE_TO_START on an overriding task list and falls back to the original list', async () => {
    const runId = await driver.start('sticky');
    const task = await driver.pollDecision();
    await driver.decide(task.taskToken, [startTimer('t', '1')], { taskList: 'sticky-host-1', taskListScheduleToStartTimeout: '5' });
    await clock.advance(1 * SECOND);
    let events = await driver.history('sticky', runId);
    expect(lastOfType(events, 'DecisionTaskScheduled').decisionTaskScheduledEventAttributes).toMatchObject({
      taskList: { name: 'sticky-host-1' },
      scheduleToStartTimeout: '5',
    });
    await clock.advance(5 * SECOND);
    events = await driver.history('sticky', runId);
    expect(lastOfType(events, 'DecisionTaskTimedOut').decisionTaskTimedOutEventAttributes?.timeoutType).toBe('SCHEDULE_TO_START');
    expect(lastOfType(events, 'DecisionTaskScheduled').decisionTaskScheduledEventAttributes?.taskList).toEqual({ name: DECISIONS });
    expect((await driver.pollDecision(DECISIONS)).workflowExecution?.runId).toBe(runId);
  });

  it('times the execution out START_TO_CLOSE, closing it as TIMED_OUT', async () => {
    const runId = await driver.start('exec', { executionStartToCloseTimeout: '100' });
    await clock.advance(100 * SECOND);
    const events = await driver.history('exec', runId);
    expect(lastOfType(events, 'WorkflowExecutionTimedOut').workflowExecutionTimedOutEventAttributes).toMatchObject({ timeoutType: 'START_TO_CLOSE', childPolicy: 'TERMINATE' });
    const described = await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'exec', runId } });
    expect(described.executionInfo).toMatchObject({ executionStatus: 'CLOSED', closeStatus: 'TIMED_OUT' });
  });

  it('reports a timed-out child to its parent', async () => {
    const runId = await driver.start('parent');
    await driver.pollAndDecide([
      {
        decisionType: 'StartChildWorkflowExecution',
        startChildWorkflowExecutionDecisionAttributes: { workflowType: { name: 'OrderWorkflow', version: '1' }, workflowId: 'slow-child', executionStartToCloseTimeout: '50', taskList: { name: 'children' } },
      },
    ]);
    await clock.advance(50 * SECOND);
    const timedOut = lastOfType(await driver.history('parent', runId), 'ChildWorkflowExecutionTimedOut');
    expect(timedOut.childWorkflowExecutionTimedOutEventAttributes).toMatchObject({ timeoutType: 'START_TO_CLOSE', workflowExecution: { workflowId: 'slow-child' } });
  });

  it('forgets a closed run after the domain retention period', async () => {
    const runId = await driver.start('retained');
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'retained' });
    await clock.advance(23 * 3600 * SECOND);
    expect((await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'retained', runId } })).executionInfo?.closeStatus).toBe('TERMINATED');
    await clock.advance(2 * 3600 * SECOND);
    await expectSwfError(c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'retained', runId } }), 'UnknownResourceFault');
    await expectSwfError(c.swf.getWorkflowExecutionHistory({ domain: DOMAIN, execution: { workflowId: 'retained', runId } }), 'UnknownResourceFault');
  });
});
