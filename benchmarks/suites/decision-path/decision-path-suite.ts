/**
 * Suite 2, decision path: one ActivityChain of 5,000 sequential activities on the in-process server,
 * decided by a real Worker over HTTP, once with the sticky cache and once without. Measures the
 * decider's API calls, history events transferred to it and its CPU; the histories must be identical.
 */
import { fileURLToPath } from 'node:url';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { WorkflowClient } from '@swirl/client';
import { startServer } from '@swirl/server';
import { Worker } from '@swirl/worker';
import { pino } from 'pino';
import { runInChild } from '../../harness/child-process.js';
import { SdkMeter } from '../../harness/sdk-meter.js';
import { round } from '../../harness/stats.js';
import { SuiteReport, type Suite } from '../../harness/suite.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { BENCH_ACTIVITY_TASK_LIST, BENCH_DOMAIN, BENCH_TASK_LIST, NoopActivities } from '../../workloads/sequential-activities.js';
import type { DeciderChildResult } from './decider-child.js';
import { firstDifference, projectHistory, type ProjectedEvent } from './history-projection.js';

const DECIDER = fileURLToPath(new URL('./decider-child.ts', import.meta.url));
const TRANSFER_REDUCTION_TARGET = 100;
const STICKY_CACHE_SIZE = 100;
/** A smaller first sticky page than the worker's default (25): a sequential step adds only 6 events. */
const SMALL_STICKY_FIRST_PAGE = 10;
const CACHE_ON = 'sticky cache on (worker defaults: first sticky page 25 events)';
const CACHE_ON_SMALL_PAGE = `sticky cache on, stickyFirstPageSize ${SMALL_STICKY_FIRST_PAGE}`;
const CACHE_OFF = 'sticky cache off';
/** `firstPage` 0 keeps the worker's default. */
const MODES = [
  { mode: CACHE_ON, cacheSize: STICKY_CACHE_SIZE, firstPage: 0 },
  { mode: CACHE_ON_SMALL_PAGE, cacheSize: STICKY_CACHE_SIZE, firstPage: SMALL_STICKY_FIRST_PAGE },
  { mode: CACHE_OFF, cacheSize: 0, firstPage: 0 },
] as const;

async function fetchChain(client: WorkflowClient, workflowId: string, firstRunId: string): Promise<{ runs: number; events: HistoryEvent[] }> {
  const events: HistoryEvent[] = [];
  let runs = 0;
  for (let runId: string | undefined = firstRunId; runId; runs += 1) {
    const history = await client.getHandle(workflowId, runId).fetchHistory({ decodePayloads: false });
    events.push(...history);
    runId = history.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return { runs, events };
}

export const decisionPathSuite: Suite = async ({ quick }) => {
  const report = new SuiteReport();
  const activities = quick ? 30 : 5_000;
  const perRun = quick ? 10 : 1_000;
  report.note(
    `Workload: ActivityChain of ${activities} sequential do-nothing activities, ${perRun} per run joined by continue-as-new ` +
      `(${activities / perRun} runs): 5,000 sequential activities (30,000 events) cannot fit one SWF history (25,000 events).`,
  );
  report.note('The decider runs in a child process (its CPU is its own); the activity worker and the server share the parent process.');
  report.note("The server's ScheduleActivityTask rate bucket (SWF: 1,000 burst, 200/s) is off: with the sticky cache one chain schedules faster than that.");

  // Short empty polls so that shutting a worker down does not wait out SWF's 60 s long poll. The
  // cached decider schedules more than SWF's 200 activities/s account rate: this suite measures
  // transfer and CPU, so that bucket is off here (ACTIVITY_CREATION_RATE_EXCEEDED would fail the chain).
  const server = await startServer({ port: 0, longPollTimeoutMs: 1_000, decisionRateLimits: { scheduleActivityTask: 'unlimited' } });
  const activityMeter = new SdkMeter({ keepDurations: false });
  const activityWorker = await Worker.create({
    client: activityMeter.attach(localSwfClient(server.endpoint)),
    domain: BENCH_DOMAIN,
    taskList: BENCH_TASK_LIST,
    activityTaskList: BENCH_ACTIVITY_TASK_LIST,
    activities: [new NoopActivities()],
    logger: pino({ level: 'warn' }),
    handleSignals: false,
  });
  const registered = new Promise<void>((resolve) => activityWorker.events.once('pollStarted', () => resolve()));
  const activityWorkerRun = activityWorker.run();
  await registered;
  const client = new WorkflowClient({ client: localSwfClient(server.endpoint), domain: BENCH_DOMAIN });

  try {
    const histories: Record<string, ProjectedEvent[]> = {};
    const transferred: Record<string, number> = {};
    for (const { mode, cacheSize, firstPage } of MODES) {
      activityMeter.reset();
      const workflowId = `decision-path-${cacheSize}-${firstPage}`;
      const args = [server.endpoint, workflowId, String(activities), String(perRun), String(cacheSize), String(firstPage)];
      const result = await runInChild<DeciderChildResult>(DECIDER, args, {
        timeoutMs: 60 * 60_000,
      });
      const chain = await fetchChain(client, workflowId, result.firstRunId);
      histories[mode] = projectHistory(chain.events);
      transferred[mode] = result.decisionTaskEvents;
      const labels = { mode };
      report.measure('history events recorded (all runs)', chain.events.length, 'events', { ...labels, runs: chain.runs });
      report.measure('decision tasks decided', result.decisionTasks, 'tasks', labels);
      report.measure('history events transferred to the decider', result.decisionTaskEvents, 'events', labels);
      report.measure('PollForDecisionTask pages', result.decisionTaskPages, 'pages', labels);
      report.measure('decider API calls', result.apiCalls, 'calls', labels);
      for (const [operation, calls] of Object.entries(result.callsByOperation)) report.measure(`decider ${operation} calls`, calls, 'calls', labels);
      const activitySnapshot = activityMeter.snapshot();
      report.measure('activity worker API calls', activitySnapshot.totalCalls, 'calls', labels);
      report.measure('total API calls (decider + activity worker)', result.apiCalls + activitySnapshot.totalCalls, 'calls', labels);
      report.measure('decider CPU (user + system)', round(result.cpuUserMs + result.cpuSystemMs), 'ms', labels);
      report.measure('decider CPU per decision task', round((result.cpuUserMs + result.cpuSystemMs) / Math.max(1, result.decisionTasks)), 'ms', labels);
      report.measure('wall time', round(result.wallMs), 'ms', labels);
      report.measure('sticky cache hits', result.cache.hits, 'tasks', labels);
      report.measure('full replays (cache misses)', result.fullReplays, 'tasks', labels);
      for (const [reason, count] of Object.entries(result.missReasons)) report.measure(`cache misses: ${reason}`, count, 'tasks', labels);
    }
    const off = transferred[CACHE_OFF]!;
    for (const mode of [CACHE_ON, CACHE_ON_SMALL_PAGE]) {
      const reduction = off / Math.max(1, transferred[mode]!);
      report.measure('events transferred, cache off / cache on', round(reduction), 'ratio', { mode });
      report.target({ name: `fewer history events transferred with the sticky cache (${mode})`, target: `>= ${TRANSFER_REDUCTION_TARGET}x`, actual: round(reduction), unit: 'x', met: reduction >= TRANSFER_REDUCTION_TARGET });
      const difference = firstDifference(histories[mode]!, histories[CACHE_OFF]!);
      if (difference) report.note(`Histories differ between ${mode} and ${CACHE_OFF} at ${difference}`);
      report.target({ name: `identical histories, ${mode} vs cache off`, target: 'identical', actual: difference ? 0 : 1, unit: difference ? '(differ)' : '(identical)', met: !difference });
    }
  } finally {
    await activityWorker.shutdown();
    await activityWorkerRun;
    client.swf.destroy();
    await server.close();
  }
  return report.result();
};
