import { Activities } from '@swirl/activity';
import { PayloadPipeline, jsonPayloadConverter } from '@swirl/core';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { ActivityCompletionClient } from '../src/activity-completion-client.js';
import { ActivityExecutor } from '../src/activity-executor.js';
import { ActivityRegistry } from '../src/activity-registry.js';
import { WorkerEvents } from '../src/worker-events.js';
import { fakeSwfClient, memoryLogger, swfError } from './fake-swf-client.js';

class Shipping extends Activities {
  static readonly type = { version: '1', defaults: { heartbeatTimeout: '10s', startToCloseTimeout: '1m' } };

  async label(input: { orderId: string }): Promise<string> {
    return `label-${input.orderId}-${this.context.info.activityId}`;
  }

  async explode(_input: unknown): Promise<never> {
    throw new TypeError('address has no street', { cause: new Error('geocoder said no') });
  }

  async waitForCancel(_input: unknown): Promise<never> {
    this.context.heartbeat({ step: 1 });
    const { signal } = this.context;
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve));
    this.context.signal.throwIfAborted();
    throw new Error('unreachable');
  }

  async handOff(_input: unknown): Promise<void> {
    this.context.doNotComplete();
  }

  /** Works for `ms` without heartbeating itself. */
  async workQuietly(ms: number): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return ms;
  }

  /** Heartbeats every 100 ms for `ms`. */
  async chatty(ms: number): Promise<number> {
    for (let elapsed = 0; elapsed < ms; elapsed += 100) {
      this.context.heartbeat(elapsed);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return ms;
  }

  async huge(_input: unknown): Promise<string> {
    return 'x'.repeat(40_000);
  }
}

function setup(options: { autoHeartbeat?: boolean } = {}) {
  const fake = fakeSwfClient()
    .on('RespondActivityTaskCompleted', () => ({}))
    .on('RespondActivityTaskFailed', () => ({}))
    .on('RespondActivityTaskCanceled', () => ({}))
    .on('RecordActivityTaskHeartbeat', () => ({ cancelRequested: false }));
  const events = new WorkerEvents();
  const log = memoryLogger();
  const payloads = new PayloadPipeline({ converter: jsonPayloadConverter });
  const executor = new ActivityExecutor({
    client: fake.client,
    domain: 'shop',
    taskList: 'shipping',
    registry: new ActivityRegistry([new Shipping()]),
    payloads,
    logger: pino({ level: 'debug' }, log.stream),
    events,
    logPayloads: false,
    autoHeartbeat: options.autoHeartbeat ?? false,
    defaultHeartbeatThrottleMs: 30_000,
    maxHeartbeatThrottleMs: 60_000,
    answersGiveUp: new AbortController().signal,
  });
  return { fake, events, log, executor, payloads };
}

const task = (method: string, input: unknown = { orderId: 'o-1' }) => ({
  taskToken: `token-${method}`,
  activityId: 'a1',
  startedEventId: 7,
  activityType: { name: `Shipping.${method}`, version: '1' },
  workflowExecution: { workflowId: 'order-1', runId: 'run-1' },
  input: JSON.stringify(input),
  $metadata: {},
});

describe('ActivityExecutor', () => {
  it('runs the method with the decoded input and its context, and answers Completed with the encoded result', async () => {
    const { fake, executor, events } = setup();
    const outcomes: string[] = [];
    events.on('taskCompleted', (done) => outcomes.push(done.outcome));
    await executor.execute(task('label'));
    expect(fake.callsTo('RespondActivityTaskCompleted')).toEqual([{ taskToken: 'token-label', result: '"label-o-1-a1"' }]);
    expect(outcomes).toEqual(['completed']);
  });

  it('answers Failed with the error type as reason and message, stack and cause as details', async () => {
    const { fake, executor } = setup();
    await executor.execute(task('explode'));
    const [failed] = fake.callsTo('RespondActivityTaskFailed');
    expect(failed.reason).toBe('TypeError');
    const details = JSON.parse(failed.details);
    expect(details.message).toBe('address has no street');
    expect(details.stack).toMatch(/explode/);
    expect(JSON.stringify(details)).toMatch(/geocoder said no/);
  });

  it('answers Canceled when a heartbeat reports a cancel request and the activity stops', async () => {
    const { fake, executor } = setup();
    fake.on('RecordActivityTaskHeartbeat', () => ({ cancelRequested: true }));
    await executor.execute(task('waitForCancel'));
    expect(fake.callsTo('RecordActivityTaskHeartbeat')).toEqual([{ taskToken: 'token-waitForCancel', details: '{"step":1}' }]);
    expect(fake.callsTo('RespondActivityTaskCanceled')).toEqual([{ taskToken: 'token-waitForCancel', details: '{"step":1}' }]);
    expect(fake.callsTo('RespondActivityTaskFailed')).toEqual([]);
  });

  it('answers nothing when SWF no longer knows the task', async () => {
    const { fake, executor, events } = setup();
    fake.on('RecordActivityTaskHeartbeat', () => Promise.reject(swfError('UnknownResourceFault', 'Unknown activity task')));
    const dropped = vi.fn();
    events.on('respondDropped', dropped);
    await executor.execute(task('waitForCancel'));
    expect(fake.calls.filter((call) => call.operation.startsWith('Respond'))).toEqual([]);
    expect(dropped).toHaveBeenCalledOnce();
  });

  it('fails running activities with WORKER_SHUTDOWN when aborted at shutdown', async () => {
    const { fake, executor } = setup();
    const running = executor.execute(task('waitForCancel'));
    await vi.waitFor(() => expect(executor.runningTasks).toBe(1));
    executor.abortAll();
    await running;
    const [failed] = fake.callsTo('RespondActivityTaskFailed');
    expect(failed.reason).toBe('ActivityCancelledError');
    expect(JSON.parse(failed.details).message).toMatch(/shutting down/);
  });

  it('sends nothing for an activity that completes manually; a completion client finishes it by token', async () => {
    const { fake, executor, events } = setup();
    const outcomes: string[] = [];
    events.on('taskCompleted', (done) => outcomes.push(done.outcome));
    await executor.execute(task('handOff'));
    expect(fake.calls.filter((call) => call.operation.startsWith('Respond'))).toEqual([]);
    expect(outcomes).toEqual(['manual']);

    const completion = new ActivityCompletionClient({ client: fake.client });
    await completion.complete('token-handOff', { shipped: true });
    await completion.fail('token-other', new RangeError('too heavy'));
    await completion.cancel('token-third');
    expect(fake.callsTo('RespondActivityTaskCompleted')).toEqual([{ taskToken: 'token-handOff', result: '{"shipped":true}' }]);
    expect(fake.callsTo('RespondActivityTaskFailed')[0].reason).toBe('RangeError');
    expect(fake.callsTo('RespondActivityTaskCanceled')).toEqual([{ taskToken: 'token-third' }]);
    await expect(completion.heartbeat('token-handOff', 'x'.repeat(3_000))).rejects.toMatchObject({ name: 'PayloadTooLargeError' });
  });

  it('fails a task whose type this worker does not run, naming the types it does run', async () => {
    const { fake, executor } = setup();
    await executor.execute({ ...task('label'), activityType: { name: 'Billing.charge', version: '2' } });
    const [failed] = fake.callsTo('RespondActivityTaskFailed');
    expect(failed.reason).toBe('ActivityTypeNotRegisteredError');
    expect(JSON.parse(failed.details).message).toMatch(/no activity for type Billing.charge version 2; it runs: .*Shipping.label@1/);
  });

  it('fails the task when the result is too large for SWF', async () => {
    const { fake, executor } = setup();
    await executor.execute(task('huge'));
    expect(fake.callsTo('RespondActivityTaskCompleted')).toEqual([]);
    const [failed] = fake.callsTo('RespondActivityTaskFailed');
    expect(failed.reason).toBe('PayloadTooLargeError');
  });

  it('logs and drops an answer refused with UnknownResourceFault, without retrying', async () => {
    const { fake, executor, log } = setup();
    fake.on('RespondActivityTaskCompleted', () => Promise.reject(swfError('UnknownResourceFault')));
    await executor.execute(task('label'));
    expect(fake.callsTo('RespondActivityTaskCompleted')).toHaveLength(1);
    expect(log.entries.some((entry) => entry.level === 40 && /answer dropped/.test(entry.msg) && entry.activityId === 'a1')).toBe(true);
  });

  it('never logs payload contents unless asked', async () => {
    const { executor, log } = setup();
    await executor.execute(task('label', { orderId: 'secret-order' }));
    expect(JSON.stringify(log.entries)).not.toMatch(/secret-order/);
  });

  describe('heartbeat pacing when the workflow overrides the heartbeat timeout', () => {
    // Registered 10s (paced at 8s); the run scheduled this task with 1s, which only its history says.
    const scheduledWithOneSecond = () => ({
      events: [
        { eventId: 8, eventType: 'TimerStarted', timerStartedEventAttributes: { timerId: 't', startToFireTimeout: '5', decisionTaskCompletedEventId: 4 } },
        { eventId: 7, eventType: 'ActivityTaskStarted', activityTaskStartedEventAttributes: { scheduledEventId: 6 } },
        {
          eventId: 6,
          eventType: 'ActivityTaskScheduled',
          activityTaskScheduledEventAttributes: { activityId: 'a1', heartbeatTimeout: '1', decisionTaskCompletedEventId: 4 },
        },
      ],
    });

    it('reads the scheduled timeout once when heartbeats are held back, and paces by it', async () => {
      vi.useFakeTimers();
      try {
        const { fake, executor } = setup();
        fake.on('GetWorkflowExecutionHistory', scheduledWithOneSecond);
        const running = executor.execute(task('chatty', 3_000));
        await vi.advanceTimersByTimeAsync(3_100);
        await running;
        expect(fake.callsTo('GetWorkflowExecutionHistory')).toEqual([
          { domain: 'shop', execution: { workflowId: 'order-1', runId: 'run-1' }, reverseOrder: true, maximumPageSize: 100 },
        ]);
        // Paced at 800 ms (80% of 1s) instead of 8s: the task stays alive.
        expect(fake.callsTo('RecordActivityTaskHeartbeat').length).toBeGreaterThanOrEqual(4);
      } finally {
        vi.useRealTimers();
      }
    });

    it('never reads history for an activity that does not heartbeat faster than its pacing', async () => {
      const { fake, executor } = setup();
      fake.on('RecordActivityTaskHeartbeat', () => ({ cancelRequested: true }));
      await executor.execute(task('label'));
      await executor.execute(task('waitForCancel'));
      expect(fake.callsTo('RecordActivityTaskHeartbeat')).toHaveLength(1);
      expect(fake.callsTo('GetWorkflowExecutionHistory')).toEqual([]);
    });

    it('keeps the registered pacing, and says why, when the history cannot be read', async () => {
      vi.useFakeTimers();
      try {
        const { fake, executor, log } = setup();
        fake.on('GetWorkflowExecutionHistory', () => Promise.reject(swfError('ThrottlingException', 'Rate exceeded')));
        const running = executor.execute(task('chatty', 1_000));
        await vi.advanceTimersByTimeAsync(1_100);
        await running;
        expect(fake.callsTo('RecordActivityTaskHeartbeat')).toHaveLength(1);
        expect(log.entries.some((entry) => entry.level === 40 && /keep the registered pacing/.test(entry.msg))).toBe(true);
      } finally {
        vi.useRealTimers();
      }
    });

    it('paces automatic heartbeats by the scheduled timeout from the start of the task', async () => {
      vi.useFakeTimers();
      try {
        const { fake, executor } = setup({ autoHeartbeat: true });
        fake.on('GetWorkflowExecutionHistory', scheduledWithOneSecond);
        const running = executor.execute(task('workQuietly', 2_500));
        await vi.advanceTimersByTimeAsync(2_600);
        await running;
        expect(fake.callsTo('GetWorkflowExecutionHistory')).toHaveLength(1);
        expect(fake.callsTo('RecordActivityTaskHeartbeat').length).toBeGreaterThanOrEqual(3);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
