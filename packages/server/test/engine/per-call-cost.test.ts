import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { ExecutionPageQuery } from '../../src/store/execution-query.js';
import type { HistoryEventRecord } from '../../src/store/records.js';
import { DOMAIN, Harness, WORKFLOW } from './harness.js';

/**
 * Not timings: these count the records the engine asks its store for, so a path that starts
 * scanning every execution or every event fails here instead of in a benchmark.
 */
class CountingStore extends MemoryStore {
  eventsRead = 0;
  readCalls = 0;
  listedDomains: string[] = [];

  override readEvents(domain: string, workflowId: string, runId: string, fromEventId: number, toEventId: number): HistoryEventRecord[] {
    const events = super.readEvents(domain, workflowId, runId, fromEventId, toEventId);
    this.readCalls++;
    this.eventsRead += events.length;
    return events;
  }

  override queryExecutions(query: ExecutionPageQuery) {
    this.listedDomains.push(query.domain);
    return super.queryExecutions(query);
  }

  resetCounts(): void {
    this.eventsRead = 0;
    this.readCalls = 0;
    this.listedDomains = [];
  }
}

let harness: Harness;
afterEach(() => harness?.close());

const marker = (name: string) => ({ decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: name } });
const timer = (seconds: number) => ({ decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't', startToFireTimeout: String(seconds) } });

describe('per-call cost', () => {
  it('reads only the requested page of a long history', async () => {
    const store = new CountingStore();
    harness = await Harness.create({ store });
    const run = await harness.start();
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, Array.from({ length: 500 }, (_, i) => marker(`m${i}`)));
    store.resetCounts();
    const page = await harness.call('GetWorkflowExecutionHistory', { domain: DOMAIN, execution: run, maximumPageSize: 10, reverseOrder: true });
    expect(page.events).toHaveLength(10);
    expect(store.eventsRead).toBe(10);
  });

  it('finds the startAtPreviousStartedEvent boundary in O(log n) single-event reads', async () => {
    const store = new CountingStore();
    harness = await Harness.create({ store });
    await harness.start();
    const first = await harness.pollDecision();
    await harness.decide(first.taskToken, [...Array.from({ length: 1_000 }, (_, i) => marker(`m${i}`)), timer(1)]);
    await harness.clock.advance(1_000);
    const second = await harness.pollDecision();
    await harness.clock.advance(1_000);
    await harness.decide(second.taskToken, [timer(1)]);
    await harness.clock.advance(1_000);
    store.resetCounts();
    const third = await harness.pollDecision(undefined, { startAtPreviousStartedEvent: true, maximumPageSize: 5 });
    // TimerFired and DecisionTaskScheduled share the previous DecisionTaskStarted's millisecond.
    expect(third.events.slice(0, 3).map((e: { eventType: string }) => e.eventType)).toEqual(['TimerFired', 'DecisionTaskScheduled', 'DecisionTaskStarted']);
    expect(third.events[2].eventId).toBe(second.startedEventId);
    expect(store.readCalls).toBeLessThanOrEqual(Math.ceil(Math.log2(1_010)) + 2);
    expect(store.eventsRead).toBeLessThanOrEqual(Math.ceil(Math.log2(1_010)) + 1 + 5);
  });

  it('lists executions from the asked domain only, whatever other domains hold', async () => {
    const store = new CountingStore();
    harness = await Harness.create({ store });
    await harness.call('RegisterDomain', { name: 'busy', workflowExecutionRetentionPeriodInDays: '1' });
    await harness.call('RegisterWorkflowType', {
      domain: 'busy',
      ...WORKFLOW,
      defaultTaskList: { name: 'busy' },
      defaultTaskStartToCloseTimeout: '10',
      defaultExecutionStartToCloseTimeout: '60',
      defaultChildPolicy: 'TERMINATE',
    });
    for (let i = 0; i < 50; i++) await harness.call('StartWorkflowExecution', { domain: 'busy', workflowId: `w${i}`, workflowType: WORKFLOW });
    store.resetCounts();
    const listed = await harness.call('ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: 0 } });
    expect(listed.executionInfos).toEqual([]);
    expect(store.listedDomains).toEqual([DOMAIN]);
  });
});
