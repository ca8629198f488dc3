/**
 * The signup workflow after the change: a fraud screen now runs before the account is created.
 * Runs that started before the change have no screen in their history, so replaying them through
 * new code would schedule an activity their history never had (a NonDeterminismError). `patched`
 * tells the two apart: new runs record a marker and take the new path; replays of old runs, which
 * have no marker, take the old one. Same type version, no second deployment needed.
 */
import { Workflow } from '@swirl/workflow';
import { Accounts, SIGNUP_TASK_LIST } from './activities.js';
import { emailConfirmed } from './signals.js';

export const SCREENING_PATCH = 'screen-signups';

export class SignupWorkflow extends Workflow<{ email: string }, string> {
  static readonly type = { name: 'Signup', version: '1', taskList: SIGNUP_TASK_LIST, executionStartToCloseTimeout: '1h' };

  readonly #accounts = this.activities(Accounts);
  #confirmed = false;

  async execute({ email }: { email: string }): Promise<string> {
    this.setHandler(emailConfirmed, () => {
      this.#confirmed = true;
    });
    if (this.patched(SCREENING_PATCH)) {
      const verdict = await this.#accounts.screen({ email });
      if (verdict !== 'clear') return `held for review: ${email}`;
    }
    const accountId = await this.#accounts.create({ email });
    await this.condition(() => this.#confirmed);
    return this.#accounts.sendWelcome({ accountId });
  }
}
