import { PollForActivityTaskCommand, PollForDecisionTaskCommand } from '@aws-sdk/client-swf';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITIES, DECISIONS, Driver, registerFixtures, scheduleActivity, startConformance } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'polls';

/** Resolves after `ms` of real time; used only to let a request reach the server, never asserted on. */
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('long polls over HTTP', () => {
  let c: Conformance | undefined;
  afterEach(async () => {
    await c?.close();
    c = undefined;
  });

  it('answers an empty poll after the long-poll timeout without a taskToken, as the real service does', async () => {
    c = await startConformance({ longPollTimeoutMs: 50 });
    await registerFixtures(c.swf, DOMAIN);
    const decision = await c.swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: DECISIONS } });
    expect(decision.taskToken).toBeUndefined();
    expect(decision).toMatchObject({ startedEventId: 0, previousStartedEventId: 0 });
    const activity = await c.swf.pollForActivityTask({ domain: DOMAIN, taskList: { name: ACTIVITIES } });
    expect(activity.taskToken).toBeUndefined();
    expect(activity.startedEventId).toBe(0);
  });

  it('holds a poll until a task is scheduled, then hands it over', async () => {
    c = await startConformance({ longPollTimeoutMs: 600_000 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    let answered = false;
    const poll = c.swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: DECISIONS } }).finally(() => {
      answered = true;
    });
    await settle(100);
    expect(answered).toBe(false);
    const runId = await driver.start('woken');
    const task = await poll;
    expect(task.taskToken).toEqual(expect.any(String));
    expect(task.workflowExecution).toEqual({ workflowId: 'woken', runId });
  });

  it('wakes a held activity poll when a decision schedules an activity', async () => {
    c = await startConformance({ longPollTimeoutMs: 600_000 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    const poll = c.swf.pollForActivityTask({ domain: DOMAIN, taskList: { name: ACTIVITIES } });
    await driver.start('activity-wake');
    await driver.pollAndDecide([scheduleActivity('a1', { input: 'x' })]);
    const task = await poll;
    expect(task).toMatchObject({ activityId: 'a1', input: 'x' });
  });

  it('never gives one task to two pollers', async () => {
    c = await startConformance({ longPollTimeoutMs: 300 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    const polls = Array.from({ length: 5 }, () => c!.swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: DECISIONS } }));
    await driver.start('one');
    await driver.start('two');
    const answers = await Promise.all(polls);
    const tokens = answers.map((answer) => answer.taskToken).filter((token) => token !== undefined);
    expect(tokens).toHaveLength(2);
    expect(new Set(answers.map((answer) => answer.workflowExecution?.workflowId).filter(Boolean))).toEqual(new Set(['one', 'two']));
  });

  it('does not let a poll whose client went away swallow a task', async () => {
    c = await startConformance({ longPollTimeoutMs: 600_000 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    const abort = new AbortController();
    const abandoned = c.swf.send(new PollForDecisionTaskCommand({ domain: DOMAIN, taskList: { name: DECISIONS } }), { abortSignal: abort.signal });
    const abandonedOutcome = abandoned.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    await settle(100);
    abort.abort();
    expect(await abandonedOutcome).toBe('AbortError');
    // Let the server see the closed connection before the task exists.
    await settle(100);
    const runId = await driver.start('kept');
    const task = await c.swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: DECISIONS } });
    expect(task.workflowExecution).toEqual({ workflowId: 'kept', runId });
    expect(task.events?.filter((event) => event.eventType === 'DecisionTaskStarted')).toHaveLength(1);
  });

  it('does not let an abandoned activity poll swallow an activity task', async () => {
    c = await startConformance({ longPollTimeoutMs: 600_000 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    const abort = new AbortController();
    const abandoned = c.swf
      .send(new PollForActivityTaskCommand({ domain: DOMAIN, taskList: { name: ACTIVITIES } }), { abortSignal: abort.signal })
      .catch((error: unknown) => (error as Error).name);
    await settle(100);
    abort.abort();
    expect(await abandoned).toBe('AbortError');
    await settle(100);
    await driver.start('kept-activity');
    await driver.pollAndDecide([scheduleActivity('survivor')]);
    expect((await driver.pollActivity()).activityId).toBe('survivor');
  });

  it('delivers decision tasks by priority, then oldest first', async () => {
    c = await startConformance({ longPollTimeoutMs: 600_000 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    await driver.start('low-old', { taskPriority: '1' });
    await driver.start('high', { taskPriority: '10' });
    await driver.start('low-new', { taskPriority: '1' });
    const order: string[] = [];
    for (let index = 0; index < 3; index += 1) order.push((await driver.pollDecision()).workflowExecution?.workflowId ?? '?');
    expect(order).toEqual(['high', 'low-old', 'low-new']);
  });

  it('pages a long decision task: further pages come from PollForDecisionTask with nextPageToken', async () => {
    c = await startConformance({ longPollTimeoutMs: 600_000 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    const runId = await driver.start('long');
    for (let index = 0; index < 5; index += 1) await c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'long', signalName: `s${index}` });

    const first = await c.swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: DECISIONS }, maximumPageSize: 3 });
    expect(first.events?.map((event) => event.eventId)).toEqual([1, 2, 3]);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const events = [...(first.events ?? [])];
    let nextPageToken = first.nextPageToken;
    while (nextPageToken !== undefined) {
      const page = await c.swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: DECISIONS }, maximumPageSize: 3, nextPageToken });
      expect(page.taskToken).toBe(first.taskToken);
      events.push(...(page.events ?? []));
      nextPageToken = page.nextPageToken;
    }
    expect(events.map((event) => event.eventId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.at(-1)?.eventType).toBe('DecisionTaskStarted');
    // Paging started no second decision task.
    expect((await driver.eventTypes('long', runId)).filter((type) => type === 'DecisionTaskStarted')).toHaveLength(1);

  });

  it('returns a decision task newest first with reverseOrder', async () => {
    c = await startConformance({ longPollTimeoutMs: 600_000 });
    await registerFixtures(c.swf, DOMAIN);
    const driver = new Driver(c.swf, DOMAIN);
    await driver.start('reverse');
    const task = await c.swf.pollForDecisionTask({ domain: DOMAIN, taskList: { name: DECISIONS }, reverseOrder: true });
    expect(task.events?.map((event) => event.eventType)).toEqual(['DecisionTaskStarted', 'DecisionTaskScheduled', 'WorkflowExecutionStarted']);
  });
});
