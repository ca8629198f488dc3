/** The committed history of the lambda example: one text through the Lambda function and the filing activity. */
import { recordRun, type Recording } from '../shared/recording.js';
import { LAMBDA_TASK_LIST, Reports } from './activities.js';
import { lambdaHandlers } from './functions.js';
import { WordStatsWorkflow } from './workflow.js';

export const recordings: readonly Recording[] = [
  {
    file: 'word-stats.json',
    record: () =>
      recordRun({ server: { lambdaHandlers }, workers: [{ taskList: LAMBDA_TASK_LIST, workflows: [WordStatsWorkflow], activities: [new Reports()] }] }, async (run) => {
        const handle = await run.client.start(WordStatsWorkflow, { workflowId: 'word-stats', input: { title: 'motto', text: 'To be or not to be' } });
        await handle.result();
        return handle;
      }),
  },
];
