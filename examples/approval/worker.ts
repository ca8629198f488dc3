/** Runs the approval worker until Ctrl-C. */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { APPROVAL_TASK_LIST, Approvals, Purchasing } from './activities.js';
import { PurchaseApprovalWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: APPROVAL_TASK_LIST,
  workflows: [PurchaseApprovalWorkflow],
  activities: [new Approvals(), new Purchasing()],
});
await worker.run();
