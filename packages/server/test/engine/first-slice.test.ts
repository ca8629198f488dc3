import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY, complete, DOMAIN, Harness, scheduleActivity, START_MS, TASK_LIST, WORKFLOW } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

describe('a one-activity workflow', () => {
  it('records the canonical history from start to completion', async () => {
    harness = await Harness.create();
    const run = await harness.start('order-1', { input: 'in' });
    expect(run.runId).toMatch(/^[A-Za-z0-9+/=]{1,64}$/);

    const decision = await harness.pollDecision();
    expect(decision).toMatchObject({
      startedEventId: 3,
      previousStartedEventId: 0,
      workflowExecution: run,
      workflowType: WORKFLOW,
    });
    expect(decision.events.map((event: any) => event.eventType)).toEqual([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
    ]);
    expect(decision.events[0]).toEqual({
      eventId: 1,
      eventTimestamp: START_MS / 1000,
      eventType: 'WorkflowExecutionStarted',
      workflowExecutionStartedEventAttributes: {
        input: 'in',
        executionStartToCloseTimeout: '3600',
        taskStartToCloseTimeout: '10',
        childPolicy: 'TERMINATE',
        taskList: TASK_LIST,
        taskPriority: '0',
        workflowType: WORKFLOW,
        tagList: [],
        parentInitiatedEventId: 0,
      },
    });

    await harness.decide(decision.taskToken, [scheduleActivity('charge', { input: '42' })]);
    const task = await harness.pollActivity();
    expect(task).toMatchObject({ activityId: 'charge', startedEventId: 6, workflowExecution: run, activityType: ACTIVITY, input: '42' });
    await harness.call('RespondActivityTaskCompleted', { taskToken: task.taskToken, result: 'ok' });

    const second = await harness.pollDecision();
    expect(second.previousStartedEventId).toBe(3);
    await harness.decide(second.taskToken, [complete('done')]);

    expect(await harness.eventTypes(run)).toEqual([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskCompleted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'WorkflowExecutionCompleted',
    ]);
    const described = await harness.describe(run);
    expect(described.executionInfo).toMatchObject({ executionStatus: 'CLOSED', closeStatus: 'COMPLETED' });
  });

  it('answers an empty poll without a task token', async () => {
    harness = await Harness.create();
    expect(await harness.pollDecision()).toEqual({ previousStartedEventId: 0, startedEventId: 0 });
    expect(await harness.pollActivity()).toEqual({ startedEventId: 0 });
  });

  it('wakes a waiting decision poller the moment a run starts', async () => {
    harness = await Harness.create({ longPollTimeoutMs: 60_000 });
    const waiting = harness.pollDecision();
    const run = await harness.start();
    const task = await waiting;
    expect(task.workflowExecution).toEqual(run);
  });

  it('refuses a used decision task token', async () => {
    harness = await Harness.create();
    await harness.start();
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, []);
    await expect(harness.decide(task.taskToken, [])).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });
    expect(DOMAIN).toBe('test-domain');
  });
});
