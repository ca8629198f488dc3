import { Activities, ActivityCancelledError, ActivityContext } from '@swirl/activity';
import { describe, expect, it } from 'vitest';
import { MockActivityContext, runActivity } from '../../src/index.js';

class Files extends Activities {
  static readonly type = { version: '2', prefix: 'files', defaults: { startToCloseTimeout: '10m', heartbeatTimeout: '30s' } };

  async copy(input: { files: string[] }): Promise<number> {
    for (const [index] of input.files.entries()) {
      this.context.signal.throwIfAborted();
      await Promise.resolve();
      this.context.heartbeat({ done: index + 1 });
    }
    return input.files.length;
  }

  async describeTask(): Promise<string> {
    const { info } = ActivityContext.current();
    return `${info.activityType.name}@${info.activityType.version} hb=${info.heartbeatTimeoutMs} stc=${info.startToCloseTimeoutMs}`;
  }

  async waitForCancel(): Promise<void> {
    const { signal } = this.context;
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    signal.throwIfAborted();
  }

  async heartbeatUntilCancelled(): Promise<number> {
    let beats = 0;
    while (!this.context.signal.aborted) {
      this.context.heartbeat(++beats);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return beats;
  }

  async handOff(): Promise<string> {
    this.context.doNotComplete();
    return this.context.info.taskToken;
  }
}

describe('runActivity', () => {
  it('runs the method with a context and returns its result', async () => {
    expect(await runActivity(new Files(), 'copy', { files: ['a', 'b', 'c'] })).toBe(3);
  });

  it('fills info from the class: the activity type and its registered timeouts', async () => {
    expect(await runActivity(new Files(), 'describeTask', undefined)).toBe('files.describeTask@2 hb=30000 stc=600000');
    expect(await runActivity(new Files(), 'describeTask', undefined, { heartbeatTimeout: '5s' })).toBe('files.describeTask@2 hb=5000 stc=600000');
  });

  it('records every heartbeat the activity sends', async () => {
    const mock = new MockActivityContext();
    await runActivity(new Files(), 'copy', { files: ['a', 'b'] }, { context: mock });
    expect(mock.heartbeats).toEqual([{ done: 1 }, { done: 2 }]);
  });

  it('aborts the signal on cancel(), so the activity stops with ActivityCancelledError', async () => {
    const mock = new MockActivityContext();
    const running = runActivity(new Files(), 'waitForCancel', undefined, { context: mock });
    mock.cancel();
    await expect(running).rejects.toBeInstanceOf(ActivityCancelledError);
    expect((mock.signal.reason as ActivityCancelledError).reason).toBe('CANCEL_REQUESTED');
  });

  it('cancels through a heartbeat answered with CANCEL_REQUESTED, as SWF does', async () => {
    const mock = new MockActivityContext({ heartbeatOutcome: (_details, index) => (index >= 2 ? 'CANCEL_REQUESTED' : 'OK') });
    expect(await runActivity(new Files(), 'heartbeatUntilCancelled', undefined, { context: mock })).toBe(3);
    expect(mock.heartbeats).toEqual([1, 2, 3]);
  });

  it('reports manual completion', async () => {
    const mock = new MockActivityContext({ info: { taskToken: 'token-7' } });
    expect(await runActivity(new Files(), 'handOff', undefined, { context: mock })).toBe('token-7');
    expect(mock.completesManually).toBe(true);
  });

  it('refuses a method the class does not declare', async () => {
    await expect(runActivity(new Files(), 'nope' as 'copy', { files: [] })).rejects.toThrow('has no activity method "nope"');
  });
});
