import { describe, expect, it } from 'vitest';
import { defineSignal, Workflow } from '../src/index.js';
import { Greetings } from './helpers/fixtures.js';
import { decisionTypes, summarize, WorkflowDriver } from './helpers/history-builder.js';

const finish = defineSignal<{ suffix: string }>('finish');

class GreetingWorkflow extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Greeting', version: '1' };
  readonly #greetings = this.activities(Greetings);
  #suffix: string | undefined;

  async execute({ name }: { name: string }): Promise<string> {
    this.setHandler(finish, ({ suffix }) => {
      this.#suffix = suffix;
    });
    const greeting = await this.#greetings.greet(name);
    await this.sleep('10s');
    await this.condition(() => this.#suffix !== undefined);
    return `${greeting}${this.#suffix ?? ''}`;
  }
}

describe('WorkflowRuntime: activity, timer, signal, complete', () => {
  it('schedules the activity, then the timer, waits for the signal and completes with the result', async () => {
    const driver = new WorkflowDriver(GreetingWorkflow, { name: 'ada' });

    const first = await driver.decide();
    expect(summarize(first)).toEqual([
      {
        type: 'ScheduleActivityTask',
        attrs: {
          activityType: { name: 'Greetings.greet', version: '1' },
          activityId: 'a1',
          input: '"ada"',
          taskList: { name: 'activities' },
          startToCloseTimeout: '60',
        },
      },
    ]);

    driver.history.completeActivity('a1', '"hello ada"');
    expect(summarize(await driver.decide())).toEqual([{ type: 'StartTimer', attrs: { timerId: 't1', startToFireTimeout: '10' } }]);

    driver.history.fireTimer('t1');
    expect(await driver.decide()).toEqual([]);

    driver.history.signal('finish', JSON.stringify({ suffix: '!' }));
    expect(summarize(await driver.decide())).toEqual([{ type: 'CompleteWorkflowExecution', attrs: { result: '"hello ada!"' } }]);
  });

  it('gives the same decisions when the whole history is replayed by a fresh runtime', async () => {
    const driver = new WorkflowDriver(GreetingWorkflow, { name: 'ada' });
    await driver.decide();
    driver.history.completeActivity('a1', '"hello ada"');
    await driver.decide();
    driver.history.fireTimer('t1');
    driver.history.signal('finish', JSON.stringify({ suffix: '?' }));
    driver.history.startDecisionTask();
    const fresh = await driver.replayFresh();
    expect(decisionTypes(fresh)).toEqual(['CompleteWorkflowExecution']);
    expect(summarize(fresh)[0]?.attrs).toEqual({ result: '"hello ada?"' });
  });
});
