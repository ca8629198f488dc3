import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStats, QueuedTaskList, StartedTask } from '../../src/engine/tasks/outstanding-work.js';
import type { SwfEngine } from '../../src/engine/swf-engine.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { ACTIVITY_LIST, DOMAIN, Harness, scheduleActivity, TASK_LIST } from './harness.js';

type Wire = Record<string, any>;

let harness: Harness;
afterEach(() => harness?.close());

/** The same figures recomputed the slow way, by reading every open run in the store. */
function statsFromStore(store: Store): EngineStats {
  const stats = { startedTasks: { decision: 0, activity: 0, lambda: 0 }, queuedTasks: { decision: 0, activity: 0 } };
  for (const domain of store.listDomains()) {
    for (const run of store.listExecutions(domain.name, 'OPEN')) {
      if (run.decision) stats[run.decision.startedEventId === 0 ? 'queuedTasks' : 'startedTasks'].decision += 1;
      for (const activity of Object.values(run.activities)) stats[activity.startedEventId === 0 ? 'queuedTasks' : 'startedTasks'].activity += 1;
      for (const lambda of Object.values(run.lambdas)) if (lambda.startedEventId > 0) stats.startedTasks.lambda += 1;
    }
  }
  return stats;
}

/** Reads the engine's stats and checks them against the store. */
function stats(engine: SwfEngine): EngineStats {
  const fast = engine.stats();
  expect(fast).toEqual(statsFromStore(engine.store));
  return fast;
}

const counts = (decisionQueued: number, activityQueued: number, decisionStarted: number, activityStarted: number, lambdaStarted = 0): EngineStats => ({
  queuedTasks: { decision: decisionQueued, activity: activityQueued },
  startedTasks: { decision: decisionStarted, activity: activityStarted, lambda: lambdaStarted },
});

const lists = (engine: SwfEngine): QueuedTaskList[] => [...engine.queuedTaskLists()];
const started = (engine: SwfEngine): StartedTask[] => [...engine.startedTasks()];

describe('engine.stats(): outstanding work', () => {
  it('follows a decision and activities from queued to started to answered', async () => {
    harness = await Harness.create();
    const { engine } = harness;
    expect(stats(engine)).toEqual(counts(0, 0, 0, 0));

    const run = await harness.start('wf-1');
    expect(stats(engine)).toEqual(counts(1, 0, 0, 0));
    expect(lists(engine)).toEqual([expect.objectContaining({ domain: DOMAIN, kind: 'decision', taskList: TASK_LIST.name, queued: 1 })]);

    const decision = await harness.pollDecision();
    expect(stats(engine)).toEqual(counts(0, 0, 1, 0));
    expect(lists(engine)).toEqual([]);
    expect(started(engine)).toEqual([
      { kind: 'decision', domain: DOMAIN, workflowId: 'wf-1', runId: run.runId, scheduledEventId: 2, startedEventId: 3, taskList: TASK_LIST.name },
    ]);

    await harness.decide(decision.taskToken, [scheduleActivity('a1'), scheduleActivity('a2')]);
    expect(stats(engine)).toEqual(counts(0, 2, 0, 0));
    const [before] = lists(engine);
    expect(before).toMatchObject({ kind: 'activity', taskList: ACTIVITY_LIST.name, queued: 2 });

    const activity = await harness.pollActivity();
    expect(stats(engine)).toEqual(counts(0, 1, 0, 1));
    const [after] = lists(engine);
    expect(after?.queued).toBe(1);
    expect(after?.progress).not.toBe(before?.progress);
    expect(started(engine)).toEqual([expect.objectContaining({ kind: 'activity', scheduledEventId: 5, startedEventId: activity.startedEventId, taskList: ACTIVITY_LIST.name })]);

    await harness.call('RespondActivityTaskCompleted', { taskToken: activity.taskToken, result: 'ok' });
    expect(stats(engine)).toEqual(counts(1, 1, 0, 0));
  });

  it('drops every task of a run that closes, queued or started', async () => {
    harness = await Harness.create();
    const run = await harness.start('wf-1');
    const decision = await harness.pollDecision();
    await harness.decide(decision.taskToken, [scheduleActivity('a1'), scheduleActivity('a2')]);
    await harness.pollActivity();
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'wf-1', signalName: 'go' });
    expect(stats(harness.engine)).toEqual(counts(1, 1, 0, 1));

    await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, ...run });
    expect(stats(harness.engine)).toEqual(counts(0, 0, 0, 0));
    expect(lists(harness.engine)).toEqual([]);
    expect(started(harness.engine)).toEqual([]);
  });

  it('drops tasks that time out and an activity cancelled before it started', async () => {
    harness = await Harness.create();
    await harness.start('wf-1');
    const first = await harness.pollDecision();
    await harness.decide(first.taskToken, [scheduleActivity('a1'), scheduleActivity('a2', { scheduleToStartTimeout: '5' })]);
    expect(stats(harness.engine)).toEqual(counts(0, 2, 0, 0));

    await harness.clock.advance(5_000); // a2: SCHEDULE_TO_START; a new decision task is queued
    expect(stats(harness.engine)).toEqual(counts(1, 1, 0, 0));
    const second = await harness.pollDecision();
    expect(stats(harness.engine)).toEqual(counts(0, 1, 1, 0));

    await harness.clock.advance(10_000); // the decision task's START_TO_CLOSE: the next one is queued
    expect(stats(harness.engine)).toEqual(counts(1, 1, 0, 0));
    await expect(harness.decide(second.taskToken, [])).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });

    const third = await harness.pollDecision();
    await harness.decide(third.taskToken, [{ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } }]);
    expect(stats(harness.engine)).toEqual(counts(1, 0, 0, 0));
  });

  it('counts a running lambda function until its outcome, or until its run closes', async () => {
    let release: (value: string) => void = () => {};
    harness = await Harness.create({ lambdaHandlers: { wait: () => new Promise<string>((resolve) => (release = resolve)) } });
    const lambda = (id: string): Wire => ({ decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id, name: 'wait' } });
    const run = await harness.start('wf-1', { lambdaRole: 'arn:aws:iam::123456789012:role/lambda' });
    await harness.decide((await harness.pollDecision()).taskToken, [lambda('l1')]);
    expect(stats(harness.engine)).toEqual(counts(0, 0, 0, 0, 1));
    expect(started(harness.engine)).toEqual([expect.objectContaining({ kind: 'lambda', taskList: '', scheduledEventId: 5, startedEventId: 6 })]);

    release('done');
    await harness.clock.advance(0);
    expect(stats(harness.engine)).toEqual(counts(1, 0, 0, 0, 0));

    await harness.decide((await harness.pollDecision()).taskToken, [lambda('l2')]);
    expect(stats(harness.engine)).toEqual(counts(0, 0, 0, 0, 1));
    await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, ...run });
    expect(stats(harness.engine)).toEqual(counts(0, 0, 0, 0, 0));
  });

  it('is rebuilt from the store by an engine restarted on it, and emptied by reset()', async () => {
    const store = new MemoryStore();
    harness = await Harness.create({ store });
    await harness.start('wf-1');
    await harness.start('wf-2');
    await harness.decide((await harness.pollDecision()).taskToken, [scheduleActivity('a1'), scheduleActivity('a2')]);
    await harness.pollActivity();
    await harness.pollDecision();
    const before = stats(harness.engine);
    expect(before).toEqual(counts(0, 1, 1, 1));

    harness.close();
    harness = new Harness({ store, clock: harness.clock });
    expect(stats(harness.engine)).toEqual(before);
    expect(started(harness.engine).map((task) => task.kind).sort()).toEqual(['activity', 'decision']);

    harness.engine.reset();
    expect(harness.engine.stats()).toEqual(counts(0, 0, 0, 0));
    expect(lists(harness.engine)).toEqual([]);
  });
});
