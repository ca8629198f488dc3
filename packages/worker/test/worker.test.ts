import { Activities } from '@swirl/activity';
import { Workflow } from '@swirl/workflow';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Worker } from '../src/worker.js';
import { fakeSwfClient, memoryLogger } from './fake-swf-client.js';

class Packing extends Activities {
  static readonly type = { version: '1' };

  async pack(input: { items: number }): Promise<number> {
    return input.items * 2;
  }

  async stubborn(_input: unknown): Promise<void> {
    const { signal } = this.context;
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve));
    signal.throwIfAborted();
  }
}

class Idle extends Workflow<void, void> {
  static readonly type = { version: '1' };
  async execute(): Promise<void> {}
}

const activityTask = (method: string, token: string) => ({
  taskToken: token,
  activityId: `a-${token}`,
  startedEventId: 5,
  activityType: { name: `Packing.${method}`, version: '1' },
  workflowExecution: { workflowId: 'w', runId: 'r' },
  input: '{"items":3}',
});

function setup(poll: (input: unknown, options: { abortSignal?: AbortSignal }) => Promise<unknown>, overrides: Record<string, unknown> = {}) {
  const fake = fakeSwfClient()
    .on('PollForActivityTask', poll)
    .on('RespondActivityTaskCompleted', () => ({}))
    .on('RespondActivityTaskFailed', () => ({}));
  const log = memoryLogger();
  const create = () =>
    Worker.create({
      client: fake.client,
      domain: 'shop',
      taskList: 'packing',
      activities: [new Packing()],
      register: 'never',
      handleSignals: false,
      activityPollers: 1,
      logger: pino({ level: 'debug' }, log.stream),
      ...overrides,
    });
  return { fake, log, create };
}

describe('Worker', () => {
  it('executes the task of a poll in flight at shutdown and polls no more', async () => {
    let polls = 0;
    let answerPoll!: (task: unknown) => void;
    const { fake, create } = setup(() => {
      polls += 1;
      return new Promise((resolve) => (answerPoll = resolve));
    });
    const worker = await create();
    const running = worker.run();
    while (polls === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    const stopped = worker.shutdown();
    expect(worker.state).toBe('STOPPING');
    answerPoll(activityTask('pack', 't1'));
    await Promise.all([running, stopped]);
    expect(fake.callsTo('RespondActivityTaskCompleted')).toEqual([{ taskToken: 't1', result: '6' }]);
    expect(polls).toBe(1);
    expect(worker.state).toBe('STOPPED');
  });

  it('shutdown({ abortPolls: true }) cancels the held polls at once, while a task still runs, and takes no task after', async () => {
    let polls = 0;
    const { fake, create } = setup(
      // The first poll hands out a task; later ones are held, as on an empty list, until cancelled.
      (_input: unknown, options: { abortSignal?: AbortSignal }) =>
        ++polls === 1
          ? Promise.resolve(activityTask('stubborn', 't3'))
          : new Promise((_resolve, reject) => options.abortSignal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))),
      { shutdownGraceTime: 300, activityPollers: 1, maxConcurrentActivityTasks: 2 },
    );
    const worker = await create();
    const order: string[] = [];
    worker.events.on('pollsEnded', ({ reason }) => order.push(`pollsEnded:${reason}:${worker.stats.runningActivityTasks} running`));
    worker.events.on('shutdownGraceExpired', () => order.push('graceExpired'));
    const running = worker.run();
    while (worker.stats.runningActivityTasks === 0 || polls < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    const stopped = worker.shutdown({ abortPolls: true });
    expect(order).toEqual(['pollsEnded:requested:1 running']);
    await Promise.all([stopped, running]);
    expect(order).toEqual(['pollsEnded:requested:1 running', 'graceExpired']);
    expect(polls).toBe(2);
    expect(fake.callsTo('RespondActivityTaskFailed')).toEqual([expect.objectContaining({ taskToken: 't3' })]);
  });

  it('shutdown() without abortPolls keeps the held polls until no task runs', async () => {
    let polls = 0;
    const { create } = setup(
      (_input: unknown, options: { abortSignal?: AbortSignal }) =>
        ++polls === 1
          ? Promise.resolve(activityTask('stubborn', 't4'))
          : new Promise((_resolve, reject) => options.abortSignal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))),
      { shutdownGraceTime: 300, activityPollers: 1, maxConcurrentActivityTasks: 2 },
    );
    const worker = await create();
    const order: string[] = [];
    worker.events.on('pollsEnded', ({ reason }) => order.push(`pollsEnded:${reason}`));
    worker.events.on('shutdownGraceExpired', () => order.push('graceExpired'));
    const running = worker.run();
    while (worker.stats.runningActivityTasks === 0 || polls < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    const stopped = worker.shutdown();
    expect(order).toEqual([]);
    await Promise.all([stopped, running]);
    expect(order).toEqual(['graceExpired', 'pollsEnded:grace-time-over']);
  });

  it('aborts activities still running when the grace time is over, failing them so the workflow can retry', async () => {
    let polls = 0;
    const { fake, create } = setup(
      // Later polls answer empty after a while, as a long poll on an empty list does.
      async () => (++polls === 1 ? activityTask('stubborn', 't2') : new Promise((resolve) => setTimeout(() => resolve({}), 30))),
      { shutdownGraceTime: 20 },
    );
    const worker = await create();
    const graceExpired: number[] = [];
    worker.events.on('shutdownGraceExpired', ({ runningActivities }) => graceExpired.push(runningActivities));
    const running = worker.run();
    while (worker.stats.runningActivityTasks === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await worker.shutdown();
    await running;
    expect(graceExpired).toEqual([1]);
    expect(fake.callsTo('RespondActivityTaskFailed')).toEqual([
      expect.objectContaining({ taskToken: 't2', reason: 'ActivityCancelledError' }),
    ]);
  });

  it('asks its sticky list for a small first page and the shared list for full pages, both newest first', async () => {
    const polls: Array<{ taskList: { name: string }; maximumPageSize?: number; reverseOrder?: boolean }> = [];
    const fake = fakeSwfClient().on('PollForDecisionTask', async (input) => {
      polls.push(input);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return {};
    });
    const worker = await Worker.create({
      client: fake.client,
      domain: 'shop',
      taskList: 'orders',
      workflows: [Idle],
      register: 'never',
      handleSignals: false,
      logger: pino({ level: 'silent' }),
      stickyFirstPageSize: 12,
    });
    const running = worker.run();
    while (new Set(polls.map((poll) => poll.taskList.name)).size < 2) await new Promise((resolve) => setTimeout(resolve, 1));
    await worker.shutdown();
    await running;
    const sticky = polls.filter((poll) => poll.taskList.name === worker.stickyTaskList);
    const shared = polls.filter((poll) => poll.taskList.name === 'orders');
    expect(sticky[0]).toMatchObject({ reverseOrder: true, maximumPageSize: 12 });
    expect(shared[0]).toMatchObject({ reverseOrder: true, maximumPageSize: 1000 });
  });

  it('registers nothing with register: "never"', async () => {
    const { fake, create } = setup(async () => ({}));
    const worker = await create();
    const running = worker.run();
    await worker.shutdown();
    await running;
    expect(fake.calls.filter((call) => call.operation.startsWith('Register'))).toEqual([]);
  });

  it('start() resolves after registration, with the worker polling until shutdown', async () => {
    const order: string[] = [];
    const { fake, create } = setup(async () => {
      order.push('poll');
      await new Promise((resolve) => setTimeout(resolve, 5));
      return {};
    }, { register: 'always' });
    fake.on('RegisterDomain', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('registered');
      return {};
    });
    fake.on('RegisterWorkflowType', () => ({})).on('RegisterActivityType', () => ({}));
    const worker = await create();
    await worker.start();
    order.push('started');
    // Nothing polls before registration; by the time start() resolves the polls are out.
    expect(order[0]).toBe('registered');
    expect(order).toContain('poll');
    await expect(worker.run()).rejects.toThrow(/can be called once/);
    await worker.shutdown();
  });

  it('can run only once', async () => {
    const { create } = setup(async () => ({}));
    const worker = await create();
    const running = worker.run();
    await expect(worker.run()).rejects.toThrow(/can be called once/);
    await worker.shutdown();
    await running;
  });

  it('installs SIGINT and SIGTERM handlers while running and removes them when drained', async () => {
    const { create } = setup(async () => ({}), { handleSignals: true });
    const before = process.listenerCount('SIGTERM');
    const worker = await create();
    const running = worker.run();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    await worker.shutdown();
    await running;
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
