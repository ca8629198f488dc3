/** Starts one HelloWorkflow, waits for it to close and prints its result: `pnpm start [name]`. */
import { WorkflowClient } from '@swirl/client';
import { DOMAIN, swf } from './swf.js';
import { HelloWorkflow } from './workflow.js';

const name = process.argv[2] ?? 'world';
const client = new WorkflowClient({ client: swf, domain: DOMAIN });
const handle = await client.start(HelloWorkflow, { workflowId: `hello-${Date.now()}`, input: { name } });
console.log(`started ${handle.workflowId} run ${handle.runId}`);
console.log(await handle.result());
swf.destroy();
