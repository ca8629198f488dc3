import { RequestCancelWorkflowExecutionCommand, type HistoryEvent } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, outcome, runWorker, startSwf, startWorkflow, waitForClose, type Swf } from './harness.js';
import { ALL_WORKFLOWS, Cancellable, Countdown, Kitchen, KitchenSink, Rejecting, TASK_LIST } from './workflows.js';

/** The event that records each decision type once SWF accepted it. */
const DECISION_EVENTS: Record<string, string> = {
  ActivityTaskScheduled: 'ScheduleActivityTask',
  ActivityTaskCancelRequested: 'RequestCancelActivityTask',
  MarkerRecorded: 'RecordMarker',
  TimerStarted: 'StartTimer',
  TimerCanceled: 'CancelTimer',
  StartChildWorkflowExecutionInitiated: 'StartChildWorkflowExecution',
  SignalExternalWorkflowExecutionInitiated: 'SignalExternalWorkflowExecution',
  RequestCancelExternalWorkflowExecutionInitiated: 'RequestCancelExternalWorkflowExecution',
  LambdaFunctionScheduled: 'ScheduleLambdaFunction',
  WorkflowExecutionCompleted: 'CompleteWorkflowExecution',
  WorkflowExecutionFailed: 'FailWorkflowExecution',
  WorkflowExecutionCanceled: 'CancelWorkflowExecution',
  WorkflowExecutionContinuedAsNew: 'ContinueAsNewWorkflowExecution',
};

const decisionsIn = (events: HistoryEvent[]) =>
  new Set(events.map((event) => DECISION_EVENTS[event.eventType!]).filter((type): type is string => type !== undefined));

describe('end to end over HTTP: every decision type', () => {
  const domain = 'e2e-decisions';
  let swf: Swf;
  let stop: () => Promise<void>;
  const seen = new Set<string>();

  beforeAll(async () => {
    swf = await startSwf({ lambdaHandlers: { double: async (input) => String(Number(JSON.parse(input ?? '0')) * 2) } });
    ({ stop } = await runWorker({
      client: swf.client,
      domain,
      taskList: TASK_LIST,
      workflows: ALL_WORKFLOWS,
      activities: [new Kitchen()],
    }));
  });

  afterAll(async () => {
    await stop?.();
    await swf?.close();
  });

  it('runs a workflow through activities, markers, timers, children, external signals and cancels, and lambda', async () => {
    const execution = await startWorkflow(swf.client, domain, KitchenSink, {
      workflowId: 'kitchen-1',
      input: 'ada',
      lambdaRole: 'arn:aws:iam::123456789012:role/swirl-lambda',
    });
    const events = await waitForClose(swf.client, domain, execution);
    expect(outcome(events)).toEqual({
      greeting: 'hello ada',
      timer: 'CancelledFailure',
      activity: 'ActivityFailure>CancelledFailure',
      child: 'echo ada',
      sleeperResult: 'woken by kitchen',
      cancellableOutcome: 'ChildWorkflowFailure>CancelledFailure',
      doubled: 42,
    });
    for (const type of decisionsIn(events)) seen.add(type);
  });

  it('continues as new until done', async () => {
    const first = await startWorkflow(swf.client, domain, Countdown, { workflowId: 'countdown-1', input: 2 });
    const events = await waitForClose(swf.client, domain, first);
    expect(events.at(-1)?.eventType).toBe('WorkflowExecutionContinuedAsNew');
    for (const type of decisionsIn(events)) seen.add(type);
  });

  it('fails the execution when the workflow throws an ApplicationFailure', async () => {
    const execution = await startWorkflow(swf.client, domain, Rejecting, { workflowId: 'rejecting-1' });
    const events = await waitForClose(swf.client, domain, execution);
    expect(events.at(-1)?.workflowExecutionFailedEventAttributes?.reason).toBe('OrderRejected');
    for (const type of decisionsIn(events)) seen.add(type);
  });

  it('cancels the execution when its cancellation is requested', async () => {
    const execution = await startWorkflow(swf.client, domain, Cancellable, { workflowId: 'cancellable-1' });
    // Wait until the workflow is asleep on its timer, then ask it to cancel.
    await expect
      .poll(async () => (await history(swf.client, domain, execution)).some((event) => event.eventType === 'TimerStarted'))
      .toBe(true);
    await swf.client.send(new RequestCancelWorkflowExecutionCommand({ domain, workflowId: execution.workflowId }));
    const events = await waitForClose(swf.client, domain, execution);
    expect(events.at(-1)?.eventType).toBe('WorkflowExecutionCanceled');
    for (const type of decisionsIn(events)) seen.add(type);
  });

  it('has made all 13 decision types', () => {
    expect([...seen].sort()).toEqual([...new Set(Object.values(DECISION_EVENTS))].sort());
  });
});
