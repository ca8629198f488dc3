import type { HistoryEvent, PollForDecisionTaskCommandInput, PollForDecisionTaskCommandOutput, SWFClient } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { ALL_WORKFLOWS, GreetingChain, Kitchen, Sequential, TASK_LIST } from './workflows.js';

/** Records, for every PollForDecisionTask answer with events, its task list, whether it was a further page, and its event count. */
function recordDecisionPages(client: SWFClient) {
  const pages: Array<{ taskList: string; furtherPage: boolean; events: number }> = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'PollForDecisionTaskCommand') {
        const input = args.input as PollForDecisionTaskCommandInput;
        const events = (result.output as PollForDecisionTaskCommandOutput).events ?? [];
        if (events.length > 0) pages.push({ taskList: input.taskList!.name!, furtherPage: input.nextPageToken !== undefined, events: events.length });
      }
      return result;
    },
    { step: 'initialize', name: 'recordDecisionPages' },
  );
  return pages;
}

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

  it('hits the cache on every decision task after the first of a run of fast sequential activities, fetching small pages', async () => {
    const client = swf.newClient();
    const pages = recordDecisionPages(client);
    const { worker, stop } = await runWorker({ client, domain: 'e2e-sticky-chain', taskList: TASK_LIST, workflows: [GreetingChain], activities: [new Kitchen()] });
    const misses: string[] = [];
    worker.events.on('cacheMiss', ({ reason }) => misses.push(reason));
    const execution = await startWorkflow(swf.client, 'e2e-sticky-chain', GreetingChain, { workflowId: 'chain', input: 25 });
    const events = await waitForClose(swf.client, 'e2e-sticky-chain', execution);
    const { cache, stickyTaskList } = { cache: worker.stats.cache, stickyTaskList: worker.stickyTaskList };
    await stop();

    expect(events.at(-1)?.eventType).toBe('WorkflowExecutionCompleted');
    const decisionTasks = events.filter((event) => event.eventType === 'DecisionTaskCompleted').length;
    expect(decisionTasks).toBe(26);
    // Only the run's first task replays; each later one finds the runtime its predecessor cached.
    expect(misses).toEqual(['NOT_CACHED']);
    expect(cache.hits).toBe(decisionTasks - 1);
    // Tasks on the sticky list come with a first page of at most stickyFirstPageSize (25) events, and need no more.
    const stickyPages = pages.filter((page) => page.taskList === stickyTaskList);
    expect(stickyPages.length).toBeGreaterThan(0);
    expect(stickyPages.every((page) => !page.furtherPage && page.events <= 25)).toBe(true);
  });
});
