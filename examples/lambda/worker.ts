/** Runs the lambda example's worker until Ctrl-C. The Lambda function itself runs in the server, not here. */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { LAMBDA_TASK_LIST, Reports } from './activities.js';
import { WordStatsWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: LAMBDA_TASK_LIST,
  workflows: [WordStatsWorkflow],
  activities: [new Reports()],
});
await worker.run();
