import type { HistoryEvent } from '@aws-sdk/client-swf';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkerEventMap } from '../../src/index.js';
import { outcome, runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { ALL_WORKFLOWS, Kitchen, Pipeline, TASK_LIST } from './workflows.js';

const expected = (steps: number) => [...Array.from({ length: steps }, (_, step) => `hello step ${step}`), 'echo child'];

/** No decision or activity task may have timed out: every task handed out was answered. */
function timeouts(events: HistoryEvent[]): string[] {
  return events.filter((event) => event.eventType === 'DecisionTaskTimedOut' || event.eventType === 'ActivityTaskTimedOut').map((event) => event.eventType!);
}

function count(worker: { events: { on: <K extends keyof WorkerEventMap>(name: K, fn: (...args: WorkerEventMap[K]) => void) => unknown } }) {
  const tally = { decided: 0, activities: 0 };
  worker.events.on('taskCompleted', (task) => {
    if (task.kind === 'decision') tally.decided += 1;
    else tally.activities += 1;
  });
  return tally;
}

describe('end to end over HTTP: sharing, throttling and shutdown', () => {
  let swf: Swf | undefined;
  const stops: Array<() => Promise<void>> = [];

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await swf?.close();
    swf = undefined;
  });

  it('shares one task list between two workers, each doing part of the work', async () => {
    swf = await startSwf();
    const domain = 'e2e-sharing';
    const common = { domain, taskList: TASK_LIST, workflows: ALL_WORKFLOWS, activities: [new Kitchen()], maxConcurrentActivityTasks: 2 };
    const a = await runWorker({ ...common, client: swf.newClient(), identity: 'worker-a' });
    const b = await runWorker({ ...common, client: swf.newClient(), identity: 'worker-b' });
    stops.push(a.stop, b.stop);
    const tallyA = count(a.worker);
    const tallyB = count(b.worker);
    const executions = await Promise.all(
      Array.from({ length: 8 }, (_, index) => startWorkflow(swf!.client, domain, Pipeline, { workflowId: `shared-${index}`, input: 3 })),
    );
    for (const execution of executions) {
      const events = await waitForClose(swf.client, domain, execution);
      expect(outcome(events)).toEqual(expected(3));
      expect(timeouts(events)).toEqual([]);
    }
    expect(tallyA.activities).toBeGreaterThan(0);
    expect(tallyB.activities).toBeGreaterThan(0);
    expect(tallyA.activities + tallyB.activities).toBe(8 * 3);
    expect(tallyA.decided + tallyB.decided).toBeGreaterThan(0);
  });

  it('loses nothing when SWF throttles a fifth of all calls', async () => {
    swf = await startSwf({ faultInjection: { throttleRate: 0.2, seed: 7 } });
    const domain = 'e2e-throttled';
    // Every call may be throttled, registration included; the SDK retries some, the poll loops back off on the rest.
    const worker = await runWorker({
      domain,
      taskList: TASK_LIST,
      workflows: ALL_WORKFLOWS,
      activities: [new Kitchen()],
      client: swf.newClient({ maxAttempts: 10 }),
    });
    stops.push(worker.stop);
    const failedPolls: string[] = [];
    worker.worker.events.on('pollFailed', (failure) => failedPolls.push((failure.error as Error).name));
    const testClient = swf.newClient({ maxAttempts: 20 });
    const executions = await Promise.all(
      Array.from({ length: 4 }, (_, index) => startWorkflow(testClient, domain, Pipeline, { workflowId: `throttled-${index}`, input: 2 })),
    );
    for (const execution of executions) {
      const events = await waitForClose(testClient, domain, execution);
      expect(outcome(events)).toEqual(expected(2));
    }
    expect(failedPolls.every((name) => name === 'ThrottlingException')).toBe(true);
  });

  it('on shutdown, executes the tasks its in-flight polls return and leaves none to time out', async () => {
    swf = await startSwf();
    const domain = 'e2e-drain';
    const common = { domain, taskList: TASK_LIST, workflows: ALL_WORKFLOWS, activities: [new Kitchen()] };
    const first = await runWorker({ ...common, client: swf.newClient(), identity: 'first' });
    const tally = count(first.worker);
    const execution = await startWorkflow(swf.client, domain, Pipeline, { workflowId: 'drain-1', input: 2 });
    // The poll in flight right now is answered with the new decision task while the worker stops.
    await first.stop();
    expect(first.worker.state).toBe('STOPPED');
    const second = await runWorker({ ...common, client: swf.newClient(), identity: 'second' });
    stops.push(second.stop);
    const events = await waitForClose(swf.client, domain, execution);
    expect(outcome(events)).toEqual(expected(2));
    expect(timeouts(events)).toEqual([]);
    const startedBy = events
      .filter((event) => event.eventType === 'DecisionTaskStarted')
      .map((event) => event.decisionTaskStartedEventAttributes?.identity);
    // The first worker's polls were in flight when the task was scheduled: it took the task and answered it.
    expect(tally.decided).toBeGreaterThanOrEqual(1);
    expect(startedBy.filter((identity) => identity === 'first')).toHaveLength(tally.decided);
  });
});
