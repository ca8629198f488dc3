/**
 * The one-activity workflow as Swirl users write it, for the server suite's run with real Swirl
 * Workers: a decider class calling the benchmark's do-nothing activity, instead of raw SDK calls.
 */
import { Workflow } from '@swirl/workflow';
import { NoopActivities } from '../../workloads/sequential-activities.js';

/** Input: the activity task list of this benchmark run, so runs on a reused server never meet. */
export class SwirlOneActivity extends Workflow<string, string> {
  static readonly type = {
    name: 'SwirlOneActivity',
    version: '1',
    taskList: 'swirl-bench-server-decisions',
    executionStartToCloseTimeout: '1h',
    taskStartToCloseTimeout: '1m',
    childPolicy: 'TERMINATE',
  } as const;

  async execute(activityTaskList: string): Promise<string> {
    return this.activities(NoopActivities, { taskList: activityTaskList }).noop();
  }
}
