/**
 * Worker RSS with N runs in its sticky cache: `worker-memory-child.ts <endpoint> <runs>`. Starts N
 * HeldOpen runs, waits until the worker has decided and cached every one, collects garbage, reads RSS.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowClient } from '@swirl/client';
import { Worker } from '@swirl/worker';
import { pino } from 'pino';
import { answerParent } from '../../harness/child-process.js';
import { localSwfClient } from '../../harness/swf-client.js';
import { BENCH_DOMAIN, BENCH_TASK_LIST, HeldOpen } from '../../workloads/sequential-activities.js';

export interface MemoryChildResult {
  readonly baselineRssBytes: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  readonly held: number;
}

function collectGarbage(): void {
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc so memory is measured after a full collection');
  globalThis.gc();
}

answerParent(async (): Promise<MemoryChildResult> => {
  const [endpoint, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg);
  if (!endpoint || !(runs > 0)) throw new Error('usage: worker-memory-child.ts <endpoint> <runs>');
  const worker = await Worker.create({
    client: localSwfClient(endpoint, { maxAttempts: 3 }),
    domain: BENCH_DOMAIN,
    taskList: BENCH_TASK_LIST,
    workflows: [HeldOpen],
    stickyCacheSize: runs,
    maxConcurrentDecisionTasks: 10,
    logger: pino({ level: 'warn' }),
    handleSignals: false,
  });
  const polling = new Promise<void>((resolve) => worker.events.once('pollStarted', () => resolve()));
  const running = worker.run();
  await polling;
  collectGarbage();
  const baselineRssBytes = process.memoryUsage().rss;

  const client = new WorkflowClient({ client: localSwfClient(endpoint, { maxAttempts: 3 }), domain: BENCH_DOMAIN });
  for (let index = 0; index < runs; index += 1) await client.start(HeldOpen, { workflowId: `held-${process.pid}-${index}` });
  while (worker.stats.cache.size < runs) await sleep(50);
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  const held = worker.stats.cache.size;
  client.swf.destroy();
  await worker.shutdown();
  await running;
  return { baselineRssBytes, rssBytes: rss, heapUsedBytes: heapUsed, held };
});
