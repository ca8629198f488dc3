/**
 * Issue 13, part 5: network trouble between workers and a server process. A poll whose connection
 * is cut never swallows a task; workers whose server disappears for 10 s resume polling when it
 * returns and finish every workflow; `Worker.shutdown()` under load drains the tasks in flight and
 * answers each one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdPoll } from './load-support/held-poll.js';
import {
  STICKY_FALLBACK,
  auditHistories,
  crossProcessDuplicates,
  driverClient,
  lostTaskTrouble,
  startExecutions,
  waitForAllClosed,
  type Execution,
} from './load-support/load-driver.js';
import { startServerProcess, type ServerProcess } from './load-support/server-process.js';
import { startWorkerProcess, startWorkerProcesses, type WorkerProcess } from './load-support/worker-process.js';
import { Errand, LOAD_TASK_LIST } from './load-support/workflows.js';
import { faultSize, faultTimeout } from './profile.js';

const CUT_IDENTITY = 'cut-poll';

describe('network trouble between workers and the server', () => {
  let servers: ServerProcess[] = [];
  let workers: WorkerProcess[] = [];
  let folder: string | undefined;
  afterEach(async () => {
    for (const worker of workers) worker.kill();
    workers = [];
    for (const server of servers) await server.close();
    servers = [];
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    folder = undefined;
  });

  const ROUNDS = faultSize(8, 40);
  const CUT_POLLS = 20;
  const PER_ROUND = 5;
  it(
    `hands no task to a poll whose socket was destroyed: ${ROUNDS} rounds of ${CUT_POLLS} cut polls, each cut as ${PER_ROUND} workflows start`,
    async () => {
      const domain = 'faults-cut-polls';
      const server = await startServerProcess();
      servers.push(server);
      workers = await startWorkerProcesses(2, { endpoint: server.endpoint, domain, workers: 1 });
      const client = driverClient(server.endpoint);
      const since = new Date(Date.now() - 60_000);
      const executions: Execution[] = [];
      const handedToCutPolls: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const polls = Array.from({ length: CUT_POLLS }, (_, index) =>
          holdPoll(server.endpoint, index % 2 === 0 ? 'PollForDecisionTask' : 'PollForActivityTask', { domain, taskList: { name: LOAD_TASK_LIST }, identity: CUT_IDENTITY }),
        );
        // Every cut poll is held by the server (waiting beside the workers' polls) before it is cut.
        await new Promise((resolve) => setTimeout(resolve, 300));
        for (const poll of polls) poll.cut();
        // The same moment: the new runs' decision tasks, then their activity tasks, are scheduled while the cuts arrive.
        const started = await startExecutions(client, domain, Errand, { prefix: `cut-${round}`, count: PER_ROUND, input: 1, concurrency: PER_ROUND });
        executions.push(...started);
        for (const task of await Promise.all(polls.map((poll) => poll.answer))) if (task !== undefined) handedToCutPolls.push(task);
        await waitForAllClosed(client, domain, started, since, 60_000);
      }
      const reports = await Promise.all(workers.map((worker) => worker.stop()));
      const audit = await auditHistories(client, domain, executions);
      client.destroy();
      console.log(`cut polls: ${ROUNDS * CUT_POLLS} polls cut, ${executions.length} workflows; tasks started by identity: ${JSON.stringify(audit.startedBy)}`);

      expect(handedToCutPolls).toEqual([]);
      expect(audit.startedBy[CUT_IDENTITY]).toBeUndefined();
      expect(audit.notCompleted).toEqual([]);
      expect(lostTaskTrouble(audit), audit.troubledRuns.join('\n')).toEqual({});
      expect(crossProcessDuplicates(reports.map((report) => report.delivered))).toEqual([]);
    },
    faultTimeout(ROUNDS * 20_000),
  );

  const OUTAGE_WORKFLOWS = faultSize(40, 200);
  it(
    `finishes all ${OUTAGE_WORKFLOWS} workflows on 4 worker processes when the server disappears for 10 s mid-run and comes back on its SQLite file`,
    async () => {
      const domain = 'faults-outage';
      folder = await mkdtemp(join(tmpdir(), 'swirl-faults-outage-'));
      const databasePath = join(folder, 'swf.db');
      const first = await startServerProcess({ databasePath });
      servers.push(first);
      // Activities of 300 ms keep tasks in flight when the server goes.
      // Every refused poll logs an error; the counters below are the record.
      workers = await startWorkerProcesses(4, { endpoint: first.endpoint, domain, workers: 1, stepDelayMs: 300, logLevel: 'silent' });
      const client = driverClient(first.endpoint, 10);
      const since = new Date(Date.now() - 60_000);
      const executions = await startExecutions(client, domain, Errand, { prefix: 'outage', count: OUTAGE_WORKFLOWS, input: 3 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const before = await Promise.all(workers.map((worker) => worker.counters()));
      await first.close();
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const during = await Promise.all(workers.map((worker) => worker.counters()));
      const second = await startServerProcess({ databasePath, port: first.port });
      servers.push(second);

      await waitForAllClosed(client, domain, executions, since, faultSize(120_000, 600_000));
      const reports = await Promise.all(workers.map((worker) => worker.stop()));
      const audit = await auditHistories(client, domain, executions);
      client.destroy();
      const sum = (counters: ReadonlyArray<{ pollFailed: number; respondRetried: number }>, key: 'pollFailed' | 'respondRetried') =>
        counters.reduce((total, each) => total + each[key], 0);
      const after = reports.map((report) => report.counters);
      console.log(
        [
          `outage: ${OUTAGE_WORKFLOWS} workflows, server gone for 10 s`,
          `  polls failed (each backed off): ${sum(before, 'pollFailed')} before, ${sum(during, 'pollFailed')} by the end of the outage, ${sum(after, 'pollFailed')} in all`,
          `  answers sent again: ${sum(after, 'respondRetried')}; sticky fallbacks: ${audit.trouble[STICKY_FALLBACK] ?? 0}`,
        ].join('\n'),
      );

      expect(sum(during, 'pollFailed')).toBeGreaterThan(sum(before, 'pollFailed'));
      expect(audit.notCompleted).toEqual([]);
      expect(lostTaskTrouble(audit), audit.troubledRuns.join('\n')).toEqual({});
      expect(audit.activitiesCompleted).toBe(OUTAGE_WORKFLOWS * 3);
      expect(after.flatMap((each) => each.failures)).toEqual([]);
      expect(crossProcessDuplicates(reports.map((report) => report.delivered))).toEqual([]);
    },
    faultTimeout(faultSize(180_000, 700_000)),
  );

  const DRAIN_WORKFLOWS = faultSize(20, 100);
  it(
    `Worker.shutdown() under load drains every task in flight and answers it; another worker finishes the other ${DRAIN_WORKFLOWS} workflows' work`,
    async () => {
      const domain = 'faults-drain';
      const server = await startServerProcess();
      servers.push(server);
      // Slow activities: at the shutdown several are running, and every one must still be answered.
      const draining = await startWorkerProcess({ endpoint: server.endpoint, domain, workers: 2, register: true, identity: 'draining', stepDelayMs: 1_500 });
      workers.push(draining);
      const client = driverClient(server.endpoint);
      const since = new Date(Date.now() - 60_000);
      const executions = await startExecutions(client, domain, Errand, { prefix: 'drain', count: DRAIN_WORKFLOWS, input: 2 });
      const deadline = Date.now() + 30_000;
      let inFlight = 0;
      while (inFlight < 4 && Date.now() < deadline) {
        const counters = await draining.counters();
        inFlight = counters.taskStarted - counters.taskAnswered - counters.taskFailed;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const drained = await draining.stop();
      const finisher = await startWorkerProcess({ endpoint: server.endpoint, domain, workers: 1, register: false, identity: 'finisher' });
      workers.push(finisher);
      await waitForAllClosed(client, domain, executions, since, faultSize(120_000, 600_000));
      const finished = await finisher.stop();
      const audit = await auditHistories(client, domain, executions);
      client.destroy();
      console.log(
        `drain: ${inFlight} tasks in flight at shutdown; the draining worker started ${drained.counters.taskStarted} and answered ${drained.counters.taskAnswered}; the finisher answered ${finished.counters.taskAnswered}`,
      );

      expect(inFlight).toBeGreaterThanOrEqual(4);
      expect(drained.counters.taskFailed).toBe(0);
      expect(drained.counters.taskAnswered).toBe(drained.counters.taskStarted);
      // A task the draining worker took and left unanswered would time out on START_TO_CLOSE.
      expect(lostTaskTrouble(audit), audit.troubledRuns.join('\n')).toEqual({});
      expect(audit.notCompleted).toEqual([]);
      expect(crossProcessDuplicates([drained.delivered, finished.delivered])).toEqual([]);
    },
    faultTimeout(faultSize(180_000, 700_000)),
  );
});
