/** The committed history of fan-out: the parent of four children, two at a time, one of them failing. */
import { recordRun, type Recording } from '../shared/recording.js';
import { FAN_OUT_TASK_LIST, Thumbnails } from './activities.js';
import { GalleryWorkflow, ThumbnailWorkflow } from './workflow.js';

export const recordings: readonly Recording[] = [
  {
    file: 'gallery.json',
    record: () =>
      recordRun({ workers: [{ taskList: FAN_OUT_TASK_LIST, workflows: [GalleryWorkflow, ThumbnailWorkflow], activities: [new Thumbnails()] }] }, async (run) => {
        const images = ['beach.jpg', 'city.jpg', 'broken.corrupt', 'moon.jpg'];
        const handle = await run.client.start(GalleryWorkflow, { workflowId: 'gallery', input: { images, concurrency: 2 } });
        await handle.result();
        return handle;
      }),
  },
];
