/** The smallest complete workflow: one activity, its result is the workflow's result. */
import { Workflow } from '@swirl/workflow';
import { Greetings, HELLO_TASK_LIST } from './activities.js';

export class HelloWorkflow extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Hello', version: '1', taskList: HELLO_TASK_LIST, executionStartToCloseTimeout: '5m' };

  readonly #greetings = this.activities(Greetings);

  async execute({ name }: { name: string }): Promise<string> {
    return this.#greetings.greet(name);
  }
}
