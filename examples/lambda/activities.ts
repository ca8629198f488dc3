/** The activity of the lambda example: filing the computed statistics (here: formatting a report line). */
import { Activities } from '@swirl/activity';
import type { WordStats } from './functions.js';

export const LAMBDA_TASK_LIST = 'lambda';

export class Reports extends Activities {
  static readonly type = {
    version: '1',
    defaults: { taskList: LAMBDA_TASK_LIST, scheduleToStartTimeout: '1m', startToCloseTimeout: '30s', scheduleToCloseTimeout: '2m', heartbeatTimeout: 'NONE' },
  };

  async file(input: { title: string; stats: WordStats }): Promise<string> {
    const { words, distinct, longest } = input.stats;
    return `${input.title}: ${words} words, ${distinct} distinct, longest "${longest}"`;
  }
}
