/** Starts three file jobs and prints where each was processed and uploaded. */
import { WorkflowClient } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { FileProcessingWorkflow } from './workflow.js';

const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const batch = Date.now().toString(36);
const handles = await Promise.all(
  ['a', 'b', 'c'].map((name) =>
    client.start(FileProcessingWorkflow, { workflowId: `file-${batch}-${name}`, input: { url: `https://example.com/${name}.csv`, name: `${batch}-${name}.json` } }),
  ),
);
for (const handle of handles) {
  const result = await handle.result();
  console.log(`${handle.workflowId}: ${result.lines} lines, processed and uploaded on ${result.hosts.join(' and ')} -> ${result.location}`);
}
client.swf.destroy();
