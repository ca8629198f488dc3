import { afterEach, describe, expect, it } from 'vitest';
import { SwfEngine } from '../../src/engine/swf-engine.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { complete, DOMAIN, Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

describe('history event limit', () => {
  it('terminates a run with EVENT_LIMIT_EXCEEDED when its history reaches the limit', async () => {
    harness = await Harness.create({ historyEventLimit: 20 });
    const run = await harness.start();
    for (let i = 0; i < 30; i++) {
      await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's' }).catch(() => undefined);
    }
    const events = await harness.history(run);
    expect(events).toHaveLength(20);
    expect(events.at(-1)).toMatchObject({
      eventType: 'WorkflowExecutionTerminated',
      workflowExecutionTerminatedEventAttributes: { cause: 'EVENT_LIMIT_EXCEEDED', childPolicy: 'TERMINATE' },
    });
  });

  it('uses 25,000 events by default', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    // 2 events exist; 24,997 signals bring the history to 24,999 = limit - 1, which terminates the run.
    for (let i = 0; i < 24_996; i++) await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's' });
    expect((await harness.describe(run)).executionInfo.executionStatus).toBe('OPEN');
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's' });
    const last = await harness.call('GetWorkflowExecutionHistory', { domain: DOMAIN, execution: run, reverseOrder: true, maximumPageSize: 1 });
    expect(last.events[0]).toMatchObject({ eventId: 25_000, eventType: 'WorkflowExecutionTerminated' });
  });

  it('refuses a limit too small to run a workflow', () => {
    expect(() => new SwfEngine({ historyEventLimit: 3, store: new MemoryStore() })).toThrow(/historyEventLimit/);
  });
});

describe('retention', () => {
  it('removes a closed run after the domain retention period', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [complete()]);
    await harness.clock.advance(86_400_000 - 1);
    expect((await harness.describe(run)).executionInfo.closeStatus).toBe('COMPLETED');
    await harness.clock.advance(1);
    await expect(harness.describe(run)).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });
    const closed = await harness.call('CountClosedWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: 0 } });
    expect(closed.count).toBe(0);
  });
});

describe('reset and close', () => {
  it('reset wipes every record and disarms every deadline', async () => {
    harness = await Harness.create();
    await harness.start();
    expect(harness.clock.pendingTimers).toBeGreaterThan(0);
    harness.engine.reset();
    expect(harness.clock.pendingTimers).toBe(0);
    await expect(harness.call('DescribeDomain', { name: DOMAIN })).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });
  });
});
