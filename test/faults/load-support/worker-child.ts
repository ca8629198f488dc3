/**
 * The child of `startWorkerProcess`: `workers` Swirl Workers in one process, each with its own SDK
 * client (default retry settings, as a user has them) carrying a delivery ledger and a retry meter.
 * Says `ready` once every Worker polls, answers `stats` with its counters, and on `stop` shuts its
 * Workers down (draining what is in flight) and reports everything it saw.
 */
import { SWFClient } from '@aws-sdk/client-swf';
import { Worker } from '@swirl/worker';
import { pino } from 'pino';
import { TaskDeliveryLedger } from '@swirl/testing';
import { RetryMeter } from './retry-meter.js';
import { LOAD_TASK_LIST, LOAD_WORKFLOWS, Steps, stepDelay } from './workflows.js';
import type { WorkerChildMessage, WorkerCounters, WorkerProcessOptions } from './worker-process.js';

const send = (message: WorkerChildMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));
const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
// Failures are reported word for word, but a run that fails everything must not flood the IPC channel.
const MAX_FAILURES_KEPT = 50;

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as WorkerProcessOptions;
  stepDelay.ms = options.stepDelayMs ?? 0;
  const ledger = new TaskDeliveryLedger();
  const meter = new RetryMeter();
  const logger = pino({ level: options.logLevel ?? 'error', base: { worker: options.identity } }, pino.destination(2));
  const counters = { pollFailed: 0, respondRetried: 0, respondDropped: 0, taskStarted: 0, taskAnswered: 0, taskFailed: 0 };
  const failures: string[] = [];
  const workers: Worker[] = [];
  for (let index = 0; index < options.workers; index += 1) {
    const client = new SWFClient({ endpoint: options.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const worker = await Worker.create({
      client: meter.attach(ledger.attach(client)),
      domain: options.domain,
      taskList: LOAD_TASK_LIST,
      workflows: LOAD_WORKFLOWS,
      activities: [new Steps()],
      identity: `${options.identity}.${index}`,
      logger,
      handleSignals: false,
      register: options.register && index === 0 ? 'always' : 'never',
      domainRetentionDays: 1,
      ...(options.shutdownGraceTime !== undefined && { shutdownGraceTime: options.shutdownGraceTime }),
    });
    worker.events.on('pollFailed', () => (counters.pollFailed += 1));
    worker.events.on('respondRetried', () => (counters.respondRetried += 1));
    worker.events.on('respondDropped', () => (counters.respondDropped += 1));
    worker.events.on('taskStarted', () => (counters.taskStarted += 1));
    worker.events.on('taskCompleted', () => (counters.taskAnswered += 1));
    worker.events.on('taskFailed', ({ error }) => {
      counters.taskFailed += 1;
      if (failures.length < MAX_FAILURES_KEPT) failures.push(describe(error));
    });
    workers.push(worker);
  }
  // start() resolves once the domain and types are registered and the polls are out.
  await workers[0]!.start();
  await Promise.all(workers.slice(1).map((worker) => worker.start()));
  const snapshot = (): WorkerCounters => ({
    ...counters,
    closedRuns: ledger.closed,
    duplicates: ledger.duplicates,
    retries: meter.counts(),
    failures: [...failures],
  });

  process.on('message', (message) => {
    if (message === 'stats') void send({ type: 'stats', counters: snapshot() });
    if (message !== 'stop') return;
    Promise.all(workers.map((worker) => worker.shutdown())).then(
      () => send({ type: 'stopped', counters: snapshot(), delivered: ledger.deliveries() }).then(() => process.exit(0)),
      (error: unknown) => send({ type: 'error', error: describe(error) }).then(() => process.exit(1)),
    );
  });
  await send({ type: 'ready' });
}

main().catch((error: unknown) => send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }).then(() => process.exit(1)));
