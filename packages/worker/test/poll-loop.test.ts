import PQueue from 'p-queue';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/backoff.js';
import { PollLoop } from '../src/poll-loop.js';
import { WorkerEvents } from '../src/worker-events.js';
import { memoryLogger, swfError } from './fake-swf-client.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function setup(
  poll: (abortSignal: AbortSignal) => Promise<string | undefined>,
  execute: (task: string) => Promise<void>,
  capacity = 1,
  queue = new PQueue({ concurrency: capacity }),
  stop = new AbortController(),
  endPolls = new AbortController(),
) {
  const events = new WorkerEvents();
  const log = memoryLogger();
  const loop = new PollLoop<string>({
    ref: { kind: 'activity', taskList: 'tl' },
    queue,
    poll,
    execute,
    logger: pino({ level: 'trace' }, log.stream),
    events,
    backoff: new Backoff({ random: () => 0 }),
    stopSignal: stop.signal,
    endPolls: endPolls.signal,
  });
  return { loop, stop, endPolls, events, log };
}

describe('PollLoop', () => {
  it('ends a held poll when endPolls aborts, without counting it as a failure or backing off', async () => {
    const held = (abortSignal: AbortSignal) =>
      new Promise<string | undefined>((_resolve, reject) => abortSignal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
    const { loop, stop, endPolls, events, log } = setup(held, async () => undefined);
    const failures: unknown[] = [];
    events.on('pollFailed', (failure) => failures.push(failure));
    const running = loop.run();
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    let finished = false;
    void running.then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(finished).toBe(false); // stopping alone leaves the held poll running
    endPolls.abort();
    await running;
    expect(failures).toEqual([]);
    expect(log.entries.some((entry) => entry.msg === 'poll ended at shutdown')).toBe(true);
  });

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

  it('starts the backoff over when a poll the service held loses its connection, and widens it for quick failures and service errors', async () => {
    const connectionLost = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', $metadata: {} });
    const unavailable = () => Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    const held = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const stop = new AbortController();
    let polls = 0;
    const events = new WorkerEvents();
    const loop = new PollLoop<string>({
      ref: { kind: 'decision', taskList: 'tl' },
      queue: new PQueue({ concurrency: 1 }),
      poll: async () => {
        polls += 1;
        if (polls <= 2) throw connectionLost(); // refused or reset at once: an outage goes on
        if (polls === 3) await held(60).then(() => Promise.reject(connectionLost())); // held, then cut: the service was there
        if (polls === 4) await held(60).then(() => Promise.reject(unavailable())); // an answer of the service: still failing
        stop.abort();
        return undefined;
      },
      execute: async () => {},
      logger: pino({ level: 'silent' }),
      events,
      // Each wait is its window's ceiling: 1, 2, 4, ... ms.
      backoff: new Backoff({ baseMs: 1, random: () => 0.999_999 }),
      stopSignal: stop.signal,
      endPolls: new AbortController().signal,
      heldPollMs: 40,
    });
    const waits: number[] = [];
    events.on('pollFailed', ({ retryInMs }) => waits.push(retryInMs));
    await loop.run();
    expect(waits).toEqual([0, 1, 0, 1]);
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

  it('counts polls in flight against the capacity shared by every loop on one queue', async () => {
    const queue = new PQueue({ concurrency: 2 });
    const stop = new AbortController();
    let inFlight = 0;
    let maxInFlight = 0;
    let polls = 0;
    const tasksDone = deferred();
    const poll = async () => {
      polls += 1;
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return `task-${polls}`;
    };
    // Three loops, two slots: after two polls return tasks that hold their slots, nobody may poll.
    const loops = [1, 2, 3].map(() => setup(poll, () => tasksDone.promise, 2, queue, stop).loop.run());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(polls).toBe(2);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(queue.pending).toBe(2);
    stop.abort();
    tasksDone.resolve();
    await Promise.all(loops);
    expect(polls).toBe(2);
    expect(queue.pending + queue.size).toBe(0);
  });

  it('logs an executor that throws instead of reporting, and still drains', async () => {
    let polls = 0;
    const { loop, stop, log } = setup(
      async () => {
        polls += 1;
        if (polls === 2) stop.abort();
        return polls === 1 ? 'task-1' : undefined;
      },
      async () => {
        throw new Error('executor bug');
      },
      2,
    );
    await loop.run();
    expect(log.entries.some((entry) => entry.level === 50 && /executor threw/.test(String(entry.msg)))).toBe(true);
  });
});
