import { afterEach, describe, expect, it } from 'vitest';
import { DOMAIN, Harness, scheduleActivity } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

describe('task lists and long polls', () => {
  it('delivers higher taskPriority first, then oldest first', async () => {
    harness = await Harness.create();
    await harness.start('low', { taskPriority: '1' });
    await harness.start('high', { taskPriority: '10' });
    await harness.start('low-2', { taskPriority: '1' });
    const order = [];
    for (let i = 0; i < 3; i++) order.push((await harness.pollDecision()).workflowExecution.workflowId);
    expect(order).toEqual(['high', 'low', 'low-2']);
  });

  it('never delivers a task twice to many concurrent pollers', async () => {
    harness = await Harness.create({ longPollTimeoutMs: 60_000 });
    const polls = Array.from({ length: 50 }, () => harness.pollDecision());
    const runs = [];
    for (let i = 0; i < 20; i++) runs.push(await harness.start(`wf-${i}`));
    harness.engine.close(); // answers the 30 still waiting with empty responses
    const answers = await Promise.all(polls);
    const delivered = answers.filter((answer) => answer.taskToken).map((answer) => answer.workflowExecution.workflowId);
    expect(delivered).toHaveLength(20);
    expect(new Set(delivered).size).toBe(20);
  });

  it('never hands a task to a poll whose caller went away', async () => {
    harness = await Harness.create({ longPollTimeoutMs: 60_000 });
    const abandoned = new AbortController();
    const lost = harness.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: 'deciders' } }, abandoned.signal);
    abandoned.abort();
    const run = await harness.start();
    expect(await lost).toEqual({ previousStartedEventId: 0, startedEventId: 0 });
    expect((await harness.pollDecision()).workflowExecution).toEqual(run);
  });

  it('reads a poll\'s signal only when the poll has to wait, so a front end can make it lazily', async () => {
    harness = await Harness.create({ longPollTimeoutMs: 60_000 });
    const run = await harness.start();
    let reads = 0;
    const abandoned = new AbortController();
    const context = {
      region: 'us-east-1',
      requestId: 'lazy',
      get signal() {
        reads += 1;
        return abandoned.signal;
      },
    };
    const task = await harness.engine.execute('PollForDecisionTask', { domain: DOMAIN, taskList: { name: 'deciders' } }, context);
    expect(task?.['workflowExecution']).toEqual(run);
    expect(reads).toBe(0);
    const waiting = harness.engine.execute('PollForDecisionTask', { domain: DOMAIN, taskList: { name: 'deciders' } }, context);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reads).toBe(1);
    abandoned.abort();
    expect(await waiting).toEqual({ previousStartedEventId: 0, startedEventId: 0 });
  });

  it('hands a task to the next live poller when the first one went away', async () => {
    harness = await Harness.create({ longPollTimeoutMs: 60_000 });
    const abandoned = new AbortController();
    const lost = harness.call('PollForDecisionTask', { domain: DOMAIN, taskList: { name: 'deciders' } }, abandoned.signal);
    const live = harness.pollDecision();
    abandoned.abort();
    const run = await harness.start();
    expect(await lost).toEqual({ previousStartedEventId: 0, startedEventId: 0 });
    expect((await live).workflowExecution).toEqual(run);
  });

  it('counts scheduled, not started, tasks as pending', async () => {
    harness = await Harness.create();
    const count = async (operation: 'CountPendingDecisionTasks' | 'CountPendingActivityTasks', name: string) =>
      harness.call(operation, { domain: DOMAIN, taskList: { name } });
    expect(await count('CountPendingDecisionTasks', 'never-used')).toEqual({ count: 0, truncated: false });
    await harness.start('a');
    await harness.start('b');
    expect((await count('CountPendingDecisionTasks', 'deciders')).count).toBe(2);
    const task = await harness.pollDecision();
    expect((await count('CountPendingDecisionTasks', 'deciders')).count).toBe(1);
    await harness.decide(task.taskToken, [scheduleActivity('x'), scheduleActivity('y')]);
    expect((await count('CountPendingActivityTasks', 'workers')).count).toBe(2);
    await harness.pollActivity();
    expect((await count('CountPendingActivityTasks', 'workers')).count).toBe(1);
  });

  it('returns an empty poll after the long-poll window', async () => {
    harness = await Harness.create({ longPollTimeoutMs: 20 });
    expect(await harness.pollActivity()).toEqual({ startedEventId: 0 });
  });

  it('pages a decision task history; further pages come from polling again with the token', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    for (let i = 0; i < 5; i++) await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: `s${i}` });
    const first = await harness.pollDecision(undefined, { maximumPageSize: 3 });
    expect(first.events.map((e: any) => e.eventId)).toEqual([1, 2, 3]);
    const second = await harness.pollDecision(undefined, { maximumPageSize: 3, nextPageToken: first.nextPageToken });
    expect(second.taskToken).toBe(first.taskToken);
    expect(second.events.map((e: any) => e.eventId)).toEqual([4, 5, 6]);
    const third = await harness.pollDecision(undefined, { maximumPageSize: 3, nextPageToken: second.nextPageToken });
    expect(third.events.map((e: any) => e.eventId)).toEqual([7, 8]);
    expect(third.nextPageToken).toBeUndefined();
    const reversed = await harness.call('GetWorkflowExecutionHistory', { domain: DOMAIN, execution: run, reverseOrder: true, maximumPageSize: 2 });
    expect(reversed.events.map((e: any) => e.eventId)).toEqual([8, 7]);
  });
});
