/**
 * A worker process is killed (SIGKILL) while it runs heartbeating activities. Its activities time
 * out on HEARTBEAT (or START_TO_CLOSE), the workflows' retry policy schedules them again, and the
 * surviving worker process runs them: every workflow completes, no activity result is recorded
 * twice, no task is delivered twice and no decision task is lost.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { afterEach, describe, expect, it } from 'vitest';
import { outcome, startSwf, startWorkflow, waitForClose, type Swf } from '../../packages/worker/test/e2e/harness.js';
import { faultSize, faultTimeout } from './profile.js';
import { eventIdProblems, startedBy } from './support/histories.js';
import { startWorkerProcess, type WorkerProcess } from './support/worker-process.js';
import { HeartbeatJob } from './support/workflows.js';

const WORKFLOWS = faultSize(20, 100);
const WORK_MS = faultSize(4_000, 8_000);
const DOMAIN = 'faults-kill-worker';

/** Each DecisionTaskScheduled of the history, with what became of it: its started and closing event types, and a timeout's type. */
function decisionTaskFates(events: readonly HistoryEvent[]): string[] {
  return events
    .filter((event) => event.eventType === 'DecisionTaskScheduled')
    .map((scheduled) => {
      const started = events.find((event) => event.decisionTaskStartedEventAttributes?.scheduledEventId === scheduled.eventId);
      const closed = events.find(
        (event) =>
          event.decisionTaskCompletedEventAttributes?.scheduledEventId === scheduled.eventId ||
          event.decisionTaskTimedOutEventAttributes?.scheduledEventId === scheduled.eventId,
      );
      const timeoutType = closed?.decisionTaskTimedOutEventAttributes?.timeoutType;
      return `${started?.eventType ?? 'never started'} ${closed?.eventType ?? 'never closed'}${timeoutType ? ` ${timeoutType}` : ''}`;
    });
}

describe('a worker killed mid-activity', () => {
  let swf: Swf | undefined;
  const workers: WorkerProcess[] = [];

  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.kill();
    await swf?.close();
  });

  it(
    `${WORKFLOWS} heartbeating runs on two worker processes, one killed: all complete through retries on the survivor, each activity result recorded once`,
    async () => {
      swf = await startSwf();
      const endpoint = swf.server.endpoint;
      const [doomed, survivor] = await Promise.all([
        startWorkerProcess({ endpoint, domain: DOMAIN, identity: 'doomed' }),
        startWorkerProcess({ endpoint, domain: DOMAIN, identity: 'survivor' }),
      ]);
      workers.push(doomed!, survivor!);

      const executions = await Promise.all(
        Array.from({ length: WORKFLOWS }, (_, index) =>
          startWorkflow(swf!.client, DOMAIN, HeartbeatJob, { workflowId: `job-${index}`, input: { job: `job ${index}`, workMs: WORK_MS } }),
        ),
      );
      // Kill once both processes run activities, and the doomed one runs at least a few.
      await Promise.all([doomed!.messages.next('activityStarted', Math.ceil(WORKFLOWS / 4), 60_000), survivor!.messages.next('activityStarted', 1, 60_000)]);
      const killedWhileRunning = doomed!.messages.all('activityStarted').length;
      await doomed!.kill();

      const histories = new Map<string, HistoryEvent[]>();
      for (const execution of executions) histories.set(execution.workflowId, await waitForClose(swf.client, DOMAIN, execution, 120_000));
      const answered = await survivor!.stop();
      workers.splice(workers.indexOf(survivor!), 1);

      let timedOutActivities = 0;
      for (const [workflowId, events] of histories) {
        expect(eventIdProblems(events), workflowId).toEqual([]);
        expect(outcome(events), workflowId).toBe(`done ${workflowId.replace('-', ' ')}`);
        // One result per run, whichever attempt produced it; every other attempt timed out.
        const count = (type: string) => events.filter((event) => event.eventType === type).length;
        expect(count('ActivityTaskCompleted'), workflowId).toBe(1);
        const timeouts = events.filter((event) => event.eventType === 'ActivityTaskTimedOut').map((event) => event.activityTaskTimedOutEventAttributes!.timeoutType);
        for (const timeoutType of timeouts) expect(['HEARTBEAT', 'START_TO_CLOSE'], workflowId).toContain(timeoutType);
        expect(count('ActivityTaskScheduled'), workflowId).toBe(timeouts.length + 1);
        timedOutActivities += timeouts.length;
        // Each attempt the killed worker started and did not finish timed out.
        for (const started of events.filter((event) => event.eventType === 'ActivityTaskStarted' && startedBy(events, event.eventId!) === 'doomed')) {
          const closed = events.find(
            (event) =>
              event.activityTaskCompletedEventAttributes?.startedEventId === started.eventId || event.activityTaskTimedOutEventAttributes?.startedEventId === started.eventId,
          );
          expect(closed?.eventType, `${workflowId} attempt started at event ${started.eventId}`).toMatch(/^ActivityTask(Completed|TimedOut)$/);
        }
        // No decision task was lost: each one scheduled was started, then completed or timed out
        // (START_TO_CLOSE), or waited on the killed worker's sticky list until SCHEDULE_TO_START
        // moved it back to the shared list. A timed-out task is always followed by a new one.
        for (const fate of decisionTaskFates(events)) {
          expect(fate, workflowId).toMatch(/^(DecisionTaskStarted DecisionTask(Completed|TimedOut START_TO_CLOSE)|never started DecisionTaskTimedOut SCHEDULE_TO_START)$/);
        }
      }
      expect(timedOutActivities).toBeGreaterThanOrEqual(killedWhileRunning);

      // No task was handed out twice, to one process or across the two, and the survivor answered each of its tasks once.
      const deliveries = [...doomed!.deliveries(), ...survivor!.deliveries()];
      expect(deliveries.length - new Set(deliveries).size).toBe(0);
      expect(answered.length - new Set(answered).size).toBe(0);
      console.log(`kill-worker: ${WORKFLOWS} runs, ${killedWhileRunning} activities running on the killed worker, ${timedOutActivities} timed out and retried, ${deliveries.length} deliveries`);
    },
    faultTimeout(faultSize(150_000, 400_000)),
  );
});
