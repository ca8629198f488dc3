/**
 * Suite 4, memory: worker RSS with 1,000 runs in its sticky cache, and server RSS with 10,000 open
 * executions, each measured after a full GC in a process of its own.
 */
import { fileURLToPath } from 'node:url';
import { startServer } from '@swirl/server';
import { runInChild } from '../../harness/child-process.js';
import { MB, round } from '../../harness/stats.js';
import { SuiteReport, type Suite } from '../../harness/suite.js';
import type { MemoryChildResult } from './worker-memory-child.js';

const WORKER_CHILD = fileURLToPath(new URL('./worker-memory-child.ts', import.meta.url));
const SERVER_CHILD = fileURLToPath(new URL('./server-memory-child.ts', import.meta.url));
const WORKER_TARGET_MB = 200;
const SERVER_TARGET_MB = 500;

function record(report: SuiteReport, what: string, result: MemoryChildResult): number {
  const labels = { [what]: result.held };
  report.measure('RSS', round(result.rssBytes / MB), 'MB', labels);
  report.measure('heap used', round(result.heapUsedBytes / MB), 'MB', labels);
  report.measure('RSS before (process baseline)', round(result.baselineRssBytes / MB), 'MB', labels);
  report.measure('RSS growth per item', round((result.rssBytes - result.baselineRssBytes) / result.held / 1024), 'KB', labels);
  return result.rssBytes / MB;
}

export const memorySuite: Suite = async ({ quick }) => {
  const report = new SuiteReport();
  const cachedRuns = quick ? 50 : 1_000;
  const openExecutions = quick ? 500 : 10_000;
  report.note('RSS includes the Node.js + tsx baseline of the process (shown as "RSS before").');

  const server = await startServer({ port: 0 });
  let workerResult: MemoryChildResult;
  try {
    workerResult = await runInChild<MemoryChildResult>(WORKER_CHILD, [server.endpoint, String(cachedRuns)], { nodeFlags: ['--expose-gc'] });
  } finally {
    await server.close();
  }
  const workerMb = record(report, 'worker cached runs', workerResult);
  const serverMb = record(report, 'server open executions', await runInChild<MemoryChildResult>(SERVER_CHILD, [String(openExecutions)], { nodeFlags: ['--expose-gc'] }));
  report.target({ name: `worker RSS with ${cachedRuns} cached runs`, target: `< ${WORKER_TARGET_MB} MB`, actual: round(workerMb), unit: 'MB', met: workerMb < WORKER_TARGET_MB });
  report.target({ name: `server RSS with ${openExecutions} open executions`, target: `< ${SERVER_TARGET_MB} MB`, actual: round(serverMb), unit: 'MB', met: serverMb < SERVER_TARGET_MB });
  return report.result();
};
