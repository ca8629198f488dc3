/** Activities do the IO of a workflow (calls, files, databases); here, composing a greeting. */
import { Activities } from '@swirl/activity';

export const TASK_LIST = 'hello';

export class Greetings extends Activities {
  // SWF needs every timeout from the decision or the type's defaults; the type carries them here.
  static readonly type = {
    version: '1',
    defaults: {
      taskList: TASK_LIST,
      scheduleToStartTimeout: '1m',
      startToCloseTimeout: '30s',
      scheduleToCloseTimeout: '2m',
      heartbeatTimeout: 'NONE',
    },
  };

  /** Activity type `Greetings.greet`, version 1. */
  async greet(name: string): Promise<string> {
    return `Hello, ${name}!`;
  }
}
