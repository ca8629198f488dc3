import { NonDeterminismError } from '@swirl/core';
import { decisions } from '@swirl/workflow';
import { describe, expect, it } from 'vitest';
import { HistoryBuilder, runDecisionTask, WorkflowHarness } from '../../src/index.js';
import { GreetingWorkflow } from '../support/greeting-workflow.js';

const startTimer = decisions.startTimer({ timerId: 't1', startToFireTimeout: '3600' });
const greet = (name: string) =>
  decisions.scheduleActivityTask({
    activityType: { name: 'Greetings.greet', version: '1' },
    activityId: 'a1',
    input: JSON.stringify(name),
    taskList: { name: 'greetings' },
    startToCloseTimeout: '60',
    heartbeatTimeout: '20',
  });

describe('WorkflowHarness', () => {
  it('drives a workflow through decision tasks and returns the decisions of each', async () => {
    const harness = new WorkflowHarness(GreetingWorkflow, { input: { name: 'ana' } });
    expect(await harness.decide()).toEqual([startTimer]);

    harness.history.timerFired('t1');
    expect(await harness.decide()).toEqual([greet('ana')]);

    harness.history.activityTaskCompleted('a1', 'hello ana');
    expect(await harness.decide()).toEqual([decisions.completeWorkflowExecution({ result: '"hello ana"' })]);
    expect(harness.decided).toHaveLength(3);
  });

  it('delivers signals before the timer that fired in the same decision task, in event order', async () => {
    const harness = new WorkflowHarness(GreetingWorkflow, { input: { name: 'ana' } });
    await harness.decide();
    harness.history.signal('rename', 'bo').timerFired('t1');
    expect(await harness.decide()).toEqual([greet('bo')]);
  });

  it('records decisions as SWF does, so the history it writes replays and links', async () => {
    const harness = new WorkflowHarness(GreetingWorkflow, { input: { name: 'ana' } });
    await harness.decide();
    harness.history.timerFired('t1');
    await harness.decide();
    const events = harness.history.build();
    expect(events.map((event) => event.eventType)).toEqual([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'TimerStarted',
      'TimerFired',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'ActivityTaskScheduled',
    ]);
    expect(events[9]?.activityTaskScheduledEventAttributes?.decisionTaskCompletedEventId).toBe(9);
    expect(harness.history.toHistory().links(events[5]!).startedEventId?.eventType).toBe('TimerStarted');
    // The timer fired an hour after it started.
    expect(events[5]!.eventTimestamp!.getTime() - events[4]!.eventTimestamp!.getTime()).toBe(3_600_000);
    expect(await harness.replay()).toEqual([]);
  });

  it('fails the workflow with the activity failure when the activity fails', async () => {
    const harness = new WorkflowHarness(GreetingWorkflow, { input: { name: 'ana' } });
    await harness.decide();
    harness.history.timerFired('t1');
    await harness.decide();
    harness.history.activityTaskFailed('a1', new Error('mailbox full'));
    const [failed] = await harness.decide();
    expect(failed?.decisionType).toBe('FailWorkflowExecution');
    expect(failed?.failWorkflowExecutionDecisionAttributes?.reason).toBe('ActivityFailure');
    expect(failed?.failWorkflowExecutionDecisionAttributes?.details).toContain('mailbox full');
  });
});

describe('runDecisionTask', () => {
  const recorded = () =>
    new HistoryBuilder()
      .workflowStarted({ workflowType: GreetingWorkflow, input: { name: 'ana' } })
      .decisionTask({ decisions: [startTimer] })
      .timerFired('t1');

  it('decides one task over a history written by hand, starting the task when the history has not', async () => {
    expect(await runDecisionTask(GreetingWorkflow, recorded())).toEqual([greet('ana')]);
    expect(await runDecisionTask(GreetingWorkflow, recorded().decisionTaskScheduled().build())).toEqual([greet('ana')]);
    expect(await runDecisionTask(GreetingWorkflow, recorded().decisionTaskScheduled().decisionTaskStarted())).toEqual([greet('ana')]);
  });

  it('leaves the caller history as written', async () => {
    const history = recorded();
    await runDecisionTask(GreetingWorkflow, history);
    expect(history.lastEventId).toBe(6);
  });

  it('throws NonDeterminismError naming the recorded event the code no longer produces', async () => {
    const history = new HistoryBuilder()
      .workflowStarted({ workflowType: GreetingWorkflow, input: { name: 'ana' } })
      .decisionTask({ decisions: [decisions.startTimer({ timerId: 'reminder', startToFireTimeout: '60' })] })
      .timerFired('reminder');
    const deciding = runDecisionTask(GreetingWorkflow, history);
    await expect(deciding).rejects.toBeInstanceOf(NonDeterminismError);
    await expect(deciding).rejects.toMatchObject({ eventId: 5 });
  });
});
