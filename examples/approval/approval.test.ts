import { replayHistory, TestEnvironment } from '@swirl/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsOfType } from '../shared/history-queries.js';
import { EXAMPLES_DOMAIN } from '../shared/swf-connection.js';
import { APPROVAL_TASK_LIST, Approvals, Purchasing, type PurchaseRequest } from './activities.js';
import { decide } from './signals.js';
import { PurchaseApprovalWorkflow, type ApprovalState } from './workflow.js';

const request: PurchaseRequest = { requestId: 'r-1', item: 'standing desk', amountCents: 48_900, approver: 'grace' };
const DAY = 86_400_000;

describe('approval', () => {
  let env: TestEnvironment;
  beforeEach(async () => {
    env = await TestEnvironment.create({ domain: EXAMPLES_DOMAIN });
    await env.createWorker({ taskList: APPROVAL_TASK_LIST, workflows: [PurchaseApprovalWorkflow], activities: [new Approvals(), new Purchasing()] });
  });
  afterEach(() => env.teardown());

  it('publishes that it waits, then places the order when the approval signal beats the timer', async () => {
    const startedAt = env.now().getTime();
    const handle = await env.client.start(PurchaseApprovalWorkflow, { workflowId: 'approval-1', input: { request, timeout: '3d' } });
    await env.waitUntilIdle();
    const waiting = await handle.describe<ApprovalState>();
    expect(waiting.publishedState).toEqual({ status: 'WAITING_FOR_APPROVAL', approver: 'grace', deadline: expect.any(String) });
    expect(Date.parse(waiting.publishedState!.deadline) - startedAt).toBeGreaterThanOrEqual(3 * DAY);
    expect(waiting.openCounts.openTimers).toBe(1);

    await env.sleep('1d');
    await handle.signal(decide, { approved: true, by: 'grace', comment: 'within budget' });
    const result = await env.runUntil(handle.result());
    expect(result).toMatchObject({ status: 'ORDERED', decidedBy: 'grace', comment: 'within budget', purchaseOrder: 'PO-r-1' });
    expect((await handle.describe<ApprovalState>()).publishedState).toEqual(result);
    // The signal won: the timer was cancelled, never fired.
    const events = await handle.fetchHistory();
    expect(eventsOfType(events, 'TimerCanceled')).toHaveLength(1);
    expect(eventsOfType(events, 'TimerFired')).toHaveLength(0);
  });

  it('records a rejection without placing the order', async () => {
    const handle = await env.client.start(PurchaseApprovalWorkflow, { workflowId: 'approval-2', input: { request, timeout: '3d' } });
    await handle.signal(decide, { approved: false, by: 'grace' });
    expect(await env.runUntil(handle.result())).toMatchObject({ status: 'REJECTED', decidedBy: 'grace' });
    const activities = eventsOfType(await handle.fetchHistory(), 'ActivityTaskScheduled').map((event) => event.activityTaskScheduledEventAttributes?.activityType?.name);
    expect(activities).toEqual(['Approvals.askApprover']);
  });

  it('expires when nobody decides before the timer fires, three virtual days later', async () => {
    const startedAt = env.now().getTime();
    const handle = await env.client.start(PurchaseApprovalWorkflow, { workflowId: 'approval-3', input: { request, timeout: '3d' } });
    expect(await env.runUntil(handle.result())).toMatchObject({ status: 'EXPIRED' });
    expect(env.now().getTime() - startedAt).toBeGreaterThanOrEqual(3 * DAY);
    expect(eventsOfType(await handle.fetchHistory(), 'TimerFired')).toHaveLength(1);
  });

  it('fails the execution at once on a timeout it cannot read', async () => {
    const handle = await env.client.start(PurchaseApprovalWorkflow, { workflowId: 'approval-4', input: { request, timeout: 'soon' } });
    await expect(env.runUntil(handle.result())).rejects.toThrow(/invalid approval timeout/);
  });
});

describe('approval histories', () => {
  it.each(['approved.json', 'expired.json'])('replays %s against the current code', async (file) => {
    const result = await replayHistory({ workflows: [PurchaseApprovalWorkflow] }, new URL(`./histories/${file}`, import.meta.url));
    expect(result.decisionTasks).toBeGreaterThan(2);
  });
});
