/**
 * Server RSS with N open executions: `server-memory-child.ts <executions>`. Starts an in-process
 * server (MemoryStore) and opens N executions through its engine (no client in this process), each
 * with its first decision task scheduled; collects garbage and reads RSS.
 */
import { startServer } from '@swirl/server';
import { answerParent } from '../../harness/child-process.js';
import type { MemoryChildResult } from './worker-memory-child.js';

const DOMAIN = 'swirl-bench-memory';

answerParent(async (): Promise<MemoryChildResult> => {
  const executions = Number(process.argv[2]);
  if (!(executions > 0)) throw new Error('usage: server-memory-child.ts <executions>');
  if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');
  const server = await startServer({ port: 0 });
  const context = { region: 'us-east-1', requestId: 'bench' };
  const engine = server.engine;
  globalThis.gc();
  const baselineRssBytes = process.memoryUsage().rss;
  await engine.execute('RegisterDomain', { name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' }, context);
  await engine.execute(
    'RegisterWorkflowType',
    { domain: DOMAIN, name: 'Open', version: '1', defaultTaskList: { name: 'open' }, defaultChildPolicy: 'TERMINATE', defaultExecutionStartToCloseTimeout: '86400', defaultTaskStartToCloseTimeout: '60' },
    context,
  );
  for (let index = 0; index < executions; index += 1) {
    await engine.execute('StartWorkflowExecution', { domain: DOMAIN, workflowId: `open-${index}`, workflowType: { name: 'Open', version: '1' }, input: `"${index}"` }, context);
  }
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  const counted = (await engine.execute('CountOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: 0 } }, context)) as { count: number };
  await server.close();
  return { baselineRssBytes, rssBytes: rss, heapUsedBytes: heapUsed, held: counted.count };
});
