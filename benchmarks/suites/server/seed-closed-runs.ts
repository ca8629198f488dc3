/**
 * Fills a server's store with closed runs before the CPU phase, so per-call cost is measured on a
 * store that already holds many (1,000 or 100,000). One run is started and terminated through the
 * API; its closed record is the template every other run copies with its own ids and times, saved
 * in one store transaction (starting and closing 100,000 runs through the API would take minutes).
 * The visibility suite seeds its own domain the same way to measure list pages.
 */
import { StartWorkflowExecutionCommand, TerminateWorkflowExecutionCommand } from '@aws-sdk/client-swf';
import type { Store } from '@swirl/server';
import { localSwfClient } from '../../harness/swf-client.js';
import { ONE_ACTIVITY_TYPE, registerServerBenchTypes, SERVER_BENCH_DOMAIN } from './one-activity-protocol.js';

export const SEED_TASK_LISTS = { taskList: 'bench-seed', activityTaskList: 'bench-seed-activities' } as const;

export async function seedClosedRuns(endpoint: string, store: Store, count: number): Promise<void> {
  if (count === 0) return;
  const client = localSwfClient(endpoint);
  try {
    await registerServerBenchTypes(client, SEED_TASK_LISTS.taskList, SEED_TASK_LISTS.activityTaskList);
    const workflowId = 'seed-template';
    const { runId } = await client.send(new StartWorkflowExecutionCommand({ domain: SERVER_BENCH_DOMAIN, workflowId, workflowType: ONE_ACTIVITY_TYPE }));
    await client.send(new TerminateWorkflowExecutionCommand({ domain: SERVER_BENCH_DOMAIN, workflowId, runId, reason: 'seed template' }));
    const template = store.getExecution(SERVER_BENCH_DOMAIN, workflowId, runId!);
    if (!template || template.status !== 'CLOSED') throw new Error(`seed template ${workflowId} ${runId} is not a closed run in the store`);
    store.transaction(() => {
      for (let index = 1; index < count; index += 1) {
        const startTimestamp = template.startTimestamp - index;
        store.saveExecution({ ...template, workflowId: `seed-${index}`, runId: `seed-run-${index.toString(36)}`, startTimestamp, closeTimestamp: startTimestamp + 1 });
      }
    });
  } finally {
    client.destroy();
  }
}
