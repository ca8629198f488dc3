import { activityMethodNames, resolveActivityTypes } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { Activities, ActivityContext, NoActivityContextError, createActivityContext, type ActivityInfo } from '../src/index.js';

const info: ActivityInfo = {
  domain: 'd',
  taskList: 'tl',
  taskToken: 'token-1',
  activityId: 'a1',
  activityType: { name: 'Greeter.greet', version: '1' },
  workflowExecution: { workflowId: 'w', runId: 'r' },
  startedEventId: 6,
  attempt: undefined,
  startedAt: new Date(0),
  heartbeatTimeoutMs: undefined,
  startToCloseTimeoutMs: undefined,
  deadline: undefined,
};

class Greeter extends Activities {
  static readonly type = { version: '1' };
  async greet(name: string): Promise<string> {
    return `hello ${name} from ${this.context.info.activityId}`;
  }
  _helper(): void {}
}

describe('Activities', () => {
  it('exposes only the public methods of the subclass as activity types', () => {
    expect(activityMethodNames(Greeter)).toEqual(['greet']);
    expect(resolveActivityTypes(Greeter).map((type) => type.name)).toEqual(['Greeter.greet']);
  });

  it('gives each method the context of the task running it', async () => {
    const control = createActivityContext({ info, recordHeartbeat: async () => 'OK', heartbeatThrottleMs: 1000 });
    await expect(control.run(() => new Greeter().greet('ada'))).resolves.toBe('hello ada from a1');
    await control.dispose();
  });

  it('keeps concurrent tasks apart on one instance', async () => {
    const greeter = new Greeter();
    const runs = ['x', 'y'].map(async (activityId) => {
      const control = createActivityContext({ info: { ...info, activityId }, recordHeartbeat: async () => 'OK', heartbeatThrottleMs: 1000 });
      return control.run(async () => {
        await new Promise((resolve) => setTimeout(resolve, activityId === 'x' ? 5 : 0));
        return greeter.greet(activityId);
      });
    });
    await expect(Promise.all(runs)).resolves.toEqual(['hello x from x', 'hello y from y']);
  });

  it('throws a clear error when the context is used outside an activity', async () => {
    await expect(new Greeter().greet('ada')).rejects.toBeInstanceOf(NoActivityContextError);
    expect(ActivityContext.currentOrUndefined()).toBeUndefined();
  });
});
