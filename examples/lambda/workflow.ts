/**
 * A Lambda task: SWF itself invokes the function (no activity worker involved) and records its
 * result in history. The execution needs an IAM role SWF may assume to invoke it: `lambdaRole`,
 * here a default of the workflow type. The local server runs functions registered by name.
 */
import { Workflow } from '@swirl/workflow';
import { LAMBDA_TASK_LIST, Reports } from './activities.js';
import type { WordStats } from './functions.js';

/** Any role ARN works on the local server; on AWS it must allow lambda:InvokeFunction. */
export const LAMBDA_ROLE = 'arn:aws:iam::123456789012:role/swirl-examples-lambda';

export class WordStatsWorkflow extends Workflow<{ title: string; text: string }, string> {
  static readonly type = { name: 'WordStats', version: '1', taskList: LAMBDA_TASK_LIST, executionStartToCloseTimeout: '5m', lambdaRole: LAMBDA_ROLE };

  readonly #reports = this.activities(Reports);

  async execute({ title, text }: { title: string; text: string }): Promise<string> {
    const stats = await this.lambda<WordStats>('word-stats', { text }, { startToCloseTimeout: '30s' });
    return this.#reports.file({ title, stats });
  }
}
