/**
 * Concurrent throughput with 8 starters, 8 deciders and 8 activity workers, twice: as raw SDK loops
 * in this process (the protocol alone), and as real Swirl Workers in two Worker processes (how Swirl
 * is deployed; the target is judged on it). Without `--endpoint` the server runs in a process of its
 * own, so each side has a core as it would in production, and its CPU per workflow is reported.
 */
import { randomUUID } from 'node:crypto';
import { SdkMeter } from '../../harness/sdk-meter.js';
import { startServerProcess, type ServerProcess } from '../../harness/server-process.js';
import { round } from '../../harness/stats.js';
import type { SuiteReport } from '../../harness/suite.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { recordLatencies, recordLatencyStats } from './latencies.js';
import { registerServerBenchTypes } from './one-activity-protocol.js';
import { runSwirlWorkers } from './swirl-workers-driver.js';
import { runConcurrent, type ConcurrentOutcome } from './workflow-drivers.js';

const CONCURRENT_TARGET = 150;
const SHAPE = { starters: 8, deciders: 8, activityWorkers: 8 } as const;

function listsFor(run: string, driver: string) {
  return { taskList: `bench-${run}-${driver}`, activityTaskList: `bench-${run}-${driver}-activities` };
}

function recordOutcome(report: SuiteReport, driver: string, workflows: number, outcome: ConcurrentOutcome, serverCpuMs: number | undefined): number {
  const rate = outcome.completed / (outcome.elapsedMs / 1_000);
  const labels = { driver, workflows, ...SHAPE };
  report.measure('one-activity workflows completed, concurrent', round(rate), 'workflows/s', labels);
  report.measure('tasks delivered twice', outcome.duplicateDeliveries, 'tasks', labels);
  if (serverCpuMs !== undefined) report.measure('server process CPU per workflow', round(serverCpuMs / workflows), 'ms', { driver });
  return rate;
}

export async function measureConcurrent(report: SuiteReport, endpoint: string | undefined, run: string, workflows: number): Promise<void> {
  const server: ServerProcess | undefined = endpoint === undefined ? await startServerProcess() : undefined;
  const target = endpoint ?? server!.endpoint;
  report.note(`Concurrent runs: ${endpoint === undefined ? 'the server in a child process of its own (startServer, MemoryStore)' : endpoint}.`);
  report.note('Concurrent "raw SDK loops": 8 starter, 8 decider and 8 activity loops of raw SDK calls in the benchmark process. "Swirl Workers": 8 decider Workers (workflow classes, 1 poller per list) in one process, 8 activity Workers (1 poller) in another, 8 WorkflowClient starters in the benchmark process.');
  try {
    const rawLists = listsFor(run, 'raw');
    const swirlLists = listsFor(run, 'swirl');
    const setup = localSwfClient(target);
    await registerServerBenchTypes(setup, rawLists.taskList, rawLists.activityTaskList);
    setup.destroy();

    const rawMeter = new SdkMeter();
    const rawClient = rawMeter.attach(localSwfClient(target));
    await server?.takeCpuMs();
    const raw = await runConcurrent(rawClient, { workflows, ...SHAPE, ...rawLists, idPrefix: `raw-${run}` }).finally(() => rawClient.destroy());
    recordOutcome(report, 'raw SDK loops', workflows, raw, await server?.takeCpuMs());
    report.measure('ScheduleActivityTask decisions refused (rate limit) and retried', raw.refusedDecisions, 'decisions', { driver: 'raw SDK loops' });
    recordLatencies(report, rawMeter, 'concurrent, raw SDK loops');

    let serverCpuMs: number | undefined;
    const swirl = await runSwirlWorkers(target, { workflows, ...SHAPE, ...swirlLists, idPrefix: `swirl-${randomUUID().slice(0, 8)}` }, async () => {
      serverCpuMs = await server?.takeCpuMs();
      await server?.close();
    });
    const rate = recordOutcome(report, 'Swirl Workers', workflows, swirl, serverCpuMs);
    report.measure('decider process CPU per workflow', round(swirl.deciderProcessCpuMs / workflows), 'ms', { driver: 'Swirl Workers' });
    report.measure('activity worker process CPU per workflow', round(swirl.activityProcessCpuMs / workflows), 'ms', { driver: 'Swirl Workers' });
    recordLatencyStats(report, swirl.starterLatencies, 'concurrent, Swirl starters (WorkflowClient)');
    recordLatencyStats(report, swirl.deciderLatencies, 'concurrent, Swirl decider Workers');
    recordLatencyStats(report, swirl.activityLatencies, 'concurrent, Swirl activity Workers');
    if (endpoint !== undefined) report.note('Against --endpoint the Swirl Workers stop when their held long polls return (up to 60 s after the run).');
    report.target({ name: 'concurrent throughput, Swirl Workers (8 starters, 8 deciders, 8 activity workers)', target: `>= ${CONCURRENT_TARGET}`, actual: round(rate), unit: 'workflows/s', met: rate >= CONCURRENT_TARGET });
    const duplicates = raw.duplicateDeliveries + swirl.duplicateDeliveries;
    report.target({ name: 'no task delivered twice (both concurrent runs)', target: '0', actual: duplicates, unit: 'tasks', met: duplicates === 0 });
  } finally {
    await server?.close();
  }
}
