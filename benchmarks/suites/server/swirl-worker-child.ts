/**
 * A process of Swirl Workers for the concurrent run: `swirl-worker-child.ts <endpoint> <deciders|activities> <count> <taskList> <activityTaskList>`.
 * The first Worker registers the types; the process says `ready` once every Worker polls, reports
 * each closed run (`closed`, batched), and on `stop` shuts its Workers down and reports the tasks
 * it was handed, so the parent can find a task delivered twice across processes.
 */
import { Worker } from '@swirl/worker';
import { pino } from 'pino';
import { SdkMeter } from '../../harness/sdk-meter.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { NoopActivities } from '../../workloads/sequential-activities.js';
import { SwirlOneActivity } from './one-activity-workflow.js';
import { SERVER_BENCH_DOMAIN } from './one-activity-protocol.js';
import { latencyStats, type CallLatency } from './latencies.js';
import { TaskDeliveryLedger } from '@swirl/testing';

export type WorkerChildMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'closed'; readonly closed: number; readonly completed: number }
  | {
      readonly type: 'stopped';
      readonly delivered: readonly string[];
      readonly duplicates: number;
      readonly failures: readonly string[];
      readonly cpuMs: number;
      /** Client-side latency per operation over the run (calls still held at the stop are not counted). */
      readonly latencies: Readonly<Record<string, CallLatency>>;
    }
  | { readonly type: 'error'; readonly error: string };

const send = (message: WorkerChildMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));

async function main(): Promise<void> {
  const [endpoint, kind, countArg, taskList, activityTaskList] = process.argv.slice(2);
  if (!endpoint || (kind !== 'deciders' && kind !== 'activities') || !taskList || !activityTaskList) {
    throw new Error('usage: swirl-worker-child.ts <endpoint> <deciders|activities> <count> <taskList> <activityTaskList>');
  }
  const ledger = new TaskDeliveryLedger();
  const meter = new SdkMeter();
  const logger = pino({ level: 'warn' });
  const failures: string[] = [];
  const workers: Worker[] = [];
  for (let index = 0; index < Number(countArg); index += 1) {
    const common = { client: meter.attach(ledger.attach(localSwfClient(endpoint))), domain: SERVER_BENCH_DOMAIN, taskList, logger, handleSignals: false, domainRetentionDays: 1, register: index === 0 ? 'always' : 'never' } as const;
    // One poller per list: "8 deciders" are 8 single-poll deciders, "8 activity workers" 8 single-poll workers.
    const worker =
      kind === 'deciders'
        ? await Worker.create({ ...common, workflows: [SwirlOneActivity], decisionPollers: 1, stickyPollers: 1 })
        : await Worker.create({ ...common, activityTaskList, activities: [new NoopActivities()], activityPollers: 1 });
    worker.events.on('taskFailed', ({ error }) => failures.push(String(error)));
    workers.push(worker);
  }
  const polling = (worker: Worker) => new Promise<void>((resolve) => worker.events.once('pollStarted', () => resolve()));
  // The first Worker registers the types before the others poll.
  const running = [workers[0]!.run()];
  // A Worker whose run() ends before it polls (registration failed) fails the process instead of hanging it.
  const endedEarly = (run: Promise<void>) =>
    run.then(() => {
      throw new Error('a Worker stopped before it started polling (see the log above)');
    });
  await Promise.race([polling(workers[0]!), endedEarly(running[0]!)]);
  const rest = workers.slice(1);
  const restPolling = Promise.all(rest.map(polling));
  running.push(...rest.map((worker) => worker.run()));
  await Promise.race([restPolling, ...running.map(endedEarly)]);

  // Closed runs are reported at most every 5 ms: one IPC message per run would be load of its own.
  let reported = 0;
  const report = setInterval(() => {
    if (ledger.closed === reported) return;
    reported = ledger.closed;
    void send({ type: 'closed', closed: ledger.closed, completed: ledger.completed });
  }, 5);
  const cpu = process.cpuUsage();
  meter.reset();
  process.on('message', (message) => {
    if (message !== 'stop') return;
    clearInterval(report);
    const used = process.cpuUsage(cpu);
    const latencies = latencyStats(meter);
    Promise.all(workers.map((worker) => worker.shutdown()))
      .then(() => Promise.all(running))
      .then(() => send({ type: 'stopped', delivered: ledger.deliveries(), duplicates: ledger.duplicates, failures, cpuMs: (used.user + used.system) / 1_000, latencies }))
      .then(
        () => process.exit(0),
        (error: unknown) => send({ type: 'error', error: String(error) }).then(() => process.exit(1)),
      );
  });
  await send({ type: 'ready' });
}

main().catch((error: unknown) => send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }).then(() => process.exit(1)));
