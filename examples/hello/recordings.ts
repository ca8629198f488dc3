/** The committed history of hello: one greeting, start to completion. */
import { recordRun, type Recording } from '../shared/recording.js';
import { Greetings, HELLO_TASK_LIST } from './activities.js';
import { HelloWorkflow } from './workflow.js';

export const recordings: readonly Recording[] = [
  {
    file: 'hello-ada.json',
    record: () =>
      recordRun({ workers: [{ taskList: HELLO_TASK_LIST, workflows: [HelloWorkflow], activities: [new Greetings()] }] }, async (run) => {
        const handle = await run.client.start(HelloWorkflow, { workflowId: 'hello-ada', input: { name: 'Ada' } });
        await handle.result();
        return handle;
      }),
  },
];
