/** A small workflow for decider unit tests: wait an hour, greet through an activity, listen for a rename. */
import { Activities } from '@swirl/activity';
import { defineSignal, Workflow } from '@swirl/workflow';

export class Greetings extends Activities {
  static readonly type = { version: '1', defaults: { taskList: 'greetings', startToCloseTimeout: '1m', heartbeatTimeout: '20s' } };

  async greet(name: string): Promise<string> {
    this.context.heartbeat({ greeting: name });
    return `hello ${name}`;
  }
}

export const rename = defineSignal<string>('rename');

export class GreetingWorkflow extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Greeting', version: '1', taskList: 'greeting-decisions' };
  #name = '';

  async execute({ name }: { name: string }): Promise<string> {
    this.#name = name;
    this.setHandler(rename, (newName) => {
      this.#name = newName;
    });
    await this.sleep('1h');
    return this.activities(Greetings).greet(this.#name);
  }
}
