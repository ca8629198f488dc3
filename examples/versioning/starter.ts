/** Starts a signup, confirms its email with a signal, and prints the result. */
import { WorkflowClient } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { emailConfirmed } from './signals.js';
import { SignupWorkflow } from './workflow.js';

const email = process.argv[2] ?? 'ada@example.com';
const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const handle = await client.start(SignupWorkflow, { workflowId: `signup-${Date.now().toString(36)}`, input: { email } });
await handle.signal(emailConfirmed);
console.log(await handle.result());
client.swf.destroy();
