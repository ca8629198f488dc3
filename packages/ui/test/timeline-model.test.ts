import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { executionLinks } from '../web/src/model/execution-links.js';
import { buildTimeline } from '../web/src/model/timeline-model.js';
import type { WireEvent } from '../web/src/model/wire.js';

// A recorded run of the order-saga example (examples/order-saga/histories, this repository's own recording).
const compensated = JSON.parse(readFileSync(new URL('../../../examples/order-saga/histories/compensated.json', import.meta.url), 'utf8')) as { events: WireEvent[] };

let nextId = 1;
const event = (eventType: string, attributes: Record<string, unknown> = {}, at = nextId): WireEvent => {
  const eventId = nextId++;
  return { eventId, eventType, eventTimestamp: at, [`${eventType[0]!.toLowerCase()}${eventType.slice(1)}EventAttributes`]: attributes };
};

describe('the timeline model', () => {
  it('turns the compensated order saga into its seven rows with the charge and the shipment failed', () => {
    const model = buildTimeline(compensated.events, 0);
    expect(model.rows.map((row) => [row.label, row.outcome])).toEqual([
      ['Inventory.reserve v1 (a1)', 'completed'],
      ['Payments.charge v1 (a2)', 'failed'],
      ['timer r1 (1s)', 'fired'],
      ['Payments.charge v1 (a2)', 'completed'],
      ['Shipping.ship v1 (a3)', 'failed'],
      ['Payments.refund v1 (a4)', 'completed'],
      ['Inventory.release v1 (a5)', 'completed'],
    ]);
    expect(model.ticks).toHaveLength(compensated.events.filter((e) => e.eventType === 'DecisionTaskCompleted').length);
    expect(model.end).toBe(compensated.events.at(-1)!.eventTimestamp);
  });

  it('keeps an unfinished row running until now, and an open run ends the chart at now', () => {
    nextId = 1;
    const events = [event('WorkflowExecutionStarted', {}, 100), event('ActivityTaskScheduled', { activityId: 'a1', activityType: { name: 'A', version: '1' } }, 101), event('ActivityTaskStarted', { scheduledEventId: 2 }, 102)];
    const model = buildTimeline(events, 110);
    expect(model.rows).toEqual([expect.objectContaining({ outcome: 'running', scheduled: 101, started: 102 })]);
    expect(model.rows[0]!.closed).toBeUndefined();
    expect(model.end).toBe(110);
  });

  it('gives children and lambdas rows, timed out and terminated marked as such', () => {
    nextId = 1;
    const events = [
      event('WorkflowExecutionStarted'),
      event('StartChildWorkflowExecutionInitiated', { workflowId: 'kid', workflowType: { name: 'K', version: '2' } }),
      event('ChildWorkflowExecutionStarted', { initiatedEventId: 2, workflowExecution: { workflowId: 'kid', runId: 'r-kid' } }),
      event('ChildWorkflowExecutionTerminated', { initiatedEventId: 2 }),
      event('LambdaFunctionScheduled', { id: 'l1', name: 'fn' }),
      event('LambdaFunctionTimedOut', { scheduledEventId: 5 }),
    ];
    expect(buildTimeline(events, 10).rows.map((row) => [row.kind, row.outcome])).toEqual([
      ['child', 'terminated'],
      ['lambda', 'timedOut'],
    ]);
    expect(executionLinks(events).children).toEqual([{ workflowId: 'kid', runId: 'r-kid', type: 'K v2' }]);
  });

  it('reads the parent and the continue-as-new chain from the history', () => {
    nextId = 1;
    const links = executionLinks([
      event('WorkflowExecutionStarted', { parentWorkflowExecution: { workflowId: 'p', runId: 'rp' }, continuedExecutionRunId: 'r0' }),
      event('WorkflowExecutionContinuedAsNew', { newExecutionRunId: 'r2' }),
    ]);
    expect(links).toEqual({ parent: { workflowId: 'p', runId: 'rp' }, continuedFrom: 'r0', continuedAs: 'r2', children: [] });
  });
});
