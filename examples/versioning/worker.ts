/** Runs the signup worker (the changed, patched workflow) until Ctrl-C. */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { Accounts, SIGNUP_TASK_LIST } from './activities.js';
import { SignupWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: SIGNUP_TASK_LIST,
  workflows: [SignupWorkflow],
  activities: [new Accounts()],
});
await worker.run();
