/**
 * The README's "Five minutes with Swirl" code, run as written: if the public API drifts from the
 * page a newcomer reads first, this fails.
 */
import { Activities } from '@swirl/activity';
import { TestEnvironment, replayHistory } from '@swirl/testing';
import { Workflow } from '@swirl/workflow';
import path from 'node:path';
import { expect, it } from 'vitest';
import { HelloWorkflow as ExampleHelloWorkflow } from '../examples/hello/workflow.js';

class Greetings extends Activities {
  static readonly type = { version: '1', defaults: { taskList: 'hello', startToCloseTimeout: '30s', scheduleToStartTimeout: '1m', scheduleToCloseTimeout: '2m', heartbeatTimeout: 'NONE' } };
  async greet(name: string): Promise<string> {
    return `Hello, ${name}!`;
  }
}

class HelloWorkflow extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Hello', version: '1', taskList: 'hello', executionStartToCloseTimeout: '5m' };
  readonly #greetings = this.activities(Greetings);
  async execute({ name }: { name: string }): Promise<string> {
    await this.sleep('1s');
    return this.#greetings.greet(name);
  }
}

it('runs the README tour: a workflow with a timer and an activity, under time skipping', async () => {
  const env = await TestEnvironment.create();
  try {
    await env.createWorker({ taskList: 'hello', workflows: [HelloWorkflow], activities: [new Greetings()] });
    const handle = await env.client.start(HelloWorkflow, { workflowId: 'w1', input: { name: 'Ada' } });
    expect(await env.runUntil(handle.result())).toBe('Hello, Ada!');
  } finally {
    await env.teardown();
  }
});

it('replays the history file the README names', async () => {
  const file = path.resolve(import.meta.dirname, '../examples/hello/histories/hello-ada.json');
  await expect(replayHistory({ workflows: [ExampleHelloWorkflow] }, file)).resolves.toBeDefined();
});
