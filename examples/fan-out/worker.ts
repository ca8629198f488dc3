/** Runs the fan-out worker until Ctrl-C: it decides both the parent and the children, and renders thumbnails. */
import { Worker } from '@swirl/worker';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { FAN_OUT_TASK_LIST, Thumbnails } from './activities.js';
import { GalleryWorkflow, ThumbnailWorkflow } from './workflow.js';

const worker = await Worker.create({
  client: swfClientFromEnvironment(),
  domain: EXAMPLES_DOMAIN,
  taskList: FAN_OUT_TASK_LIST,
  workflows: [GalleryWorkflow, ThumbnailWorkflow],
  activities: [new Thumbnails()],
});
await worker.run();
