/** Runs the periodic worker until Ctrl-C. */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { PERIODIC_TASK_LIST, Reports } from './activities.js';
import { PeriodicReportWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: PERIODIC_TASK_LIST,
  workflows: [PeriodicReportWorkflow],
  activities: [new Reports()],
});
await worker.run();
