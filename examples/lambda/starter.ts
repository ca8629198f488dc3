/** Starts one WordStats execution on a text and prints the filed report. */
import { WorkflowClient } from '@swirl/client';
import { EXAMPLES_DOMAIN, swfClientFromEnvironment } from '../shared/swf-connection.js';
import { WordStatsWorkflow } from './workflow.js';

const text = process.argv[2] ?? 'It was the best of times, it was the worst of times, it was the age of wisdom';
const client = new WorkflowClient({ client: swfClientFromEnvironment(), domain: EXAMPLES_DOMAIN });
const handle = await client.start(WordStatsWorkflow, { workflowId: `word-stats-${Date.now().toString(36)}`, input: { title: 'sample', text } });
console.log(await handle.result());
client.swf.destroy();
