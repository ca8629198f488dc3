/**
 * The benchmark workload: a workflow that awaits `count` do-nothing activities one after the other,
 * then completes with `count`. Replay, the decision path, the server and memory suites all run it,
 * and the Temporal twin in suites/replay/temporal does the same thing.
 */
import { Activities } from '@swirl/activity';
import { Workflow } from '@swirl/workflow';

export const BENCH_DOMAIN = 'swirl-bench';
export const BENCH_TASK_LIST = 'bench-decisions';
export const BENCH_ACTIVITY_TASK_LIST = 'bench-activities';

export class NoopActivities extends Activities {
  static readonly type = {
    version: '1',
    defaults: { taskList: BENCH_ACTIVITY_TASK_LIST, startToCloseTimeout: '1m', scheduleToStartTimeout: '5m', scheduleToCloseTimeout: '6m', heartbeatTimeout: '1m' },
  };

  async noop(): Promise<string> {
    return 'ok';
  }
}

export class SequentialActivities extends Workflow<number, number> {
  static readonly type = {
    name: 'SequentialActivities',
    version: '1',
    taskList: BENCH_TASK_LIST,
    executionStartToCloseTimeout: '1d',
    taskStartToCloseTimeout: '1m',
    childPolicy: 'TERMINATE',
  } as const;

  readonly #activities = this.activities(NoopActivities);

  async execute(count: number): Promise<number> {
    for (let i = 0; i < count; i += 1) await this.#activities.noop();
    return count;
  }
}

/** Input of `ActivityChain`: activities still to run, and how many one run may run before it continues as new. */
export interface ActivityChainInput {
  readonly remaining: number;
  readonly perRun: number;
}

/**
 * `remaining` sequential activities spread over runs of at most `perRun`, joined by continue-as-new:
 * how an SWF user runs more activities than one history can hold (6 events each, 25,000 at most).
 */
export class ActivityChain extends Workflow<ActivityChainInput, number> {
  static readonly type = { ...SequentialActivities.type, name: 'ActivityChain' } as const;

  readonly #activities = this.activities(NoopActivities);

  async execute({ remaining, perRun }: ActivityChainInput): Promise<number> {
    const now = Math.min(remaining, perRun);
    for (let i = 0; i < now; i += 1) await this.#activities.noop();
    if (remaining > now) return this.continueAsNew({ remaining: remaining - now, perRun });
    return now;
  }
}

/** A run that decides once (a one-hour timer) and then stays open: what a cached idle run costs. */
export class HeldOpen extends Workflow<void, void> {
  static readonly type = { ...SequentialActivities.type, name: 'HeldOpen' } as const;

  async execute(): Promise<void> {
    await this.sleep('1h');
  }
}
