/**
 * A Swirl port of botify-labs/simpleflow's `examples/basic.py`, the workflow that produced the real
 * SWF history in test/fixtures/real-histories/simpleflow-basic.json: same type names, versions,
 * activity ids and inputs, so Swirl can replay that recording.
 */
import { Activities } from '@swirl/activity';
import { Workflow } from '@swirl/workflow';

export const REAL_HISTORIES = new URL('../../../../test/fixtures/real-histories/', import.meta.url);
export const SIMPLEFLOW_BASIC = new URL('simpleflow-basic.json', REAL_HISTORIES);

/** simpleflow passes `{ args, kwargs }` to every task. */
type Call<Args extends unknown[]> = { args: Args; kwargs: Record<string, never> };
const call = <Args extends unknown[]>(...args: Args): Call<Args> => ({ args, kwargs: {} });

export class BasicExampleActivities extends Activities {
  static readonly type = { prefix: 'examples.basic', version: 'example' };

  async increment({ args: [x] }: Call<[number]>): Promise<number> {
    return x + 1;
  }

  async Delay({ args: [, x] }: Call<[number, number]>): Promise<number> {
    return x;
  }

  async double({ args: [x] }: Call<[number]>): Promise<number> {
    return x * 2;
  }
}

const simpleflowId = (method: string) => ({ activityId: `activity-examples.basic.${method}-1` });

export class BasicWorkflow extends Workflow<Call<[number]>, number> {
  static readonly type = { name: 'basic', version: 'example', taskList: 'basic', executionStartToCloseTimeout: '5m' };

  async execute({ args: [x] }: Call<[number]>): Promise<number> {
    const y = await this.activities(BasicExampleActivities, simpleflowId('increment')).increment(call(x));
    const delayed = this.activities(BasicExampleActivities, simpleflowId('Delay')).Delay(call(30, y));
    const doubled = this.activities(BasicExampleActivities, simpleflowId('double')).double(call(y));
    await Promise.all([delayed, doubled]);
    return doubled;
  }
}

/** The same workflow after an incompatible edit: it now doubles before it delays. */
export class ReorderedBasicWorkflow extends Workflow<Call<[number]>, number> {
  static readonly type = BasicWorkflow.type;

  async execute({ args: [x] }: Call<[number]>): Promise<number> {
    const y = await this.activities(BasicExampleActivities, simpleflowId('increment')).increment(call(x));
    const doubled = this.activities(BasicExampleActivities, simpleflowId('double')).double(call(y));
    await this.activities(BasicExampleActivities, simpleflowId('Delay')).Delay(call(30, y));
    return doubled;
  }
}
