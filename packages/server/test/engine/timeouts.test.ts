import { afterEach, describe, expect, it } from 'vitest';
import { DOMAIN, Harness, scheduleActivity, TASK_LIST } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

async function scheduled(extra: Record<string, any>): Promise<{ workflowId: string; runId: string }> {
  const run = await harness.start();
  const task = await harness.pollDecision();
  await harness.decide(task.taskToken, [scheduleActivity('a1', extra)]);
  return run;
}

async function timedOut(run: { workflowId: string; runId: string }): Promise<Record<string, any> | undefined> {
  const event = (await harness.history(run)).find((e) => e.eventType === 'ActivityTaskTimedOut');
  return event?.activityTaskTimedOutEventAttributes;
}

describe('activity timeouts', () => {
  it('SCHEDULE_TO_START: an unstarted task times out and is never handed out', async () => {
    harness = await Harness.create();
    const run = await scheduled({ scheduleToStartTimeout: '5' });
    await harness.clock.advance(5_000);
    expect(await timedOut(run)).toEqual({ timeoutType: 'SCHEDULE_TO_START', scheduledEventId: 5, startedEventId: 0 });
    expect(await harness.pollActivity()).toEqual({ startedEventId: 0 });
    expect((await harness.eventTypes(run)).at(-1)).toBe('DecisionTaskScheduled');
  });

  it('START_TO_CLOSE: heartbeats do not extend it, and later calls get UnknownResourceFault', async () => {
    harness = await Harness.create();
    const run = await scheduled({ startToCloseTimeout: '10', heartbeatTimeout: '8' });
    const task = await harness.pollActivity();
    for (let i = 0; i < 3; i++) {
      await harness.clock.advance(4_000);
      await harness.call('RecordActivityTaskHeartbeat', { taskToken: task.taskToken }).catch(() => undefined);
    }
    expect(await timedOut(run)).toEqual({ timeoutType: 'START_TO_CLOSE', scheduledEventId: 5, startedEventId: 6 });
    await expect(harness.call('RespondActivityTaskCompleted', { taskToken: task.taskToken })).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });
  });

  it('HEARTBEAT: fires after silence and carries the last heartbeat details', async () => {
    harness = await Harness.create();
    const run = await scheduled({ heartbeatTimeout: '10', startToCloseTimeout: '100' });
    const task = await harness.pollActivity();
    await harness.clock.advance(9_000);
    await harness.call('RecordActivityTaskHeartbeat', { taskToken: task.taskToken, details: 'step 3' });
    await harness.clock.advance(9_000);
    expect(await timedOut(run)).toBeUndefined();
    await harness.clock.advance(1_000);
    expect(await timedOut(run)).toEqual({ timeoutType: 'HEARTBEAT', scheduledEventId: 5, startedEventId: 6, details: 'step 3' });
  });

  it('SCHEDULE_TO_CLOSE: counts from scheduling across the start', async () => {
    harness = await Harness.create();
    const run = await scheduled({ scheduleToCloseTimeout: '20', startToCloseTimeout: '100' });
    await harness.clock.advance(15_000);
    await harness.pollActivity();
    await harness.clock.advance(5_000);
    expect(await timedOut(run)).toMatchObject({ timeoutType: 'SCHEDULE_TO_CLOSE', startedEventId: 6 });
  });
});

describe('decision task timeouts', () => {
  it('START_TO_CLOSE: records DecisionTaskTimedOut and schedules a new task at once', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const task = await harness.pollDecision();
    await harness.clock.advance(10_000);
    expect((await harness.eventTypes(run)).slice(-2)).toEqual(['DecisionTaskTimedOut', 'DecisionTaskScheduled']);
    const events = await harness.history(run);
    expect(events[3]!.decisionTaskTimedOutEventAttributes).toEqual({ timeoutType: 'START_TO_CLOSE', scheduledEventId: 2, startedEventId: 3 });
    await expect(harness.decide(task.taskToken, [])).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });
  });

  it('sends decision tasks to an override list, and back to the original after SCHEDULE_TO_START', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const first = await harness.pollDecision();
    await harness.decide(first.taskToken, [], { taskList: { name: 'sticky' }, taskListScheduleToStartTimeout: '5' });
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's' });
    const events = await harness.history(run);
    expect(events[3]!.decisionTaskCompletedEventAttributes).toMatchObject({ taskList: { name: 'sticky' }, taskListScheduleToStartTimeout: '5' });
    expect(events.at(-1)!.decisionTaskScheduledEventAttributes).toEqual({
      taskList: { name: 'sticky' },
      taskPriority: '0',
      startToCloseTimeout: '10',
      scheduleToStartTimeout: '5',
    });
    await harness.clock.advance(5_000);
    const after = await harness.history(run);
    expect(after.at(-2)!.decisionTaskTimedOutEventAttributes).toEqual({ timeoutType: 'SCHEDULE_TO_START', scheduledEventId: 6, startedEventId: 0 });
    expect(after.at(-1)!.decisionTaskScheduledEventAttributes.taskList).toEqual(TASK_LIST);
    expect((await harness.pollDecision()).workflowExecution).toEqual(run);
  });

  it('keeps a permanent override without taskListScheduleToStartTimeout', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const first = await harness.pollDecision();
    await harness.decide(first.taskToken, [], { taskList: { name: 'elsewhere' } });
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's' });
    expect(await harness.pollDecision()).toEqual({ previousStartedEventId: 0, startedEventId: 0 });
    const task = await harness.pollDecision({ name: 'elsewhere' });
    expect(task.previousStartedEventId).toBe(3);
  });
});

describe('execution START_TO_CLOSE timeout', () => {
  it('closes the run as TIMED_OUT', async () => {
    harness = await Harness.create();
    const run = await harness.start('wf-t', { executionStartToCloseTimeout: '60' });
    await harness.clock.advance(60_000);
    const events = await harness.history(run);
    expect(events.at(-1)).toMatchObject({
      eventType: 'WorkflowExecutionTimedOut',
      workflowExecutionTimedOutEventAttributes: { timeoutType: 'START_TO_CLOSE', childPolicy: 'TERMINATE' },
    });
    expect((await harness.describe(run)).executionInfo).toMatchObject({ executionStatus: 'CLOSED', closeStatus: 'TIMED_OUT' });
    expect(await harness.pollDecision()).toEqual({ previousStartedEventId: 0, startedEventId: 0 });
  });
});
