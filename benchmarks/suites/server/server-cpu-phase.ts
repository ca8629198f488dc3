/**
 * Server CPU per one-activity workflow: the server in a process of its own, on a MemoryStore and on
 * a SQLite file, each holding a small and a large number of closed runs first; its process CPU time
 * (user + system) over the workflows a concurrent run of raw SDK loops completed. Only without
 * `--endpoint` (another server's CPU cannot be read from here).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcessOptions } from '../../harness/server-process.js';
import { round } from '../../harness/stats.js';
import type { SuiteReport } from '../../harness/suite.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { CALLS_PER_WORKFLOW, registerServerBenchTypes } from './one-activity-protocol.js';
import { runConcurrent } from './workflow-drivers.js';

/** Server CPU per workflow goals, by store. */
const CPU_TARGET_MS = { memory: 1.0, sqlite: 2.0 } as const;
/** CPU per workflow with the large store over the small one. */
const GROWTH_TARGET = 1.25;
const SHAPE = { starters: 8, deciders: 8, activityWorkers: 8 } as const;

export interface ServerCpuSizes {
  /** Closed runs in the store before measuring: small, large. */
  readonly storeRuns: readonly [number, number];
  readonly warmUp: number;
  readonly workflows: number;
}

type StoreKind = keyof typeof CPU_TARGET_MS;

async function measureOne(kind: StoreKind, storeRuns: number, sizes: ServerCpuSizes, run: string, folder: string): Promise<{ cpuMsPerWorkflow: number; refused: number }> {
  const store: ServerProcessOptions['store'] = kind === 'memory' ? { kind } : { kind, path: join(folder, `store-${storeRuns}.db`) };
  const server = await startServerProcess({ store, seedRuns: storeRuns });
  // runConcurrent attaches a delivery ledger to its client: one client per run.
  const setup = localSwfClient(server.endpoint);
  const warmUp = localSwfClient(server.endpoint);
  const client = localSwfClient(server.endpoint);
  try {
    const lists = { taskList: `cpu-${run}-${kind}-${storeRuns}`, activityTaskList: `cpu-${run}-${kind}-${storeRuns}-activities` };
    await registerServerBenchTypes(setup, lists.taskList, lists.activityTaskList);
    await runConcurrent(warmUp, { workflows: sizes.warmUp, ...SHAPE, ...lists, idPrefix: `cpu-warm-${run}` });
    await server.takeCpuMs();
    const outcome = await runConcurrent(client, { workflows: sizes.workflows, ...SHAPE, ...lists, idPrefix: `cpu-${run}` });
    const cpuMs = await server.takeCpuMs();
    if (outcome.completed !== sizes.workflows) throw new Error(`server CPU phase: ${outcome.completed} of ${sizes.workflows} workflows completed`);
    return { cpuMsPerWorkflow: cpuMs / outcome.completed, refused: outcome.refusedDecisions };
  } finally {
    for (const each of [setup, warmUp, client]) each.destroy();
    await server.close();
  }
}

export async function measureServerCpu(report: SuiteReport, run: string, sizes: ServerCpuSizes, quick: boolean): Promise<void> {
  report.note(
    `Server CPU per workflow: the server alone in a child process, MemoryStore or a SQLite file, holding ${sizes.storeRuns.join(' or ')} closed runs (seeded from one terminated run); ${sizes.warmUp} warm-up workflows, then ${sizes.workflows} with 8 starter, 8 decider and 8 activity raw SDK loops; process CPU (user + system) over completed workflows.`,
  );
  const folder = await mkdtemp(join(tmpdir(), 'swirl-bench-server-cpu-'));
  try {
    for (const kind of Object.keys(CPU_TARGET_MS) as StoreKind[]) {
      const perWorkflow: number[] = [];
      for (const storeRuns of sizes.storeRuns) {
        const { cpuMsPerWorkflow, refused } = await measureOne(kind, storeRuns, sizes, run, folder);
        perWorkflow.push(cpuMsPerWorkflow);
        const labels = { store: kind, 'runs in store': storeRuns, workflows: sizes.workflows };
        report.measure('server process CPU per one-activity workflow', round(cpuMsPerWorkflow), 'ms', labels);
        report.measure('server process CPU per call', round((cpuMsPerWorkflow * 1_000) / CALLS_PER_WORKFLOW), 'us', labels);
        report.measure('ScheduleActivityTask decisions refused (rate limit) and retried', refused, 'decisions', labels);
      }
      const [small, large] = perWorkflow as [number, number];
      const growth = large / small;
      report.measure(`server CPU per workflow growth: ${sizes.storeRuns[1]} runs in store / ${sizes.storeRuns[0]}`, round(growth), 'ratio', { store: kind });
      if (quick) continue;
      report.target({ name: `server CPU per one-activity workflow, ${kind} store`, target: `< ${CPU_TARGET_MS[kind]} ms`, actual: round(Math.max(small, large)), unit: 'ms', met: Math.max(small, large) < CPU_TARGET_MS[kind] });
      report.target({ name: `server CPU per workflow does not grow with runs in the store (${kind}, ${sizes.storeRuns.join(' -> ')})`, target: `<= ${GROWTH_TARGET}`, actual: round(growth), unit: 'ratio', met: growth <= GROWTH_TARGET });
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
