/**
 * Starts a schedule that builds a report every 5 seconds, 3 per run, 7 in all (about 35 s of real
 * time), then lists the runs continue-as-new chained together and prints the summary.
 */
import { WorkflowClient } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { PeriodicReportWorkflow } from './workflow.js';

const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const workflowId = `reports-${Date.now().toString(36)}`;
const handle = await client.start(PeriodicReportWorkflow, { workflowId, input: { every: '5s', jobsPerRun: 3, maxJobs: 7 } });
console.log(`started ${workflowId}: a report every 5s, 3 per run, 7 in all`);
const summary = await handle.result(); // follows the continue-as-new chain to the run that completes
for await (const run of client.list({ status: 'closed', workflowId, reverseOrder: true })) {
  console.log(`run ${run.execution?.runId}: ${run.closeStatus}`);
}
console.log(summary);
client.swf.destroy();
