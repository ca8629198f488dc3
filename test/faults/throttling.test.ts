/**
 * Issue 13, part 4: with the server answering 20% of calls with ThrottlingException and 5% with
 * HTTP 503, every workflow on four worker processes completes, the workers back off (the SDK's
 * retries and the Workers' own, counted and printed), and no task is dropped or delivered twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { STICKY_FALLBACK, auditHistories, lostTaskTrouble, crossProcessDuplicates, driverClient, startExecutions, waitForAllClosed } from './load-support/load-driver.js';
import { sumCounts } from './load-support/retry-meter.js';
import { startServerProcess, type ServerProcess } from './load-support/server-process.js';
import { startWorkerProcesses, type WorkerProcess } from './load-support/worker-process.js';
import { Errand } from './load-support/workflows.js';
import { faultSize, faultTimeout } from './profile.js';

const DOMAIN = 'faults-throttling';
const WORKFLOWS = faultSize(100, 500);
const STEPS = 2;
const WORKER_PROCESSES = 4;
const CLOSE_WITHIN_MS = faultSize(180_000, 600_000);

describe('throttling and 503s from the server', () => {
  let server: ServerProcess | undefined;
  let workers: WorkerProcess[] = [];
  afterEach(async () => {
    for (const worker of workers) worker.kill();
    workers = [];
    await server?.close();
  });

  it(
    `completes ${WORKFLOWS} workflows on ${WORKER_PROCESSES} workers with 20% of calls throttled and 5% answered 503, backing off and dropping no task`,
    async () => {
      server = await startServerProcess({ faultInjection: { throttleRate: 0.2, unavailableRate: 0.05, seed: 13 } });
      // Every failed poll logs; the counters below are the record, so the workers stay quiet.
      workers = await startWorkerProcesses(WORKER_PROCESSES, { endpoint: server.endpoint, domain: DOMAIN, workers: 1, logLevel: 'silent' });
      // The test's own calls cross the same faults; it retries more than a worker's default client so only the workers are under test.
      const client = driverClient(server.endpoint, 12);
      const since = new Date(Date.now() - 60_000);
      const executions = await startExecutions(client, DOMAIN, Errand, { prefix: 'errand', count: WORKFLOWS, input: STEPS });

      const closed = await waitForAllClosed(client, DOMAIN, executions, since, CLOSE_WITHIN_MS);
      const reports = await Promise.all(workers.map((worker) => worker.stop()));
      const audit = await auditHistories(client, DOMAIN, executions);
      client.destroy();

      const counters = reports.map((report) => report.counters);
      const sdkRetries = sumCounts(counters.map((each) => each.retries.sdkRetries));
      const failedCalls = sumCounts(counters.map((each) => each.retries.failedCalls));
      const total = (pick: (each: (typeof counters)[number]) => number) => counters.reduce((sum, each) => sum + pick(each), 0);
      console.log(
        [
          `throttling: ${WORKFLOWS} workflows on ${WORKER_PROCESSES} workers, 20% ThrottlingException + 5% HTTP 503`,
          `  SDK retries inside calls, by operation: ${JSON.stringify(sdkRetries)}`,
          `  calls failed after the SDK's retries, by operation: ${JSON.stringify(failedCalls)}`,
          `  Worker backoffs: ${total((each) => each.pollFailed)} failed polls, ${total((each) => each.respondRetried)} answers sent again`,
          `  tasks: ${total((each) => each.taskStarted)} started, ${total((each) => each.taskAnswered)} answered, ${total((each) => each.respondDropped)} dropped`,
          `  sticky decision tasks moved to the shared list after their 5 s schedule-to-start timeout: ${audit.trouble[STICKY_FALLBACK] ?? 0}`,
        ].join('\n'),
      );

      expect([...closed.values()].filter((status) => status !== 'COMPLETED')).toEqual([]);
      expect(audit.notCompleted).toEqual([]);
      // A dropped task would come back only through a timeout.
      expect(lostTaskTrouble(audit), audit.troubledRuns.join('\n')).toEqual({});
      expect(audit.activitiesScheduled).toBe(WORKFLOWS * STEPS);
      expect(audit.activitiesCompleted).toBe(WORKFLOWS * STEPS);
      expect(total((each) => each.respondDropped)).toBe(0);
      expect(counters.flatMap((each) => each.failures)).toEqual([]);
      expect(total((each) => each.duplicates)).toBe(0);
      expect(crossProcessDuplicates(reports.map((report) => report.delivered))).toEqual([]);
      expect(total((each) => each.taskAnswered)).toBe(total((each) => each.taskStarted));
      // The faults were really there and the clients backed off through them.
      expect(Object.values(sdkRetries).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    },
    faultTimeout(CLOSE_WITHIN_MS, 90_000),
  );
});
