/** The steps of a signup. `screen` is the step added later, the change the versioning example makes safe. */
import { Activities } from '@swirl/activity';

export const SIGNUP_TASK_LIST = 'signup';

export class Accounts extends Activities {
  static readonly type = {
    version: '1',
    defaults: { taskList: SIGNUP_TASK_LIST, scheduleToStartTimeout: '1m', startToCloseTimeout: '30s', scheduleToCloseTimeout: '2m', heartbeatTimeout: 'NONE' },
  };

  async create(input: { email: string }): Promise<string> {
    return `acct-${input.email.split('@')[0]}`;
  }

  async sendWelcome(input: { accountId: string }): Promise<string> {
    return `welcome sent to ${input.accountId}`;
  }

  /** Added in the change: a fraud screen before the account is created. */
  async screen(input: { email: string }): Promise<'clear' | 'review'> {
    return input.email.endsWith('.invalid') ? 'review' : 'clear';
  }
}
