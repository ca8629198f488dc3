/**
 * The workflow: ordinary async code, replayed from the SWF history on every decision task. Keep it
 * deterministic: this.now(), this.random() and this.sleep() instead of Date, Math.random and
 * setTimeout (`pnpm lint` checks, and the runtime refuses the rest).
 */
import { Workflow } from '@swirl/workflow';
import { Greetings, TASK_LIST } from './activities.js';

export class HelloWorkflow extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Hello', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m' };

  readonly #greetings = this.activities(Greetings);

  async execute({ name }: { name: string }): Promise<string> {
    return this.#greetings.greet(name);
  }
}
