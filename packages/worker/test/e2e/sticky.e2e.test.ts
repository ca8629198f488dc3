import type { HistoryEvent } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { ALL_WORKFLOWS, Kitchen, Sequential, TASK_LIST } from './workflows.js';

/** A history without what legitimately differs between runs: times, identities and the sticky task list. */
function normalize(events: HistoryEvent[]): unknown[] {
  return events.map((event) => {
    const { eventTimestamp: _time, ...rest } = structuredClone(event);
    for (const [key, attributes] of Object.entries(rest)) {
      if (!key.endsWith('EventAttributes') || typeof attributes !== 'object') continue;
      const value = attributes as Record<string, unknown>;
      delete value.identity;
      if (event.eventType === 'DecisionTaskScheduled') {
        delete value.taskList;
        delete value.scheduleToStartTimeout;
      }
      if (event.eventType === 'DecisionTaskCompleted') {
        delete value.taskList;
        delete value.taskListScheduleToStartTimeout;
      }
    }
    return rest;
  });
}

describe('end to end over HTTP: sticky execution', () => {
  let swf: Swf;
  beforeAll(async () => {
    swf = await startSwf();
  });
  afterAll(async () => {
    await swf?.close();
  });

  async function runIn(domain: string, stickyCacheSize: number) {
    const { worker, stop } = await runWorker({
      client: swf.newClient(),
      domain,
      taskList: TASK_LIST,
      workflows: ALL_WORKFLOWS,
      activities: [new Kitchen()],
      stickyCacheSize,
    });
    const execution = await startWorkflow(swf.client, domain, Sequential, { workflowId: 'same-id', input: 6 });
    const events = await waitForClose(swf.client, domain, execution);
    const cache = worker.stats.cache;
    await stop();
    return { events, cache, stickyTaskList: worker.stickyTaskList };
  }

  it('produces the same history with and without the sticky cache', async () => {
    const sticky = await runIn('e2e-sticky', 100);
    const plain = await runIn('e2e-plain', 0);

    expect(sticky.events.at(-1)?.eventType).toBe('WorkflowExecutionCompleted');
    expect(normalize(sticky.events)).toEqual(normalize(plain.events));

    // The sticky run really went through the worker's own list and applied only new events.
    const stickyCompletions = sticky.events.filter((event) => event.decisionTaskCompletedEventAttributes?.taskList?.name === sticky.stickyTaskList);
    expect(stickyCompletions.length).toBeGreaterThan(0);
    expect(sticky.cache.hits).toBeGreaterThan(0);
    expect(plain.stickyTaskList).toBeUndefined();
    expect(plain.cache.hits).toBe(0);
    expect(plain.events.some((event) => event.decisionTaskCompletedEventAttributes?.taskList !== undefined)).toBe(false);
  });
});
