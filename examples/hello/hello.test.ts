import { replayHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRun, type LocalRun } from '../shared/local-run.js';
import { Greetings, HELLO_TASK_LIST } from './activities.js';
import { HelloWorkflow } from './workflow.js';

describe('hello', () => {
  let run: LocalRun;
  beforeAll(async () => {
    run = await startLocalRun({ workers: [{ taskList: HELLO_TASK_LIST, workflows: [HelloWorkflow], activities: [new Greetings()] }] });
  });
  afterAll(() => run.close());

  it('greets by name through one activity', async () => {
    const handle = await run.client.start(HelloWorkflow, { workflowId: 'hello-ada', input: { name: 'Ada' } });
    expect(await handle.result()).toBe('Hello, Ada!');
    const types = (await handle.fetchHistory()).map((event) => event.eventType);
    expect(types.filter((type) => type === 'ActivityTaskCompleted')).toHaveLength(1);
    expect(types.at(-1)).toBe('WorkflowExecutionCompleted');
  });
});

describe('hello history', () => {
  it('replays the recorded run against the current code', async () => {
    const result = await replayHistory({ workflows: [HelloWorkflow] }, new URL('./histories/hello-ada.json', import.meta.url));
    expect(result.execution.workflowId).toBe('hello-ada');
    expect(result.decisionTasks).toBe(2);
  });
});
