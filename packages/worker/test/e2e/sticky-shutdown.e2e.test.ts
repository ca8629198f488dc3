/**
 * The cost a shutdown puts on a sticky run, measured: the run's last task was decided (sticky)
 * by a worker that then stopped; the next task, scheduled on that worker's sticky list, waits the
 * sticky schedule-to-start timeout before SWF moves it to the shared list and another worker takes it.
 */
import { SignalWorkflowExecutionCommand } from '@aws-sdk/client-swf';
import { afterEach, describe, expect, it } from 'vitest';
import { history, outcome, runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { Sleeper, TASK_LIST } from './workflows.js';

describe('end to end over HTTP: a sticky run whose worker has stopped', () => {
  let swf: Swf | undefined;
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await swf?.close();
  });

  it('has its next decision task wait the sticky schedule-to-start timeout (5 s), then decided elsewhere', async () => {
    swf = await startSwf();
    const domain = 'e2e-sticky-stop';
    const first = await runWorker({ client: swf.newClient(), domain, taskList: TASK_LIST, workflows: [Sleeper], identity: 'first' });
    const execution = await startWorkflow(swf.client, domain, Sleeper, { workflowId: 'sleeper-1' });
    for (let tries = 0; !(await history(swf.client, domain, execution)).some((event) => event.eventType === 'DecisionTaskCompleted'); tries++) {
      if (tries > 100) throw new Error('the first decision task was not decided');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.stop();
    const second = await runWorker({ client: swf.newClient(), domain, taskList: TASK_LIST, workflows: [Sleeper], identity: 'second' });
    stops.push(second.stop);

    await swf.client.send(new SignalWorkflowExecutionCommand({ domain, workflowId: 'sleeper-1', signalName: 'wakeUp', input: '"ana"' }));
    const events = await waitForClose(swf.client, domain, execution, 20_000);
    expect(outcome(events)).toBe('woken by ana');
    const signaled = events.find((event) => event.eventType === 'WorkflowExecutionSignaled')!;
    const timedOut = events.find((event) => event.eventType === 'DecisionTaskTimedOut');
    const nextStarted = events.find((event) => event.eventType === 'DecisionTaskStarted' && event.eventId! > signaled.eventId!)!;
    const waitMs = nextStarted.eventTimestamp!.getTime() - signaled.eventTimestamp!.getTime();
    expect(timedOut?.decisionTaskTimedOutEventAttributes?.timeoutType).toBe('SCHEDULE_TO_START');
    expect(nextStarted.decisionTaskStartedEventAttributes?.identity).toBe('second');
    expect(waitMs).toBeGreaterThanOrEqual(4_500);
    expect(waitMs).toBeLessThan(8_000);
    console.log(`next decision task of the sticky run waited ${waitMs} ms after the signal`);
  }, 40_000);
});
