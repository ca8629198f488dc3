/**
 * Issue 13, part 7: a bounded soak. Mixed load (Errands, and Medleys with their child and signal)
 * runs for 5 minutes (`--long`: 30) on a server process with its SQLite store and 8 Workers in 4
 * processes. The RSS of every process is sampled every 10 s; the test fails if any grows without
 * bound, if any workflow is lost, or if any task is delivered twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closedRuns, crossProcessDuplicates, driverClient, signalExecution, startExecution, type Execution } from './load-support/load-driver.js';
import { rssTrend, type RssSample } from './load-support/rss-trend.js';
import { startServerProcess, type ServerProcess } from './load-support/server-process.js';
import { startWorkerProcesses, type WorkerProcess } from './load-support/worker-process.js';
import { Errand, Medley, proceed } from './load-support/workflows.js';
import { faultSize, faultTimeout } from './profile.js';

const DOMAIN = 'faults-soak';
const DURATION_MS = faultSize(5 * 60_000, 30 * 60_000);
const SAMPLE_EVERY_MS = 10_000;
// Modest on purpose: the soak shares 2 CI cores with the rest of the suite. One Errand and one Medley a second.
const START_EVERY_MS = 1_000;
// GC noise on a Node process is a few MB to a few tens; a leak of even 1 KB per workflow adds more than this over the run.
const TOLERANCE_MB = 30;
const TOLERANCE_FRACTION = 0.2;

describe('a bounded soak of mixed load', () => {
  let server: ServerProcess | undefined;
  let workers: WorkerProcess[] = [];
  let folder: string | undefined;
  afterEach(async () => {
    for (const worker of workers) worker.kill();
    workers = [];
    await server?.close();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  it(
    `runs ${DURATION_MS / 60_000} minutes on 8 Workers with no RSS growing without bound, no workflow lost and no task delivered twice`,
    async () => {
      folder = await mkdtemp(join(tmpdir(), 'swirl-faults-soak-'));
      server = await startServerProcess({ databasePath: join(folder, 'swf.db') });
      workers = await startWorkerProcesses(4, { endpoint: server.endpoint, domain: DOMAIN, workers: 2 });
      const client = driverClient(server.endpoint);
      const since = new Date(Date.now() - 60_000);
      const processes = [{ name: 'server', rssMb: () => server!.rssMb() }, ...workers.map((worker, index) => ({ name: `workers-${index}`, rssMb: () => worker.rssMb() }))];
      const samples = new Map<string, RssSample[]>(processes.map((process) => [process.name, []]));
      const startedAt = Date.now();
      const sample = async (): Promise<void> => {
        for (const process of processes) {
          const mb = await process.rssMb();
          if (mb !== undefined) samples.get(process.name)!.push({ atMs: Date.now() - startedAt, mb });
        }
      };
      await sample();
      const sampler = setInterval(() => void sample(), SAMPLE_EVERY_MS);

      const executions: Execution[] = [];
      const signals: Promise<void>[] = [];
      let index = 0;
      try {
        while (Date.now() - startedAt < DURATION_MS) {
          const tick = Date.now();
          executions.push(await startExecution(client, DOMAIN, Errand, `soak-errand-${index}`, 2));
          const medley = await startExecution(client, DOMAIN, Medley, `soak-medley-${index}`);
          executions.push(medley);
          // The signal comes a little later, while the Medley works through its activities and child.
          signals.push(new Promise((resolve) => setTimeout(resolve, 2_000)).then(() => signalExecution(client, DOMAIN, medley, proceed.name, 'the soak')));
          index += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, START_EVERY_MS - (Date.now() - tick))));
        }
        await Promise.all(signals);
      } finally {
        clearInterval(sampler);
      }

      // Every run closes; what is still open after a generous drain time is lost.
      const drainDeadline = Date.now() + 120_000;
      let closed = await closedRuns(client, DOMAIN, since);
      while (executions.some((execution) => !closed.has(execution.runId)) && Date.now() < drainDeadline) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        closed = await closedRuns(client, DOMAIN, since);
      }
      const reports = await Promise.all(workers.map((worker) => worker.stop()));
      client.destroy();

      const trends = [...samples].map(([name, series]) => ({ name, series, trend: rssTrend(series, TOLERANCE_MB, TOLERANCE_FRACTION) }));
      console.log(
        [
          `soak: ${DURATION_MS / 60_000} min, ${executions.length} workflows started (plus ${executions.length / 2} children), ${closed.size} runs closed`,
          ...trends.map(
            ({ name, series, trend }) =>
              `  ${name}: middle third ${trend.middleMb.toFixed(1)} MB, last third ${trend.lastMb.toFixed(1)} MB (allowed +${trend.allowedGrowthMb.toFixed(0)}), slope ${trend.slopeMbPerMinute.toFixed(2)} MB/min; samples ${series.map((each) => each.mb.toFixed(0)).join(' ')}`,
          ),
        ].join('\n'),
      );

      const lost = executions.filter((execution) => !closed.has(execution.runId)).map((execution) => execution.workflowId);
      expect(lost).toEqual([]);
      expect(executions.filter((execution) => closed.get(execution.runId) !== 'COMPLETED').map((execution) => `${execution.workflowId}: ${closed.get(execution.runId)}`)).toEqual([]);
      expect(reports.reduce((sum, report) => sum + report.counters.duplicates, 0)).toBe(0);
      expect(crossProcessDuplicates(reports.map((report) => report.delivered))).toEqual([]);
      expect(reports.flatMap((report) => report.counters.failures)).toEqual([]);
      expect(trends.filter(({ trend }) => trend.grows).map(({ name, trend }) => `${name}: ${trend.middleMb.toFixed(1)} -> ${trend.lastMb.toFixed(1)} MB`)).toEqual([]);
      expect(trends.every(({ series }) => series.length >= DURATION_MS / SAMPLE_EVERY_MS - 2)).toBe(true);
    },
    faultTimeout(DURATION_MS + 180_000),
  );
});
