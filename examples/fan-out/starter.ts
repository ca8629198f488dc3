/** Starts a gallery of six images (one corrupt), three children at a time, and prints what came back. */
import { WorkflowClient } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { GalleryWorkflow } from './workflow.js';

const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const images = ['beach.jpg', 'city.jpg', 'dog.jpg', 'broken.corrupt', 'forest.jpg', 'moon.jpg'];
const handle = await client.start(GalleryWorkflow, { workflowId: `gallery-${Date.now().toString(36)}`, input: { images, concurrency: 3 } });
console.log(`started ${handle.workflowId}: ${images.length} images, 3 at a time`);
const { thumbnails, failures } = await handle.result();
for (const { image, thumbnail } of thumbnails) console.log(`ok      ${image} -> ${thumbnail}`);
for (const { image, reason } of failures) console.log(`failed  ${image}: ${reason}`);
client.swf.destroy();
