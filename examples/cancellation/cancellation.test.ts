import { CancelledFailure } from '@swirl/core';
import { replayHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventTypes, scheduledActivities } from '../shared/history-queries.js';
import { startLocalRun, type LocalRun } from '../shared/local-run.js';
import { CANCELLATION_TASK_LIST, Exports, Warehouse } from './activities.js';
import { ExportWorkflow } from './workflow.js';

describe('cancellation', () => {
  const warehouse = new Warehouse();
  let run: LocalRun;
  beforeAll(async () => {
    run = await startLocalRun({ workers: [{ taskList: CANCELLATION_TASK_LIST, workflows: [ExportWorkflow], activities: [new Exports(warehouse)] }] });
  });
  afterAll(() => run.close());

  it('stops the heartbeating export when the client cancels, discards the partial rows and closes CANCELED', async () => {
    // A million rows take minutes: the export is still running whenever the cancel arrives.
    const handle = await run.client.start(ExportWorkflow, { workflowId: 'export-1', input: { table: 'orders', rows: 1_000_000 } });
    await vi.waitFor(() => expect(warehouse.rows('orders')).toBeGreaterThan(0), { timeout: 10_000, interval: 20 });

    await handle.requestCancel();
    await expect(handle.result()).rejects.toBeInstanceOf(CancelledFailure);
    expect(warehouse.rows('orders')).toBe(0);

    const events = await handle.fetchHistory();
    const positions = ['WorkflowExecutionCancelRequested', 'ActivityTaskCancelRequested', 'ActivityTaskCanceled', 'WorkflowExecutionCanceled'].map((type) =>
      eventTypes(events).indexOf(type),
    );
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(scheduledActivities(events).map(({ name }) => name)).toEqual(['Exports.exportRows', 'Exports.discardPartialExport']);
    const cleanupDone = events.find((event) => event.eventType === 'ActivityTaskCompleted');
    expect(Number(cleanupDone?.activityTaskCompletedEventAttributes?.result)).toBeGreaterThan(0);
  });
});

describe('cancellation history', () => {
  it('replays the recorded cancelled run against the current code', async () => {
    const result = await replayHistory({ workflows: [ExportWorkflow] }, new URL('./histories/cancelled.json', import.meta.url));
    expect(result.decisionTasks).toBeGreaterThan(2);
  });
});
