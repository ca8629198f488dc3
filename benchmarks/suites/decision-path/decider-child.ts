/**
 * The decider of the decision-path suite, in its own process so `process.cpuUsage()` is the
 * decider's alone: `decider-child.ts <endpoint> <workflowId> <activities> <perRun> <stickyCacheSize> <stickyFirstPageSize>`
 * (0 = the worker's default).
 * It starts one ActivityChain, decides it to the end with a real Worker over HTTP (activities run in
 * the parent), and reports the decider's API calls, events transferred, CPU and cache counters.
 */
import { WorkflowClient } from '@swirl/client';
import { Worker, type StickyCacheStats } from '@swirl/worker';
import { pino } from 'pino';
import { answerParent } from '../../harness/child-process.js';
import { SdkMeter } from '../../harness/sdk-meter.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { ActivityChain, BENCH_DOMAIN, BENCH_TASK_LIST } from '../../workloads/sequential-activities.js';

export interface DeciderChildResult {
  readonly firstRunId: string;
  readonly wallMs: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  readonly apiCalls: number;
  readonly callsByOperation: Record<string, number>;
  readonly decisionTaskEvents: number;
  readonly decisionTaskPages: number;
  readonly decisionTasks: number;
  readonly cache: StickyCacheStats;
  readonly cacheHitEvents: number;
  readonly fullReplays: number;
  readonly missReasons: Record<string, number>;
}

answerParent(async (): Promise<DeciderChildResult> => {
  const [endpoint, workflowId, activitiesArg, perRunArg, cacheSizeArg, firstPageArg] = process.argv.slice(2);
  if (!endpoint || !workflowId) throw new Error('usage: decider-child.ts <endpoint> <workflowId> <activities> <perRun> <stickyCacheSize> <stickyFirstPageSize>');
  const meter = new SdkMeter({ keepDurations: false });
  const sdk = meter.attach(localSwfClient(endpoint));
  const worker = await Worker.create({
    client: sdk,
    domain: BENCH_DOMAIN,
    taskList: BENCH_TASK_LIST,
    workflows: [ActivityChain],
    stickyCacheSize: Number(cacheSizeArg),
    ...(Number(firstPageArg) > 0 && { stickyFirstPageSize: Number(firstPageArg) }),
    logger: pino({ level: 'warn' }),
    handleSignals: false,
  });
  let cacheHitEvents = 0;
  let decisionTasks = 0;
  let fullReplays = 0;
  worker.events.on('cacheHit', ({ newEvents }) => (cacheHitEvents += newEvents));
  worker.events.on('taskCompleted', (task) => (decisionTasks += task.kind === 'decision' ? 1 : 0));
  const missReasons: Record<string, number> = {};
  worker.events.on('cacheMiss', ({ reason }) => {
    fullReplays += 1;
    missReasons[reason] = (missReasons[reason] ?? 0) + 1;
  });
  worker.events.on('taskFailed', (task) => process.stderr.write(`decision task failed: ${String(task.error)}\n`));

  // Registration is set-up, not the decision path: count from the first poll on.
  const polling = new Promise<void>((resolve) => worker.events.once('pollStarted', () => resolve()));
  const running = worker.run();
  await polling;
  meter.reset();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();

  const client = new WorkflowClient({ client: localSwfClient(endpoint), domain: BENCH_DOMAIN });
  const handle = await client.start(ActivityChain, { workflowId, input: { remaining: Number(activitiesArg), perRun: Number(perRunArg) } });
  await handle.result({ initialIntervalMs: 50, maxIntervalMs: 200 });
  const wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  const snapshot = meter.snapshot();
  const cache = worker.stats.cache;
  await worker.shutdown();
  await running;

  if (!handle.runId) throw new Error(`StartWorkflowExecution of ${workflowId} returned no runId`);
  return {
    firstRunId: handle.runId,
    wallMs,
    cpuUserMs: cpu.user / 1_000,
    cpuSystemMs: cpu.system / 1_000,
    apiCalls: snapshot.totalCalls,
    callsByOperation: Object.fromEntries(Object.entries(snapshot.operations).map(([name, stats]) => [name, stats.calls])),
    decisionTaskEvents: snapshot.decisionTaskEvents,
    decisionTaskPages: snapshot.decisionTaskPages,
    decisionTasks,
    cache,
    cacheHitEvents,
    fullReplays,
    missReasons,
  };
});
