import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { NonDeterminismError, PayloadPipeline, attachHeaders, detachHeaders, jsonPayloadConverter, type PayloadCodec } from '@swirl/core';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DecisionExecutor, type DecidingRuntime } from '../src/decision-executor.js';
import { HistoryPager } from '../src/history-pager.js';
import { serializeLoggedError } from '../src/sdk-errors.js';
import { StickyCache } from '../src/sticky-cache.js';
import { WorkerEvents } from '../src/worker-events.js';
import { WorkerInterceptors, type DecisionTaskCall, type DecisionTaskResult, type WorkerInterceptor } from '../src/worker-interceptors.js';
import { fakeSwfClient, memoryLogger, swfError } from './fake-swf-client.js';

/** A runtime that records what it was fed and answers with scripted decisions. */
class RecordingRuntime implements DecidingRuntime {
  processedStartedEventId = 0;
  readonly activations: number[][] = [];
  readonly inputs: unknown[] = [];
  constructor(readonly decide: (events: HistoryEvent[]) => Decision[]) {}
  activate(events: HistoryEvent[]) {
    this.activations.push(events.map((event) => event.eventId!));
    for (const event of events) {
      const input = event.workflowExecutionStartedEventAttributes?.input;
      if (input !== undefined) this.inputs.push(input);
    }
    this.processedStartedEventId = events.at(-1)!.eventId!;
    return { decisions: this.decide(events), executionContext: 'ctx' };
  }
}

const at = (eventId: number) => new Date(1_700_000_000_000 + eventId * 1000);
const started = (eventId: number): HistoryEvent => ({ eventId, eventType: 'DecisionTaskStarted', eventTimestamp: at(eventId) });
const marker = (eventId: number): HistoryEvent => ({ eventId, eventType: 'MarkerRecorded', eventTimestamp: at(eventId) });
const timer: Decision = { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't1', startToFireTimeout: '5' } };
const complete = (result: string): Decision => ({
  decisionType: 'CompleteWorkflowExecution',
  completeWorkflowExecutionDecisionAttributes: { result },
});

/** History 1..last, newest first, with a DecisionTaskStarted at `last`. */
function history(last: number, input = '"hello"'): HistoryEvent[] {
  const events: HistoryEvent[] = [
    { eventId: 1, eventType: 'WorkflowExecutionStarted', eventTimestamp: at(1), workflowExecutionStartedEventAttributes: { input } as never },
  ];
  for (let id = 2; id < last; id += 1) events.push(marker(id));
  events.push(started(last));
  return events.reverse();
}

function setup(
  options: {
    codecs?: PayloadCodec[];
    decide?: (events: HistoryEvent[]) => Decision[];
    cacheSize?: number;
    stopSignal?: AbortSignal;
    interceptors?: WorkerInterceptor[];
  } = {},
) {
  const fake = fakeSwfClient().on('RespondDecisionTaskCompleted', () => ({}));
  const events = new WorkerEvents();
  const log = memoryLogger();
  const cache = new StickyCache<DecidingRuntime>(options.cacheSize ?? 10, (runId, reason) => events.emit('cacheEviction', { runId, reason }));
  const runtimes: RecordingRuntime[] = [];
  const seen: string[] = [];
  for (const name of ['cacheHit', 'cacheMiss', 'cacheEviction', 'nonDeterminism', 'respondDropped', 'taskFailed', 'taskCompleted'] as const) {
    events.on(name, ((payload: { reason?: string }) => seen.push(payload?.reason ? `${name}:${payload.reason}` : name)) as never);
  }
  const executor = new DecisionExecutor({
    client: fake.client,
    domain: 'd',
    ...(options.interceptors && { interceptors: new WorkerInterceptors(options.interceptors) }),
    pager: new HistoryPager({ client: fake.client, domain: 'd', identity: 'me', requestTimeoutMs: 70_000 }),
    cache,
    createRuntime: () => {
      const runtime = new RecordingRuntime(options.decide ?? (() => [timer]));
      runtimes.push(runtime);
      return runtime;
    },
    payloads: new PayloadPipeline({ converter: jsonPayloadConverter, codecs: options.codecs ?? [] }),
    stickyTaskList: 'sticky-me',
    stickyScheduleToStartTimeoutMs: 5_000,
    ...(options.stopSignal && { stopSignal: options.stopSignal }),
    logger: pino({ serializers: { err: serializeLoggedError } }, log.stream), // as the worker's loggers are
    events,
    logPayloads: false,
  });
  return { fake, events, log, cache, executor, runtimes, seen };
}

const task = (startedEventId: number, previousStartedEventId: number, events: HistoryEvent[], nextPageToken?: string) => ({
  taskToken: `token-${startedEventId}`,
  startedEventId,
  previousStartedEventId,
  workflowExecution: { workflowId: 'w1', runId: 'r1' },
  workflowType: { name: 'Order', version: '1' },
  events,
  ...(nextPageToken !== undefined && { nextPageToken }),
  $metadata: {},
});

describe('DecisionExecutor', () => {
  it('sends the answer again while SWF cannot be reached, and never decides twice', async () => {
    const { fake, events, executor, runtimes } = setup();
    let answers = 0;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8233'), { code: 'ECONNREFUSED' });
    fake.on('RespondDecisionTaskCompleted', () => {
      answers += 1;
      if (answers < 3) throw refused;
      return {};
    });
    const retries: number[] = [];
    events.on('respondRetried', (retry) => retries.push(retry.attempt));
    const completed: string[] = [];
    events.on('taskCompleted', (done) => completed.push(done.kind));
    await executor.execute(task(3, 0, history(3)), 'orders');
    expect(answers).toBe(3);
    expect(retries).toEqual([1, 2]);
    expect(completed).toEqual(['decision']);
    expect(runtimes[0]!.activations).toEqual([[1, 2, 3]]);
  });

  it('replays the full history, answers the decisions and asks for sticky execution on its own list', async () => {
    const { fake, executor, runtimes, cache } = setup();
    await executor.execute(task(3, 0, history(3)), 'orders');
    expect(runtimes[0]!.activations).toEqual([[1, 2, 3]]);
    expect(fake.callsTo('RespondDecisionTaskCompleted')).toEqual([
      { taskToken: 'token-3', decisions: [timer], executionContext: 'ctx', taskList: { name: 'sticky-me' }, taskListScheduleToStartTimeout: '5' },
    ]);
    expect(cache.has('r1')).toBe(true);
  });

  it('feeds a cached runtime only the new events when previousStartedEventId matches, fetching no older pages', async () => {
    const { fake, executor, runtimes, seen, cache } = setup();
    await executor.execute(task(3, 0, history(3)), 'orders');
    const full = history(9);
    fake.on('PollForDecisionTask', () => {
      throw new Error('no older page should be fetched');
    });
    await executor.execute(task(9, 3, full.slice(0, 6), 'page-2'), 'sticky-me');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]!.activations).toEqual([[1, 2, 3], [4, 5, 6, 7, 8, 9]]);
    expect(seen).toContain('cacheHit');
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
  });

  it('replays in full with a new runtime when previousStartedEventId does not match the cached runtime', async () => {
    const { executor, runtimes, seen } = setup();
    await executor.execute(task(3, 0, history(3)), 'orders');
    // Another worker decided task 7 in between: the cached runtime is stale.
    await executor.execute(task(11, 7, history(11)), 'orders');
    expect(runtimes).toHaveLength(2);
    expect(runtimes[1]!.activations).toEqual([Array.from({ length: 11 }, (_, i) => i + 1)]);
    expect(seen).toContain('cacheMiss:PREVIOUS_STARTED_MISMATCH');
    expect(seen).toContain('cacheEviction:FALLBACK');
  });

  it('fails the task when the pages leave a gap, and replays the run in full next time', async () => {
    const { fake, executor, runtimes, seen } = setup();
    await executor.execute(task(3, 0, history(3)), 'orders');
    const full = history(9);
    // Event 4 is missing from the pages: neither the new events nor the whole history join up.
    fake.on('PollForDecisionTask', () => ({ events: full.slice(6) }));
    await executor.execute(task(9, 3, full.slice(0, 5), 'page-2'), 'sticky-me');
    expect(seen).toContain('taskFailed');
    expect(fake.callsTo('RespondDecisionTaskCompleted')).toHaveLength(1);
    await executor.execute(task(9, 3, history(9)), 'orders');
    expect(runtimes).toHaveLength(2);
    expect(seen).toContain('cacheMiss:NOT_CACHED');
  });

  it('leaves a task that throws unanswered, reports non-determinism, and replays the run in full next time', async () => {
    let calls = 0;
    const { fake, executor, runtimes, seen, log } = setup({
      decide: () => {
        calls += 1;
        if (calls === 2) throw new NonDeterminismError({ eventId: 5, recorded: 'StartTimer t1', produced: 'ScheduleActivityTask a1' });
        return [timer];
      },
    });
    await executor.execute(task(3, 0, history(3)), 'orders');
    await executor.execute(task(7, 3, history(7)), 'sticky-me');
    expect(fake.callsTo('RespondDecisionTaskCompleted')).toHaveLength(1);
    expect(seen).toContain('nonDeterminism');
    expect(seen).toContain('taskFailed');
    const error = log.entries.find((entry) => entry.level === 50);
    expect(error).toMatchObject({ workflowId: 'w1', runId: 'r1' });
    await executor.execute(task(11, 3, history(11)), 'orders');
    expect(runtimes).toHaveLength(2);
  });

  it('logs and drops a respond refused with UnknownResourceFault, and does not keep the runtime', async () => {
    const { fake, executor, seen, cache } = setup();
    fake.on('RespondDecisionTaskCompleted', () => Promise.reject(swfError('UnknownResourceFault', 'Unknown decision task')));
    await executor.execute(task(3, 0, history(3)), 'orders');
    expect(fake.callsTo('RespondDecisionTaskCompleted')).toHaveLength(1);
    expect(seen).toContain('respondDropped');
    expect(cache.has('r1')).toBe(false);
  });

  it('hands the runtime to the run\'s next task even when that task arrives before the respond is answered', async () => {
    const { fake, executor, runtimes, seen } = setup();
    let responds = 0;
    // A fast activity: SWF records the decisions, the activity completes and the next decision task
    // reaches the sticky poller while the first respond's HTTP answer is still on its way back.
    fake.on('RespondDecisionTaskCompleted', async () => {
      responds += 1;
      if (responds === 1) await executor.execute(task(9, 3, history(9).slice(0, 6), 'page-2'), 'sticky-me');
      return {};
    });
    await executor.execute(task(3, 0, history(3)), 'orders');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]!.activations).toEqual([[1, 2, 3], [4, 5, 6, 7, 8, 9]]);
    // Only the run's first task missed the cache.
    expect(seen.filter((event) => event.startsWith('cache'))).toEqual(['cacheMiss:NOT_CACHED', 'cacheHit']);
  });

  it('evicts the runtime it cached when the respond fails, so the next task replays in full', async () => {
    const { fake, executor, runtimes, seen, cache } = setup();
    // A refusal that is not retried (throttling and outages are: see the answer-retry tests).
    fake.on('RespondDecisionTaskCompleted', () => Promise.reject(swfError('OperationNotPermittedFault', 'Not permitted')));
    await executor.execute(task(3, 0, history(3)), 'orders');
    expect(cache.has('r1')).toBe(false);
    expect(seen).toEqual(['cacheMiss:NOT_CACHED', 'cacheEviction:FALLBACK', 'taskFailed']);
    fake.on('RespondDecisionTaskCompleted', () => ({}));
    await executor.execute(task(7, 0, history(7)), 'orders');
    expect(runtimes).toHaveLength(2);
    expect(cache.stats).toMatchObject({ hits: 0, misses: 2, evictions: 1 });
  });

  it('keeps the runtime the next task advanced when the earlier respond fails afterwards', async () => {
    const { fake, executor, runtimes, cache } = setup();
    let responds = 0;
    // SWF recorded the first respond (the next task names it as previous) but its answer was lost.
    fake.on('RespondDecisionTaskCompleted', async () => {
      responds += 1;
      if (responds > 1) return {};
      await executor.execute(task(9, 3, history(9).slice(0, 6)), 'sticky-me');
      throw swfError('TimeoutError', 'socket hang up');
    });
    await executor.execute(task(3, 0, history(3)), 'orders');
    expect(cache.has('r1')).toBe(true);
    await executor.execute(task(15, 9, history(15).slice(0, 6)), 'sticky-me');
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]!.activations).toEqual([[1, 2, 3], [4, 5, 6, 7, 8, 9], [10, 11, 12, 13, 14, 15]]);
  });

  it('does not ask for sticky execution when the decisions close the run', async () => {
    const { fake, executor, cache } = setup({ decide: () => [complete('"done"')] });
    await executor.execute(task(3, 0, history(3)), 'orders');
    const [respond] = fake.callsTo('RespondDecisionTaskCompleted');
    expect(respond.taskList).toBeUndefined();
    expect(cache.has('r1')).toBe(false);
  });

  it('asks for no sticky execution once the worker is stopping', async () => {
    const stop = new AbortController();
    stop.abort();
    const { fake, executor, cache } = setup({ stopSignal: stop.signal });
    await executor.execute(task(3, 0, history(3)), 'orders');
    const [respond] = fake.callsTo('RespondDecisionTaskCompleted');
    expect(respond.taskList).toBeUndefined();
    expect(cache.has('r1')).toBe(false);
  });

  it('decodes event payloads before the runtime and encodes decision payloads after it', async () => {
    const tagging: PayloadCodec = { encode: async (payload) => `enc:${payload}`, decode: async (payload) => payload.slice(4) };
    const { fake, executor, runtimes } = setup({ codecs: [tagging], decide: () => [complete('"done"')] });
    await executor.execute(task(3, 0, history(3, 'enc:"hello"')), 'orders');
    expect(runtimes[0]!.inputs).toEqual(['"hello"']);
    const [respond] = fake.callsTo('RespondDecisionTaskCompleted');
    expect(respond.decisions[0].completeWorkflowExecutionDecisionAttributes.result).toBe('enc:"done"');
  });

  it('refuses decisions too large for SWF, naming the field, and leaves the task unanswered', async () => {
    const { fake, executor, log } = setup({ decide: () => [complete(JSON.stringify('x'.repeat(40_000)))] });
    await executor.execute(task(3, 0, history(3)), 'orders');
    expect(fake.callsTo('RespondDecisionTaskCompleted')).toEqual([]);
    const error = log.entries.find((entry) => entry.level === 50) as unknown as { err: { type: string; message: string } };
    expect(error.err.type).toBe('PayloadTooLargeError');
    expect(error.err.message).toMatch(/CompleteWorkflowExecution\.result/);
  });

  it('counts a cached runtime whose run closes as dropped (CLOSED), and asks for no sticky execution', async () => {
    let decided = 0;
    const { fake, executor, seen, cache } = setup({ decide: () => (++decided === 1 ? [timer] : [complete('"done"')]) });
    await executor.execute(task(3, 0, history(3)), 'orders');
    await executor.execute(task(9, 3, history(9).slice(0, 6)), 'sticky-me');
    expect(seen).toContain('cacheEviction:CLOSED');
    expect(cache.has('r1')).toBe(false);
    expect(cache.stats).toMatchObject({ hits: 1, evictions: 1 });
    expect(fake.callsTo('RespondDecisionTaskCompleted')[1]).not.toHaveProperty('taskList');
    expect(executor.runningTasks).toBe(0);
  });

  describe('interceptors', () => {
    const schedule: Decision = {
      decisionType: 'ScheduleActivityTask',
      scheduleActivityTaskDecisionAttributes: { activityId: 'a1', activityType: { name: 'charge', version: '1' }, input: '{"amount":3}' },
    };

    it('see the task with replayed and new events counted and the run start headers, around the decide and respond', async () => {
      const calls: DecisionTaskCall[] = [];
      const results: DecisionTaskResult[] = [];
      const interceptor: WorkerInterceptor = {
        async decisionTask(call, next) {
          calls.push(call);
          const result = await next(call);
          results.push(result);
          return result;
        },
      };
      const { executor } = setup({ interceptors: [interceptor] });
      await executor.execute(task(3, 0, history(3, attachHeaders('"hello"', { trace: 'root' })!)), 'orders');
      // The next task replays in full (a new worker would): events 1..3 were seen by the previous task.
      const { executor: other } = setup({ interceptors: [interceptor], cacheSize: 0 });
      await other.execute(task(9, 3, history(9, attachHeaders('"hello"', { trace: 'root' })!)), 'orders');

      expect(calls.map(({ replayedEvents, newEvents, cacheHit, workflowHeaders, domain, taskList }) => ({ replayedEvents, newEvents, cacheHit, workflowHeaders, domain, taskList }))).toEqual([
        { replayedEvents: 0, newEvents: 3, cacheHit: false, workflowHeaders: { trace: 'root' }, domain: 'd', taskList: 'orders' },
        { replayedEvents: 3, newEvents: 6, cacheHit: false, workflowHeaders: { trace: 'root' }, domain: 'd', taskList: 'orders' },
      ]);
      expect(calls[1]).toMatchObject({ workflowExecution: { workflowId: 'w1', runId: 'r1' }, workflowType: { name: 'Order', version: '1' }, startedEventId: 9, previousStartedEventId: 3 });
      expect(results).toEqual([
        { decisions: ['StartTimer'], sticky: true },
        { decisions: ['StartTimer'], sticky: false },
      ]);
    });

    it('keep the run start headers of a cached runtime, whose sticky task pages no WorkflowExecutionStarted', async () => {
      const seen: DecisionTaskCall[] = [];
      const { executor } = setup({ interceptors: [{ decisionTask: async (call, next) => (seen.push(call), next(call)) }] });
      await executor.execute(task(3, 0, history(3, attachHeaders('"hello"', { trace: 'root' })!)), 'orders');
      await executor.execute(task(9, 3, history(9).slice(0, 6)), 'sticky-me');
      expect(seen[1]).toMatchObject({ cacheHit: true, replayedEvents: 0, newEvents: 6, workflowHeaders: { trace: 'root' } });
    });

    it('write the outbound headers a hook passes on in front of the input of scheduled activities only', async () => {
      const { fake, executor, runtimes } = setup({
        decide: () => [schedule, timer],
        interceptors: [{ decisionTask: (call, next) => next({ ...call, outboundHeaders: { trace: 'decision-span' } }) }],
      });
      await executor.execute(task(3, 0, history(3, attachHeaders('"hello"', { trace: 'root' })!)), 'orders');
      // The runtime read the input without its headers.
      expect(runtimes[0]!.inputs).toEqual(['"hello"']);
      const [respond] = fake.callsTo('RespondDecisionTaskCompleted');
      const input = respond.decisions[0].scheduleActivityTaskDecisionAttributes.input as string;
      expect(detachHeaders(input)).toEqual({ headers: { trace: 'decision-span' }, payload: '{"amount":3}' });
      expect(respond.decisions[1]).toEqual(timer);
    });

    it('leave the task unanswered when a hook rejects, as a failing decision does', async () => {
      const { fake, executor, seen } = setup({ interceptors: [{ decisionTask: async () => Promise.reject(new Error('hook broke')) }] });
      await executor.execute(task(3, 0, history(3)), 'orders');
      expect(fake.callsTo('RespondDecisionTaskCompleted')).toEqual([]);
      expect(seen).toContain('taskFailed');
    });
  });
});
