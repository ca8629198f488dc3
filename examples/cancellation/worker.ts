/** Runs the cancellation worker until Ctrl-C, with an in-memory warehouse as the export's destination. */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { CANCELLATION_TASK_LIST, Exports, Warehouse } from './activities.js';
import { ExportWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: CANCELLATION_TASK_LIST,
  workflows: [ExportWorkflow],
  activities: [new Exports(new Warehouse())],
});
await worker.run();
