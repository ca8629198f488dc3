/** Runs the hello worker until Ctrl-C: it decides HelloWorkflow and runs the Greetings activities. */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { Greetings, HELLO_TASK_LIST } from './activities.js';
import { HelloWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: HELLO_TASK_LIST,
  workflows: [HelloWorkflow],
  activities: [new Greetings()],
});
await worker.run();
