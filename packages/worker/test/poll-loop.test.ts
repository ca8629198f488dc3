import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/backoff.js';
import { PollLoop } from '../src/poll-loop.js';
import { TaskSlots } from '../src/task-slots.js';
import { WorkerEvents } from '../src/worker-events.js';
import { memoryLogger, swfError } from './fake-swf-client.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(poll: () => Promise<string | undefined>, execute: (task: string) => Promise<void>, capacity = 1) {
  const stop = new AbortController();
  const events = new WorkerEvents();
  const log = memoryLogger();
  const loop = new PollLoop<string>({
    ref: { kind: 'activity', taskList: 'tl' },
    slots: new TaskSlots(capacity),
    poll,
    execute,
    logger: pino({ level: 'trace' }, log.stream),
    events,
    backoff: new Backoff({ random: () => 0 }),
    stopSignal: stop.signal,
  });
  return { loop, stop, events, log };
}

describe('PollLoop', () => {
  it('does not poll while its only slot is busy with a task', async () => {
    let polls = 0;
    const taskDone = deferred();
    const { loop, stop } = setup(
      async () => (++polls === 1 ? 'task-1' : undefined),
      () => taskDone.promise,
    );
    const running = loop.run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(polls).toBe(1);
    stop.abort();
    taskDone.resolve();
    await running;
    expect(polls).toBe(1);
  });

  it('polls again right after an empty poll', async () => {
    let polls = 0;
    const { loop, stop } = setup(
      async () => {
        polls += 1;
        if (polls === 5) stop.abort();
        return undefined;
      },
      async () => {},
    );
    await loop.run();
    expect(polls).toBe(5);
  });

  it('backs off after a failed poll and warns clearly about LimitExceededFault', async () => {
    let polls = 0;
    const { loop, stop, events, log } = setup(
      async () => {
        polls += 1;
        if (polls === 1) throw swfError('LimitExceededFault', 'Limit on maximum concurrent poll requests per task list reached');
        if (polls === 2) throw swfError('ThrottlingException', 'Rate exceeded');
        stop.abort();
        return undefined;
      },
      async () => {},
    );
    const failures: string[] = [];
    events.on('pollFailed', (failure) => failures.push((failure.error as Error).name));
    await loop.run();
    expect(failures).toEqual(['LimitExceededFault', 'ThrottlingException']);
    const warnings = log.entries.filter((entry) => entry.level === 40).map((entry) => entry.msg);
    expect(warnings[0]).toMatch(/too many concurrent pollers/);
    expect(warnings[1]).toMatch(/throttled/);
  });

  it('executes the task of a poll that was in flight when stopping, then resolves', async () => {
    const pollAnswer = deferred<string | undefined>();
    const executed: string[] = [];
    const { loop, stop } = setup(
      () => pollAnswer.promise,
      async (task) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        executed.push(task);
      },
    );
    const running = loop.run();
    await Promise.resolve();
    stop.abort();
    pollAnswer.resolve('late-task');
    await running;
    expect(executed).toEqual(['late-task']);
  });

  it('runs several tasks at once up to the slot capacity', async () => {
    let polls = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const { loop, stop } = setup(
      async () => {
        polls += 1;
        if (polls > 6) {
          stop.abort();
          return undefined;
        }
        return `task-${polls}`;
      },
      async () => {
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await new Promise((resolve) => setTimeout(resolve, 10));
        concurrent -= 1;
      },
      3,
    );
    await loop.run();
    expect(maxConcurrent).toBeLessThanOrEqual(3);
    expect(maxConcurrent).toBeGreaterThan(1);
  });
});
