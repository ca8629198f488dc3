import { TestEnvironment, replayHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Greetings, TASK_LIST } from '../src/activities.js';
import { HelloWorkflow } from '../src/workflow.js';

describe('HelloWorkflow', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await TestEnvironment.create(); // an in-process SWF server on a virtual clock
    await env.createWorker({ taskList: TASK_LIST, workflows: [HelloWorkflow], activities: [new Greetings()] });
  });
  afterAll(() => env.teardown());

  it('greets by name through one activity', async () => {
    const handle = await env.client.start(HelloWorkflow, { workflowId: 'hello-ada', input: { name: 'Ada' } });
    expect(await env.runUntil(handle.result())).toBe('Hello, Ada!');
  });

  it('still decides what the recorded run decided (throws NonDeterminismError on drift)', async () => {
    const result = await replayHistory({ workflows: [HelloWorkflow] }, new URL('../histories/hello-ada.json', import.meta.url));
    expect(result.decisionTasks).toBe(2);
  });
});
