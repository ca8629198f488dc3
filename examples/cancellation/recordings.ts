/** The committed history of cancellation: an export cancelled by the client once it had written rows. */
import { setTimeout as delay } from 'node:timers/promises';
import { CancelledFailure } from '@swirl/core';
import { recordRun, type Recording } from '../shared/recording.js';
import { CANCELLATION_TASK_LIST, Exports, Warehouse } from './activities.js';
import { ExportWorkflow } from './workflow.js';

export const recordings: readonly Recording[] = [
  {
    file: 'cancelled.json',
    record: () => {
      const warehouse = new Warehouse();
      return recordRun({ workers: [{ taskList: CANCELLATION_TASK_LIST, workflows: [ExportWorkflow], activities: [new Exports(warehouse)] }] }, async (run) => {
        const handle = await run.client.start(ExportWorkflow, { workflowId: 'export-orders', input: { table: 'orders', rows: 1_000_000 } });
        while (warehouse.rows('orders') === 0) await delay(20);
        await handle.requestCancel();
        const outcome = await handle.result().then(
          () => new Error('the export completed instead of being cancelled'),
          (error: unknown) => (error instanceof CancelledFailure ? undefined : error),
        );
        if (outcome) throw outcome;
        return handle;
      });
    },
  },
];
