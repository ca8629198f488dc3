/**
 * The workflows the load fault tests run: short, deterministic, and made of every kind of task a
 * real run has (decisions, activities, a timer, a signal, a child), so a task lost or delivered
 * twice anywhere shows up as a run that never closes or a ledger duplicate.
 */
import { Activities } from '@swirl/activity';
import { Workflow, defineSignal } from '@swirl/workflow';

export const LOAD_TASK_LIST = 'faults-load';

/** How long each `step` takes, set per process by the worker child (the shutdown test wants tasks in flight). */
export const stepDelay = { ms: 0 };

export class Steps extends Activities {
  static readonly type = {
    version: '1',
    defaults: { heartbeatTimeout: 'NONE', startToCloseTimeout: '60s', scheduleToStartTimeout: '120s', scheduleToCloseTimeout: '180s', taskList: LOAD_TASK_LIST },
  };

  async step(input: { readonly run: string; readonly index: number }): Promise<string> {
    if (stepDelay.ms > 0) await new Promise((resolve) => setTimeout(resolve, stepDelay.ms));
    return `${input.run}#${input.index}`;
  }
}

const timing = { taskList: LOAD_TASK_LIST, executionStartToCloseTimeout: '20m', taskStartToCloseTimeout: '60s' } as const;

/** `steps` activities one after another, then a short timer: the workload of the throttling and outage tests. */
export class Errand extends Workflow<number, string[]> {
  static readonly type = { name: 'Errand', version: '1', ...timing };
  readonly #steps = this.activities(Steps);

  async execute(steps: number): Promise<string[]> {
    const results: string[] = [];
    for (let index = 0; index < steps; index += 1) results.push(await this.#steps.step({ run: this.info.workflowId, index }));
    await this.sleep('1s');
    return results;
  }
}

export const proceed = defineSignal<string>('proceed');

/** Two activities in parallel, a child Errand, then waits for the `proceed` signal: the soak's mixed run. */
export class Medley extends Workflow<void, string> {
  static readonly type = { name: 'Medley', version: '1', ...timing };
  readonly #steps = this.activities(Steps);

  async execute(): Promise<string> {
    let signalled: string | undefined;
    this.setHandler(proceed, (by) => {
      signalled = by;
    });
    const run = this.info.workflowId;
    const parallel = await Promise.all([this.#steps.step({ run, index: 0 }), this.#steps.step({ run, index: 1 })]);
    const child = await this.executeChild(Errand, { input: 1, workflowId: `${run}.child` });
    await this.condition(() => signalled !== undefined);
    return `${parallel.length + child.length} steps, proceeded by ${signalled}`;
  }
}

export const LOAD_WORKFLOWS = [Errand, Medley];
