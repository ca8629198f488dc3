/** Starts one HelloWorkflow, waits for it to close and prints its result. */
import { WorkflowClient } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { HelloWorkflow } from './workflow.js';

const name = process.argv[2] ?? 'world';
const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const handle = await client.start(HelloWorkflow, { workflowId: `hello-${Date.now()}`, input: { name } });
console.log(`started ${handle.workflowId} run ${handle.runId}`);
console.log(await handle.result());
client.swf.destroy();
