/**
 * Issue 13, part 6 (the workflow runtime): recorded histories, damaged by a property-based fuzz
 * (cut short, events dropped, repeated, reordered, retyped, ids and attributes broken, payloads
 * that are not JSON, garbage), given to `replayHistory` and to a Worker over HTTP. Each either
 * replays or fails with one of Swirl's typed errors and a readable message, never a TypeError from
 * deep inside, a crash or a hang.
 */
import { SWFClient } from '@aws-sdk/client-swf';
import { replayHistory } from '@swirl/testing';
import { Worker } from '@swirl/worker';
import fc from 'fast-check';
import { Agent } from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damagedHistory, type RecordedHistory, type WireEvent } from './load-support/history-mutations.js';
import { driverClient, signalExecution, startExecution, waitForAllClosed, type Execution } from './load-support/load-driver.js';
import { post } from './load-support/raw-http.js';
import { startServerProcess } from './load-support/server-process.js';
import { startStubSwf } from './load-support/stub-swf.js';
import { startWorkerProcesses } from './load-support/worker-process.js';
import { Errand, LOAD_TASK_LIST, LOAD_WORKFLOWS, Medley, proceed } from './load-support/workflows.js';
import { faultSize, faultTimeout } from './profile.js';

const DOMAIN = 'faults-fuzz-history';
const REPLAYS = faultSize(3_000, 30_000);
const WORKER_TASKS = faultSize(300, 3_000);
// A replay of a few dozen events takes milliseconds; this bound only tells a hang from slowness.
const HANG_MS = 10_000;

/** Swirl's own error types: what a damaged history may fail with. A TypeError or RangeError means code tripped over it. */
const TYPED_ERRORS = new Set([
  'HistoryLoadError',
  'UnreplayableHistoryError',
  'ReplayWorkflowNotFoundError',
  'NonDeterminismError',
  'HistoryEventError',
  'HistoryLinkError',
  'HistoryGapError',
  'PayloadConversionError',
  'PayloadCodecError',
  'WorkflowRuntimeError',
  'DurationError',
]);

function expectTyped(error: unknown, context: string): string {
  expect(error, context).toBeInstanceOf(Error);
  const { name, message } = error as Error;
  expect(TYPED_ERRORS.has(name), `${context}: ${name}: ${message}\n${(error as Error).stack}`).toBe(true);
  expect(message.length, `${context}: ${name} with an empty message`).toBeGreaterThan(10);
  return name;
}

function withinHangBound<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${HANG_MS} ms: a hang`)), HANG_MS)));
  return Promise.race([work, hang]).finally(() => clearTimeout(timer));
}

/** Records an Errand and a Medley (activities, timer, child, signal) on a server process, as wire JSON. */
async function recordHistories(): Promise<RecordedHistory[]> {
  const server = await startServerProcess();
  const workers = await startWorkerProcesses(1, { endpoint: server.endpoint, domain: DOMAIN, workers: 1 });
  const client = driverClient(server.endpoint);
  const agent = new Agent({ keepAlive: true });
  try {
    const since = new Date(Date.now() - 60_000);
    const errand = await startExecution(client, DOMAIN, Errand, 'recorded-errand', 2);
    const medley = await startExecution(client, DOMAIN, Medley, 'recorded-medley');
    await signalExecution(client, DOMAIN, medley, proceed.name, 'the fuzz');
    await waitForAllClosed(client, DOMAIN, [errand, medley], since, 60_000);
    const wire = async (execution: Execution): Promise<RecordedHistory> => {
      const answer = await post(server.endpoint, agent, 'SimpleWorkflowService.GetWorkflowExecutionHistory', Buffer.from(JSON.stringify({ domain: DOMAIN, execution })));
      return { workflowExecution: execution, events: (JSON.parse(answer.text) as { events: WireEvent[] }).events };
    };
    return [await wire(errand), await wire(medley)];
  } finally {
    agent.destroy();
    client.destroy();
    await Promise.all(workers.map((worker) => worker.stop()));
    await server.close();
  }
}

describe('damaged histories given to the workflow runtime', () => {
  let histories: RecordedHistory[];
  const outcomes = new Map<string, number>();
  const tally = (key: string): void => void outcomes.set(key, (outcomes.get(key) ?? 0) + 1);

  beforeAll(async () => {
    histories = await recordHistories();
  }, 120_000);
  afterAll(() => console.log(['fuzzed histories, by outcome:', ...[...outcomes].sort().map(([key, value]) => `  ${key}: ${value}`)].join('\n')));

  it('replays the recorded histories as they are', async () => {
    for (const history of histories) await expect(replayHistory({ workflows: LOAD_WORKFLOWS }, history as never)).resolves.toBeDefined();
  });

  it(
    `replayHistory fails each of ${REPLAYS} damaged histories with a typed, readable error, or replays it`,
    async () => {
      await fc.assert(
        fc.asyncProperty(damagedHistory(histories), async (damaged) => {
          const context = JSON.stringify(damaged).slice(0, 400);
          try {
            await withinHangBound(replayHistory({ workflows: LOAD_WORKFLOWS }, damaged as never), 'replayHistory');
            tally('replayHistory: replayed');
          } catch (error) {
            tally(`replayHistory: ${expectTyped(error, context)}`);
          }
        }),
        { numRuns: REPLAYS, seed: 13_0061, endOnFailure: true },
      );
    },
    faultTimeout(faultSize(120_000, 900_000)),
  );

  it(
    `a Worker given ${WORKER_TASKS} damaged decision tasks over HTTP reports each as a typed task failure or decides it, and keeps polling`,
    async () => {
      const stub = await startStubSwf({ taskList: LOAD_TASK_LIST });
      const client = new SWFClient({ endpoint: stub.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      const worker = await Worker.create({ client, domain: DOMAIN, taskList: LOAD_TASK_LIST, workflows: LOAD_WORKFLOWS, register: 'never', handleSignals: false, logger: pino({ level: 'silent' }) });
      // Tasks go one at a time; each has a runId of its own, so an answer is matched to its task.
      const settled = new Map<string, (outcome: string) => void>();
      const settle = (runId: string, outcome: () => string): void => settled.get(runId)?.(outcome());
      // Checked after the run: an assertion thrown inside an event listener would only stop the emit.
      const untyped: string[] = [];
      worker.events.on('taskFailed', (task) =>
        settle(task.runId, () => {
          const { name, message, stack } = task.error as Error;
          if (!TYPED_ERRORS.has(name) || message.length <= 10) untyped.push(`${task.runId}: ${String(stack ?? task.error)}`);
          return name;
        }),
      );
      worker.events.on('taskCompleted', (task) => settle(task.runId, () => `decided (${task.outcome})`));
      // The SDK may refuse to read a damaged task before the worker sees it: the poll fails and backs off.
      let current = '';
      worker.events.on('pollFailed', ({ error }) => settle(current, () => `poll failed: ${(error as Error).name}: ${(error as Error).message.slice(0, 120)}`));
      await worker.start();
      try {
        const damaged = damagedHistory(histories).filter((history) => Array.isArray(history.events) && history.events.every(isEventLike));
        const cases = fc.sample(damaged, { numRuns: WORKER_TASKS, seed: 13_0062 });
        for (const [index, { workflowExecution, events }] of cases.entries()) {
          const token = `t${index}`;
          const runId = `${workflowExecution.runId}.${token}`;
          current = runId;
          const outcome = new Promise<string>((resolve) => settled.set(runId, resolve));
          const workflowType = workflowExecution.workflowId === 'recorded-medley' ? { name: 'Medley', version: '1' } : { name: 'Errand', version: '1' };
          stub.offer({ taskToken: token, workflowExecution: { ...workflowExecution, runId }, workflowType, events: events as unknown[] });
          const summary = Array.isArray(events) ? (events as WireEvent[]).map((event) => `${String(event.eventId)}:${String(event.eventType)}`).join(' ') : String(events);
          tally(`worker: ${await withinHangBound(outcome, `the worker's decision task ${token} (${workflowType.name}, events ${summary})`)}`);
        }
        expect(untyped).toEqual([]);
      } finally {
        await worker.shutdown();
        client.destroy();
        await stub.close();
      }
    },
    faultTimeout(faultSize(120_000, 900_000)),
  );
});

/** What the SDK can read as a history event at all (an object with a timestamp); other garbage never reaches a worker as a task. */
function isEventLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { eventTimestamp?: unknown }).eventTimestamp === 'number';
}
