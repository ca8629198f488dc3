/**
 * Drives one-activity workflows through an endpoint: serially (one workflow's seven calls after the
 * other), concurrently (starter, decider and activity loops), or as the same seven calls against a stub.
 */
import { setMaxListeners } from 'node:events';
import {
  PollForActivityTaskCommand,
  PollForDecisionTaskCommand,
  RespondActivityTaskCompletedCommand,
  RespondDecisionTaskCompletedCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { decideOnce, NOOP_ACTIVITY_TYPE, runActivityOnce, SERVER_BENCH_DOMAIN, startOneActivity } from './one-activity-protocol.js';
import { TaskDeliveryLedger } from '@swirl/testing';

export class DriverError extends Error {
  override readonly name = 'DriverError';
}

/** The decision and activity task lists of one benchmark run. */
export interface TaskLists {
  readonly taskList: string;
  readonly activityTaskList: string;
}

/** Runs `count` workflows one after the other; resolves with the elapsed milliseconds. */
export async function runSerial(client: SWFClient, count: number, lists: TaskLists, idPrefix: string): Promise<number> {
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    await startOneActivity(client, `${idPrefix}-${index}`, lists.taskList);
    const scheduled = await decideOnce(client, lists.taskList, lists.activityTaskList);
    if (!scheduled) throw new DriverError(`workflow ${idPrefix}-${index}: no decision task after start`);
    if (!(await runActivityOnce(client, lists.activityTaskList))) throw new DriverError(`workflow ${idPrefix}-${index}: no activity task`);
    const closed = await decideOnce(client, lists.taskList, lists.activityTaskList);
    if (!closed?.closed) throw new DriverError(`workflow ${idPrefix}-${index}: the second decision task did not close it`);
  }
  return performance.now() - started;
}

/** The seven calls of one workflow against the stub (which answers `{}`), `count` times. */
export async function runSerialAgainstStub(client: SWFClient, count: number): Promise<number> {
  const domain = SERVER_BENCH_DOMAIN;
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    await startOneActivity(client, `stub-${index}`, 'stub');
    await client.send(new PollForDecisionTaskCommand({ domain, taskList: { name: 'stub' }, identity: 'bench-decider' }));
    await client.send(
      new RespondDecisionTaskCompletedCommand({
        taskToken: 'stub-token',
        decisions: [{ decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: NOOP_ACTIVITY_TYPE, activityId: 'a1' } }],
      }),
    );
    await client.send(new PollForActivityTaskCommand({ domain, taskList: { name: 'stub' }, identity: 'bench-activity' }));
    await client.send(new RespondActivityTaskCompletedCommand({ taskToken: 'stub-token', result: '"ok"' }));
    await client.send(new PollForDecisionTaskCommand({ domain, taskList: { name: 'stub' }, identity: 'bench-decider' }));
    await client.send(
      new RespondDecisionTaskCompletedCommand({ taskToken: 'stub-token', decisions: [{ decisionType: 'CompleteWorkflowExecution', completeWorkflowExecutionDecisionAttributes: { result: '"done"' } }] }),
    );
  }
  return performance.now() - started;
}

export interface ConcurrentOutcome {
  readonly elapsedMs: number;
  readonly completed: number;
  /** Tasks handed out more than once (same run, same started event): must be 0. */
  readonly duplicateDeliveries: number;
  /** ScheduleActivityTask decisions the server refused (rate limits), retried by the decider. */
  readonly refusedDecisions: number;
}

export interface ConcurrentPlan extends TaskLists {
  readonly workflows: number;
  readonly starters: number;
  readonly deciders: number;
  readonly activityWorkers: number;
  readonly idPrefix: string;
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted && error instanceof Error && (error.name === 'AbortError' || /abort/i.test(error.message));
}

/**
 * Starters, deciders and activity workers in parallel loops until every workflow has completed.
 * `client` is this run's own: a TaskDeliveryLedger is attached to it to count tasks delivered twice.
 */
export async function runConcurrent(client: SWFClient, plan: ConcurrentPlan): Promise<ConcurrentOutcome> {
  const ledger = new TaskDeliveryLedger();
  ledger.attach(client);
  const stop = new AbortController();
  // Every parked poll listens on this one signal.
  setMaxListeners(plan.deciders + plan.activityWorkers + 8, stop.signal);
  let refusedDecisions = 0;
  let completed = 0;
  let nextWorkflow = 0;
  let finish!: () => void;
  const allCompleted = new Promise<void>((resolve) => (finish = resolve));
  const loop = async (body: () => Promise<void>) => {
    while (!stop.signal.aborted) {
      try {
        await body();
      } catch (error) {
        if (isAbort(error, stop.signal)) return;
        throw error;
      }
    }
  };

  const started = performance.now();
  const starters = Array.from({ length: plan.starters }, async () => {
    while (nextWorkflow < plan.workflows) await startOneActivity(client, `${plan.idPrefix}-${nextWorkflow++}`, plan.taskList);
  });
  const deciders = Array.from({ length: plan.deciders }, () =>
    loop(async () => {
      const task = await decideOnce(client, plan.taskList, plan.activityTaskList, stop.signal);
      if (!task?.closed) return;
      refusedDecisions += task.refused;
      if ((completed += 1) === plan.workflows) finish();
    }),
  );
  const workers = Array.from({ length: plan.activityWorkers }, () =>
    loop(async () => {
      await runActivityOnce(client, plan.activityTaskList, stop.signal);
    }),
  );
  // A loop that fails (other than by the final abort) fails the run instead of hanging it.
  const failed = Promise.all([...starters, ...deciders, ...workers]).then(() => {
    throw new DriverError('every loop ended before the workflows completed');
  });
  await Promise.race([allCompleted, failed]);
  const elapsedMs = performance.now() - started;
  stop.abort();
  await Promise.allSettled([...deciders, ...workers]);
  return { elapsedMs, completed, duplicateDeliveries: ledger.duplicates, refusedDecisions };
}
