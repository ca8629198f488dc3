/**
 * `swirl server --db FILE` is killed (SIGKILL) at random moments while 50 workflows with
 * activities, signals, timers, children and a timeout run on two worker processes, and restarted
 * on the same file each time. The store's promise (server README, "Durable store and restarts"):
 * WAL with synchronous = NORMAL, one transaction per step answered after its commit, so a process
 * crash loses nothing that was answered. The test holds it to that: it reads every history back
 * only after one more kill and restart (nothing can come from the old process's memory), and
 * checks that each answered start, signal and task answer is in it, that event ids have no gap
 * or repeat, that every timer and timeout armed before a crash fired, and that no task was
 * delivered twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CountPendingActivityTasksCommand,
  DescribeWorkflowExecutionCommand,
  ListClosedWorkflowExecutionsCommand,
  ListOpenWorkflowExecutionsCommand,
  SignalWorkflowExecutionCommand,
  StartWorkflowExecutionCommand,
  SWFClient,
  type HistoryEvent,
} from '@aws-sdk/client-swf';
import { afterEach, describe, expect, it } from 'vitest';
import { history, outcome } from '../../packages/worker/test/e2e/harness.js';
import { faultSize, faultTimeout } from './profile.js';
import { eventIdProblems } from './support/histories.js';
import { freePort, startServerProcess, type ServerProcess } from './support/server-process.js';
import { untilAnswered } from './support/through-crashes.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';
import { type CrashCourseResult, UNPOLLED_TASK_LIST } from './support/workflows.js';

const WORKFLOWS = faultSize(50, 200);
const KILLS = faultSize(10, 30);
const DOMAIN = 'faults-server-crash';

interface Run {
  readonly workflowId: string;
  readonly runId: string;
}

/** Whether, right now, some run has a timer running and some activity waits out its schedule-to-start timeout. */
async function armedDeadlines(swf: SWFClient, runs: Iterable<Run>): Promise<{ timer: boolean; timeout: boolean }> {
  const pending = await untilAnswered(() => swf.send(new CountPendingActivityTasksCommand({ domain: DOMAIN, taskList: { name: UNPOLLED_TASK_LIST } })));
  let timer = false;
  for (const run of runs) {
    const described = await untilAnswered(() => swf.send(new DescribeWorkflowExecutionCommand({ domain: DOMAIN, execution: run })));
    if ((described.openCounts?.openTimers ?? 0) > 0) {
      timer = true;
      break;
    }
  }
  return { timer, timeout: (pending.count ?? 0) > 0 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.random() * (high - low);

describe('the server killed and restarted on its SQLite file', () => {
  let server: ServerProcess | undefined;
  const workers: WorkerProcess[] = [];
  let directory: string | undefined;
  let client: SWFClient | undefined;

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.kill();
    await server?.kill();
    client?.destroy();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it(
    `${WORKFLOWS} runs through ${KILLS} kills: all complete, nothing answered is lost, no event id missing or repeated, every deadline fires, no task delivered twice`,
    async () => {
      directory = await mkdtemp(join(tmpdir(), 'swirl-server-crash-'));
      const dbPath = join(directory, 'swirl.db');
      const port = await freePort();
      server = await startServerProcess({ dbPath, port });
      const endpoint = server.endpoint;
      // One try per call: untilAnswered decides what is tried again, so every try is counted.
      client = new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
      const swf = client;
      const config = { endpoint, domain: DOMAIN, logLevel: 'fatal' } as const;
      workers.push(...(await Promise.all([startWorkerProcess({ ...config, identity: 'worker-a' }), startWorkerProcess({ ...config, identity: 'worker-b' })])));

      const runs = new Map<string, Run>();
      const signalsSent = new Map<string, { tries: number; answered: number }>();
      const start = async (workflowId: string, index: number): Promise<void> => {
        const runId = await untilAnswered(async () => {
          try {
            const started = await swf.send(
              new StartWorkflowExecutionCommand({ domain: DOMAIN, workflowId, workflowType: { name: 'CrashCourse', version: '1' }, input: JSON.stringify(index) }),
            );
            return started.runId!;
          } catch (error) {
            // A start committed by a server killed before it answered: the retry finds the run.
            if ((error as Error).name !== 'WorkflowExecutionAlreadyStartedFault') throw error;
            const filter = { domain: DOMAIN, startTimeFilter: { oldestDate: new Date(0) }, executionFilter: { workflowId } };
            const open = await swf.send(new ListOpenWorkflowExecutionsCommand(filter));
            const closed = open.executionInfos?.length ? open : await swf.send(new ListClosedWorkflowExecutionsCommand(filter));
            return closed.executionInfos![0]!.execution!.runId!;
          }
        });
        runs.set(workflowId, { workflowId, runId });
      };
      const signal = async (workflowId: string, index: number): Promise<void> => {
        const count = { tries: 0, answered: 0 };
        signalsSent.set(workflowId, count);
        const run = runs.get(workflowId)!;
        await untilAnswered(
          () => swf.send(new SignalWorkflowExecutionCommand({ domain: DOMAIN, workflowId, runId: run.runId, signalName: 'go', input: JSON.stringify(`go ${index}`) })),
          60_000,
          () => (count.tries += 1),
        );
        count.answered += 1;
      };

      // Kills at random moments. Runs start in waves over the first KILLS kills, each signalled a moment
      // after its start. The kills go on (up to 3 * KILLS) until one came while a timer was running and
      // one while an activity timeout was armed, which the histories must then show fired after it.
      const armedAtKill = { timer: false, timeout: false };
      const killedAt: number[] = [];
      const driving: Array<Promise<void>> = [];
      const perWave = Math.ceil(WORKFLOWS / KILLS);
      for (let kill = 0; kill < KILLS || !(armedAtKill.timer && armedAtKill.timeout); kill += 1) {
        if (kill === 3 * KILLS) throw new Error(`no kill in ${kill} came while a timer and an activity timeout were armed`);
        for (let index = kill * perWave; index < Math.min(WORKFLOWS, (kill + 1) * perWave); index += 1) {
          const workflowId = `crash-${index}`;
          driving.push(start(workflowId, index).then(() => sleep(between(200, 3_000)).then(() => signal(workflowId, index))));
        }
        await sleep(between(300, 1_800));
        const armed = await armedDeadlines(swf, runs.values());
        await server.kill();
        killedAt.push(Date.now());
        armedAtKill.timer ||= armed.timer;
        armedAtKill.timeout ||= armed.timeout;
        server = await startServerProcess({ dbPath, port });
      }
      await Promise.all(driving);

      // Every run (and its child) closes.
      const waitForClose = async (run: Run): Promise<void> => {
        const deadline = Date.now() + 120_000;
        for (;;) {
          const described = await untilAnswered(() => swf.send(new DescribeWorkflowExecutionCommand({ domain: DOMAIN, execution: run })));
          if (described.executionInfo?.executionStatus === 'CLOSED') return;
          if (Date.now() > deadline) {
            const events = await history(swf, DOMAIN, run);
            throw new Error(`${run.workflowId} still open after 120 s: ${events.map((event) => event.eventType).join(', ')}`);
          }
          await sleep(250);
        }
      };
      for (const run of runs.values()) await waitForClose(run);
      const answered = (await Promise.all(workers.map((worker) => worker.stop()))).flat();
      const deliveries = workers.flatMap((worker) => worker.deliveries());
      workers.splice(0);

      // One more crash before anything is read: what follows comes from the file, not the old process's memory.
      await server.kill();
      server = await startServerProcess({ dbPath, port });

      const histories = new Map<string, HistoryEvent[]>();
      const byRunId = new Map<string, HistoryEvent[]>();
      for (const run of runs.values()) {
        const events = await history(swf, DOMAIN, run);
        histories.set(run.workflowId, events);
        byRunId.set(run.runId, events);
        const child = events.find((event) => event.eventType === 'ChildWorkflowExecutionStarted')?.childWorkflowExecutionStartedEventAttributes?.workflowExecution;
        if (child) {
          const childEvents = await history(swf, DOMAIN, { workflowId: child.workflowId!, runId: child.runId! });
          histories.set(child.workflowId!, childEvents);
          byRunId.set(child.runId!, childEvents);
        }
      }
      expect(runs.size).toBe(WORKFLOWS);
      expect(histories.size).toBe(2 * WORKFLOWS);

      let timersAcrossCrash = 0;
      let timeoutsAcrossCrash = 0;
      const spansCrash = (from: Date | undefined, to: Date | undefined) => killedAt.some((at) => from!.getTime() < at && at < to!.getTime());
      for (const [workflowId, events] of histories) {
        expect(eventIdProblems(events), workflowId).toEqual([]);
        expect(events.at(-1)?.eventType, workflowId).toBe('WorkflowExecutionCompleted');
        // Every timer fired...
        for (const started of events.filter((event) => event.eventType === 'TimerStarted')) {
          const fired = events.find((event) => event.timerFiredEventAttributes?.startedEventId === started.eventId);
          expect(fired, `${workflowId} timer started at event ${started.eventId}`).toBeDefined();
          if (spansCrash(started.eventTimestamp, fired!.eventTimestamp)) timersAcrossCrash += 1;
        }
        // ...and so did the timeout of the activity nobody polls for.
        for (const scheduled of events.filter((event) => event.activityTaskScheduledEventAttributes?.taskList?.name === UNPOLLED_TASK_LIST)) {
          const timedOut = events.find((event) => event.activityTaskTimedOutEventAttributes?.scheduledEventId === scheduled.eventId);
          expect(timedOut?.activityTaskTimedOutEventAttributes?.timeoutType, `${workflowId} activity scheduled at event ${scheduled.eventId}`).toBe('SCHEDULE_TO_START');
          if (spansCrash(scheduled.eventTimestamp, timedOut!.eventTimestamp)) timeoutsAcrossCrash += 1;

        }
      }
      for (const [workflowId, run] of runs) {
        const events = histories.get(workflowId)!;
        const index = Number(workflowId.split('-')[1]);
        expect(outcome(events), workflowId).toEqual({
          first: `did first ${index}`,
          signal: `go ${index}`,
          child: `did child ${index}`,
          timeout: 'timed out SCHEDULE_TO_START',
        } satisfies CrashCourseResult);
        // An answered signal is in the history; a try the server died before answering may be too.
        const signaled = events.filter((event) => event.eventType === 'WorkflowExecutionSignaled').length;
        const sent = signalsSent.get(workflowId)!;
        expect(signaled, `${workflowId} (run ${run.runId})`).toBeGreaterThanOrEqual(sent.answered);
        expect(signaled, `${workflowId} (run ${run.runId})`).toBeLessThanOrEqual(sent.tries);
      }
      // Kills came while timers ran and activity timeouts were armed, and those fired after the restart.
      expect(timersAcrossCrash).toBeGreaterThan(0);
      expect(timeoutsAcrossCrash).toBeGreaterThan(0);

      // No task was delivered twice, before or after any restart, to one worker or across the two.
      expect(deliveries.length - new Set(deliveries).size).toBe(0);
      // Every task answer the server accepted is in its run's history.
      for (const key of answered) {
        const [kind, runId, ...rest] = key.split(' ');
        const startedEventId = Number(rest.at(-1));
        const events = byRunId.get(runId!) ?? [];
        const closing = events.find((event) =>
          kind === 'decision'
            ? event.decisionTaskCompletedEventAttributes?.startedEventId === startedEventId
            : event.activityTaskCompletedEventAttributes?.startedEventId === startedEventId,
        );
        expect(closing, `answered ${key}`).toBeDefined();
      }
      console.log(
        `server-crash: ${WORKFLOWS} runs and their children through ${killedAt.length} kills (+1 before reading); ${deliveries.length} deliveries, none twice; ` +
          `${answered.length} answers, all in the histories; ${timersAcrossCrash} timers and ${timeoutsAcrossCrash} timeouts armed before a crash fired after it`,
      );
    },
    faultTimeout(faultSize(270_000, 1_200_000)),
  );
});
