/**
 * The low road end to end: a worker decides an explicit state-machine `Decider` beside workflow
 * classes, registers its type, hands it the whole history on every task (sticky or not), and sends
 * its decisions and execution context to SWF.
 */
import { DescribeWorkflowExecutionCommand, DescribeWorkflowTypeCommand, StartWorkflowExecutionCommand } from '@aws-sdk/client-swf';
import { decisions, type Decider, type DecisionTaskInfo } from '@swirl/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcome, runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { Echo, Kitchen, TASK_LIST } from './workflows.js';

/** What the decider saw on each task: the first and last event ids of its history, and the task. */
const seen: Array<{ firstEventId: number | undefined; lastEventId: number | undefined; task: DecisionTaskInfo }> = [];

/** Greets through the Kitchen.greet activity, then completes with the greeting; fails on anything else. */
const greeter: Decider = {
  type: { name: 'GreeterDecider', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' },
  decide(history, task) {
    seen.push({ firstEventId: history.events[0]?.eventId, lastEventId: history.events.at(-1)?.eventId, task });
    const [completed] = history.ofType('ActivityTaskCompleted');
    if (completed) {
      return {
        decisions: [decisions.completeWorkflowExecution({ result: history.attributes(completed, 'ActivityTaskCompleted').result })],
        executionContext: 'greeted',
      };
    }
    const [failed] = [...history.ofType('ActivityTaskFailed'), ...history.ofType('ActivityTaskTimedOut'), ...history.ofType('ScheduleActivityTaskFailed')];
    if (failed) return { decisions: [decisions.failWorkflowExecution({ reason: `activity ended with ${failed.eventType}` })] };
    if (history.ofType('ActivityTaskScheduled').length > 0) return { decisions: [] };
    return {
      decisions: [
        decisions.scheduleActivityTask({
          activityId: 'greet',
          activityType: { name: 'Kitchen.greet', version: '1' },
          input: history.startedAttributes.input ?? '""',
          taskList: { name: TASK_LIST },
        }),
      ],
      executionContext: 'scheduled',
    };
  },
};

describe('end to end over HTTP: a Decider', () => {
  let swf: Swf;
  beforeAll(async () => {
    swf = await startSwf();
  });
  afterAll(async () => {
    await swf?.close();
  });

  it.each([
    ['with the sticky cache', 100],
    ['without the sticky cache', 0],
  ])('schedules an activity and completes with its result, %s', async (_label, stickyCacheSize) => {
    const domain = `e2e-decider-${stickyCacheSize}`;
    seen.length = 0;
    const { worker, stop } = await runWorker({
      client: swf.newClient(),
      domain,
      taskList: TASK_LIST,
      workflows: [Echo, greeter],
      activities: [new Kitchen()],
      stickyCacheSize,
    });
    try {
      const execution = await startWorkflow(swf.client, domain, Echo, { workflowId: 'echo-beside', input: 'class' });
      // Started by type: the decider's registered defaults supply the task list and timeouts.
      const started = await swf.client.send(
        new StartWorkflowExecutionCommand({
          domain,
          workflowId: 'decided-1',
          workflowType: { name: 'GreeterDecider', version: '1' },
          input: JSON.stringify('ada'),
        }),
      );
      const runId = started.runId!;

      const events = await waitForClose(swf.client, domain, { workflowId: 'decided-1', runId });
      expect(outcome(events)).toBe('hello ada');
      expect(outcome(await waitForClose(swf.client, domain, execution))).toBe('echo class');

      // Every task saw the whole history from event 1 up to its own DecisionTaskStarted.
      expect(seen.length).toBeGreaterThanOrEqual(2);
      for (const { firstEventId, lastEventId, task } of seen) {
        expect(firstEventId).toBe(1);
        expect(lastEventId).toBe(task.startedEventId);
        expect(task.workflowExecution).toEqual({ workflowId: 'decided-1', runId });
        expect(task.workflowType).toEqual({ name: 'GreeterDecider', version: '1' });
      }
      expect(seen[0]!.task.previousStartedEventId).toBe(0);
      expect(seen[1]!.task.previousStartedEventId).toBe(seen[0]!.task.startedEventId);
      if (stickyCacheSize > 0) expect(worker.stats.cache.hits).toBeGreaterThan(0);

      const described = await swf.client.send(new DescribeWorkflowExecutionCommand({ domain, execution: { workflowId: 'decided-1', runId } }));
      expect(described.latestExecutionContext).toBe('greeted');
      const type = await swf.client.send(new DescribeWorkflowTypeCommand({ domain, workflowType: { name: 'GreeterDecider', version: '1' } }));
      expect(type.configuration?.defaultTaskList?.name).toBe(TASK_LIST);
    } finally {
      await stop();
    }
  });
});
