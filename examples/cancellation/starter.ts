/** Starts a long export, cancels it after three seconds, and prints how the run ended. */
import { setTimeout as delay } from 'node:timers/promises';
import { WorkflowClient } from '@swirl/client';
import { CancelledFailure } from '@swirl/core';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { ExportWorkflow } from './workflow.js';

const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const handle = await client.start(ExportWorkflow, { workflowId: `export-${Date.now().toString(36)}`, input: { table: 'orders', rows: 1_000_000 } });
console.log(`started ${handle.workflowId}; cancelling it in 3 s`);
await delay(3_000);
await handle.requestCancel();
try {
  console.log('completed:', await handle.result());
} catch (error) {
  if (!(error instanceof CancelledFailure)) throw error;
  console.log(`cancelled: ${error.message}`);
  console.log(`see the cancellation and the cleanup with: pnpm swirl --domain ${EXAMPLES_DOMAIN} history show ${handle.workflowId}`);
}
client.swf.destroy();
