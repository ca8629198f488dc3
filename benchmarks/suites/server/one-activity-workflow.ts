/**
 * The one-activity workflow as Swirl users write it, for the server suite's run with real Swirl
 * Workers: a decider class and an activity class instead of raw SDK calls.
 */
import { Activities } from '@swirl/activity';
import { Workflow } from '@swirl/workflow';

export class BenchNoop extends Activities {
  static readonly type = {
    version: '1',
    defaults: { taskList: 'swirl-bench-server-activities', startToCloseTimeout: '1m', scheduleToStartTimeout: '10m', scheduleToCloseTimeout: '11m', heartbeatTimeout: '1m' },
  } as const;

  async noop(): Promise<string> {
    return 'ok';
  }
}

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
    return this.activities(BenchNoop, { taskList: activityTaskList }).noop();
  }
}
