import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { complete, DOMAIN, Harness, WORKFLOW } from './harness.js';

/**
 * The engine suites run on MemoryStore; these are the paths where one step reaches the same run
 * twice or touches several runs, run again on SqliteStore (they rely on one object per open run
 * and on each step committing as a unit).
 */
let harness: Harness;
let store: SqliteStore;
afterEach(() => {
  harness?.close();
  store?.close();
});

async function create(): Promise<Harness> {
  store = new SqliteStore({ path: ':memory:' });
  harness = await Harness.create({ store });
  return harness;
}

describe('the engine on SqliteStore', () => {
  it('continues as new: the old run closes, the new run is the open one and numbers its own events', async () => {
    await create();
    const first = await harness.start();
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [
      { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { input: 'round 2' } },
    ]);
    const closed = await harness.describe(first);
    expect(closed.executionInfo).toMatchObject({ executionStatus: 'CLOSED', closeStatus: 'CONTINUED_AS_NEW' });
    const open = await harness.call('ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: 0 } });
    expect(open.executionInfos).toHaveLength(1);
    const next = open.executionInfos[0].execution as { workflowId: string; runId: string };
    expect((await harness.history(next)).map((e) => e.eventId)).toEqual([1, 2]);
  });

  it('signals its own run from a decision without losing or renumbering events', async () => {
    await create();
    const run = await harness.start();
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [
      {
        decisionType: 'SignalExternalWorkflowExecution',
        signalExternalWorkflowExecutionDecisionAttributes: { workflowId: run.workflowId, runId: run.runId, signalName: 'self' },
      },
    ]);
    const events = await harness.history(run);
    expect(events.map((e) => e.eventId)).toEqual(events.map((_e, index) => index + 1));
    expect(events.map((e) => e.eventType)).toContain('WorkflowExecutionSignaled');
    expect(events.map((e) => e.eventType)).toContain('ExternalWorkflowExecutionSignaled');
  });

  it('terminates an open child when the parent completes (TERMINATE child policy) and tells nobody twice', async () => {
    await create();
    const parent = await harness.start('parent');
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [
      { decisionType: 'StartChildWorkflowExecution', startChildWorkflowExecutionDecisionAttributes: { workflowType: WORKFLOW, workflowId: 'child' } },
    ]);
    const parentTask = await harness.pollDecision();
    expect(parentTask.workflowExecution).toEqual(parent);
    await harness.decide(parentTask.taskToken, [complete()]);
    const children = await harness.call('ListClosedWorkflowExecutions', { domain: DOMAIN, executionFilter: { workflowId: 'child' }, startTimeFilter: { oldestDate: 0 } });
    expect(children.executionInfos[0]).toMatchObject({ closeStatus: 'TERMINATED' });
    expect((await harness.describe(parent)).executionInfo).toMatchObject({ closeStatus: 'COMPLETED' });
  });
});
