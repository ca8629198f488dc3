import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { ACTIVITIES, DECISIONS, Driver, expectSwfError, registerFixtures, scheduleActivity, startConformance } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'visibility';
const T0 = Date.UTC(2024, 0, 1);
const ids = (infos: WorkflowExecutionInfo[] | undefined): string[] => (infos ?? []).map((info) => info.execution?.workflowId ?? '?');

describe('visibility: lists, filters and counts over HTTP', () => {
  let c: Conformance;
  let clock: VirtualClock;
  let driver: Driver;
  const runs: Record<string, string> = {};

  beforeAll(async () => {
    clock = new VirtualClock(T0);
    c = await startConformance({ clock });
    driver = new Driver(c.swf, DOMAIN);
    await registerFixtures(c.swf, DOMAIN);
    await c.swf.registerWorkflowType({ domain: DOMAIN, name: 'Other', version: '1', defaultTaskList: { name: DECISIONS }, defaultExecutionStartToCloseTimeout: '3600', defaultTaskStartToCloseTimeout: '60', defaultChildPolicy: 'TERMINATE' });
    // Five runs started a minute apart, tagged even/odd; w5 has another type; w2 and w4 are then terminated.
    for (const [index, workflowId] of ['w1', 'w2', 'w3', 'w4', 'w5'].entries()) {
      await clock.advanceTo(T0 + (index + 1) * 60_000);
      runs[workflowId] = await driver.start(workflowId, {
        tagList: index % 2 === 0 ? ['even'] : ['odd'],
        ...(workflowId === 'w5' && { workflowType: { name: 'Other', version: '1' } }),
      });
    }
    await clock.advanceTo(T0 + 10 * 60_000);
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'w2' });
    await clock.advanceTo(T0 + 11 * 60_000);
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'w4' });
  });
  afterAll(async () => c.close());

  const since = (minutes: number) => ({ oldestDate: new Date(T0 + minutes * 60_000) });

  it('lists open runs newest first, and oldest first with reverseOrder', async () => {
    const open = await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0) });
    expect(ids(open.executionInfos)).toEqual(['w5', 'w3', 'w1']);
    const reversed = await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), reverseOrder: true });
    expect(ids(reversed.executionInfos)).toEqual(['w1', 'w3', 'w5']);
    expect(open.executionInfos?.[0]).toMatchObject({ executionStatus: 'OPEN', cancelRequested: false, tagList: ['even'] });
    expect(open.executionInfos?.[0]?.startTimestamp).toEqual(new Date(T0 + 5 * 60_000));
  });

  it('filters open runs by start time window, workflowId, type and tag', async () => {
    const window = { oldestDate: new Date(T0 + 2 * 60_000), latestDate: new Date(T0 + 4 * 60_000) };
    expect(ids((await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: window })).executionInfos)).toEqual(['w3']);
    expect(ids((await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), executionFilter: { workflowId: 'w1' } })).executionInfos)).toEqual(['w1']);
    expect(ids((await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), typeFilter: { name: 'Other' } })).executionInfos)).toEqual(['w5']);
    expect(ids((await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), typeFilter: { name: 'OrderWorkflow', version: '1' } })).executionInfos)).toEqual(['w3', 'w1']);
    expect(ids((await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), tagFilter: { tag: 'even' } })).executionInfos)).toEqual(['w5', 'w3', 'w1']);
  });

  it('pages open runs with maximumPageSize and nextPageToken', async () => {
    const first = await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), maximumPageSize: 2 });
    expect(ids(first.executionInfos)).toEqual(['w5', 'w3']);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const second = await c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), maximumPageSize: 2, nextPageToken: first.nextPageToken });
    expect(ids(second.executionInfos)).toEqual(['w1']);
    expect(second.nextPageToken).toBeUndefined();
  });

  it('lists closed runs by start or close time, with a close-status filter', async () => {
    const byStart = await c.swf.listClosedWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0) });
    expect(ids(byStart.executionInfos)).toEqual(['w4', 'w2']);
    expect(byStart.executionInfos?.[0]).toMatchObject({ executionStatus: 'CLOSED', closeStatus: 'TERMINATED', closeTimestamp: new Date(T0 + 11 * 60_000) });
    const byClose = await c.swf.listClosedWorkflowExecutions({ domain: DOMAIN, closeTimeFilter: { oldestDate: new Date(T0 + 10.5 * 60_000) } });
    expect(ids(byClose.executionInfos)).toEqual(['w4']);
    const terminated = await c.swf.listClosedWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), closeStatusFilter: { status: 'TERMINATED' } });
    expect(ids(terminated.executionInfos)).toEqual(['w4', 'w2']);
    const completed = await c.swf.listClosedWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), closeStatusFilter: { status: 'COMPLETED' } });
    expect(completed.executionInfos).toEqual([]);
  });

  it('counts open and closed runs with the same filters', async () => {
    expect(await c.swf.countOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0) })).toMatchObject({ count: 3, truncated: false });
    expect((await c.swf.countOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), tagFilter: { tag: 'odd' } })).count).toBe(0);
    expect((await c.swf.countClosedWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0) })).count).toBe(2);
    expect((await c.swf.countClosedWorkflowExecutions({ domain: DOMAIN, closeTimeFilter: since(0), closeStatusFilter: { status: 'TERMINATED' } })).count).toBe(2);
    expect((await c.swf.countClosedWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), executionFilter: { workflowId: 'w2' } })).count).toBe(1);
  });

  it('refuses more than one filter, or both time filters, with ValidationException', async () => {
    await expectSwfError(
      c.swf.listOpenWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), executionFilter: { workflowId: 'w1' }, tagFilter: { tag: 'even' } }),
      'ValidationException',
    );
    await expectSwfError(c.swf.listClosedWorkflowExecutions({ domain: DOMAIN, startTimeFilter: since(0), closeTimeFilter: since(0) }), 'ValidationException');
    await expectSwfError(c.swf.countClosedWorkflowExecutions({ domain: DOMAIN }), 'ValidationException');
  });

  it('answers UnknownResourceFault for visibility calls on an unknown domain', async () => {
    await expectSwfError(c.swf.listOpenWorkflowExecutions({ domain: 'nowhere', startTimeFilter: since(0) }), 'UnknownResourceFault');
    await expectSwfError(c.swf.countPendingDecisionTasks({ domain: 'nowhere', taskList: { name: DECISIONS } }), 'UnknownResourceFault');
  });

  it('counts pending decision and activity tasks: scheduled and not yet handed out', async () => {
    expect(await c.swf.countPendingDecisionTasks({ domain: DOMAIN, taskList: { name: DECISIONS } })).toMatchObject({ count: 3, truncated: false });
    expect((await c.swf.countPendingDecisionTasks({ domain: DOMAIN, taskList: { name: 'never-used' } })).count).toBe(0);

    const task = await driver.pollDecision();
    expect((await c.swf.countPendingDecisionTasks({ domain: DOMAIN, taskList: { name: DECISIONS } })).count).toBe(2);
    await driver.decide(task.taskToken, [scheduleActivity('a1'), scheduleActivity('a2')]);
    expect((await c.swf.countPendingActivityTasks({ domain: DOMAIN, taskList: { name: ACTIVITIES } })).count).toBe(2);
    await driver.pollActivity();
    expect((await c.swf.countPendingActivityTasks({ domain: DOMAIN, taskList: { name: ACTIVITIES } })).count).toBe(1);
  });
});
