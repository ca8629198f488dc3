/** Runs the worker until Ctrl-C: it decides HelloWorkflow and runs the Greetings activities. */
import { Worker } from '@swirl/worker';
import { Greetings, TASK_LIST } from './activities.js';
import { DOMAIN, swf } from './swf.js';
import { HelloWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swf,
  domain: DOMAIN,
  taskList: TASK_LIST,
  workflows: [HelloWorkflow],
  activities: [new Greetings()],
});
await worker.start(); // registers the domain and the types, then polls until SIGINT/SIGTERM
console.log(`worker polling task list ${TASK_LIST} in domain ${DOMAIN}`);
