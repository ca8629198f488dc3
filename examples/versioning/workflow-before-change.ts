/**
 * The signup workflow as it was before the change: create the account, wait for the email to be
 * confirmed, send the welcome. Kept to record `histories/before-change.json` and to show the diff
 * against `workflow.ts`; workers run `workflow.ts` only.
 */
import { Workflow } from '@swirl/workflow';
import { Accounts, SIGNUP_TASK_LIST } from './activities.js';
import { emailConfirmed } from './signals.js';

export class SignupWorkflowBeforeChange extends Workflow<{ email: string }, string> {
  static readonly type = { name: 'Signup', version: '1', taskList: SIGNUP_TASK_LIST, executionStartToCloseTimeout: '1h' };

  readonly #accounts = this.activities(Accounts);
  #confirmed = false;

  async execute({ email }: { email: string }): Promise<string> {
    this.setHandler(emailConfirmed, () => {
      this.#confirmed = true;
    });
    const accountId = await this.#accounts.create({ email });
    await this.condition(() => this.#confirmed);
    return this.#accounts.sendWelcome({ accountId });
  }
}
