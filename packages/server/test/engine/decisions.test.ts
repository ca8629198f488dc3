import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVITY, complete, DOMAIN, Harness, scheduleActivity, WORKFLOW } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

/** Starts a run, polls its first decision task and answers it with `decisions`; returns the run. */
async function decideFirst(decisions: Record<string, any>[]): Promise<{ workflowId: string; runId: string }> {
  const run = await harness.start();
  const task = await harness.pollDecision();
  await harness.decide(task.taskToken, decisions);
  return run;
}

async function lastEvent(run: { workflowId: string; runId: string }, type: string): Promise<Record<string, any>> {
  const events = await harness.history(run);
  const event = events.filter((candidate) => candidate.eventType === type).pop();
  if (!event) throw new Error(`no ${type} in ${events.map((e) => e.eventType).join(', ')}`);
  const key = `${type.charAt(0).toLowerCase()}${type.slice(1)}EventAttributes`;
  return event[key];
}

describe('ScheduleActivityTask', () => {
  it('resolves omitted settings from the activity type defaults', async () => {
    harness = await Harness.create();
    const run = await decideFirst([scheduleActivity('a1')]);
    expect(await lastEvent(run, 'ActivityTaskScheduled')).toEqual({
      activityType: ACTIVITY,
      activityId: 'a1',
      scheduleToStartTimeout: '60',
      scheduleToCloseTimeout: '120',
      startToCloseTimeout: '60',
      heartbeatTimeout: 'NONE',
      taskList: { name: 'workers' },
      taskPriority: '0',
      decisionTaskCompletedEventId: 4,
    });
  });

  it.each([
    ['ACTIVITY_TYPE_DOES_NOT_EXIST', { activityType: { name: 'Nope', version: '1' } }],
    ['DEFAULT_TASK_LIST_UNDEFINED', { activityType: { name: 'Bare', version: '1' } }],
    ['DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED', { activityType: { name: 'Bare', version: '1' }, taskList: { name: 'x' } }],
    ['DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED', { activityType: { name: 'Bare', version: '1' }, taskList: { name: 'x' }, scheduleToStartTimeout: '5' }],
    [
      'DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED',
      { activityType: { name: 'Bare', version: '1' }, taskList: { name: 'x' }, scheduleToStartTimeout: '5', scheduleToCloseTimeout: '5' },
    ],
    [
      'DEFAULT_HEARTBEAT_TIMEOUT_UNDEFINED',
      { activityType: { name: 'Bare', version: '1' }, taskList: { name: 'x' }, scheduleToStartTimeout: '5', scheduleToCloseTimeout: '5', startToCloseTimeout: '5' },
    ],
  ])('fails with %s', async (cause, attributes) => {
    harness = await Harness.create();
    await harness.call('RegisterActivityType', { domain: DOMAIN, name: 'Bare', version: '1' });
    const run = await decideFirst([scheduleActivity('a1', attributes)]);
    expect(await lastEvent(run, 'ScheduleActivityTaskFailed')).toMatchObject({ activityId: 'a1', cause, decisionTaskCompletedEventId: 4 });
    // A decision failure schedules a new decision task.
    expect((await harness.eventTypes(run)).at(-1)).toBe('DecisionTaskScheduled');
  });

  it('fails with ACTIVITY_TYPE_DEPRECATED and ACTIVITY_ID_ALREADY_IN_USE', async () => {
    harness = await Harness.create();
    await harness.call('RegisterActivityType', { domain: DOMAIN, name: 'Old', version: '1' });
    await harness.call('DeprecateActivityType', { domain: DOMAIN, activityType: { name: 'Old', version: '1' } });
    const run = await decideFirst([scheduleActivity('a1'), scheduleActivity('a1'), scheduleActivity('a2', { activityType: { name: 'Old', version: '1' } })]);
    const failures = (await harness.history(run)).filter((e) => e.eventType === 'ScheduleActivityTaskFailed');
    expect(failures.map((e) => e.scheduleActivityTaskFailedEventAttributes.cause)).toEqual(['ACTIVITY_ID_ALREADY_IN_USE', 'ACTIVITY_TYPE_DEPRECATED']);
  });
});

describe('RequestCancelActivityTask', () => {
  it('cancels a task not yet started at once', async () => {
    harness = await Harness.create();
    const run = await decideFirst([scheduleActivity('a1')]);
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 'stop' });
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [{ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } }]);
    expect(await lastEvent(run, 'ActivityTaskCanceled')).toEqual({ scheduledEventId: 5, startedEventId: 0, latestCancelRequestedEventId: 10 });
    expect(await harness.pollActivity()).toEqual({ startedEventId: 0 });
  });

  it('tells a started task through its heartbeat and accepts its cancellation', async () => {
    harness = await Harness.create();
    const run = await decideFirst([scheduleActivity('a1')]);
    const activity = await harness.pollActivity();
    expect(await harness.call('RecordActivityTaskHeartbeat', { taskToken: activity.taskToken })).toEqual({ cancelRequested: false });
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 'stop' });
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [{ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } }]);
    expect((await harness.eventTypes(run)).at(-1)).toBe('ActivityTaskCancelRequested');
    expect(await harness.call('RecordActivityTaskHeartbeat', { taskToken: activity.taskToken, details: 'half' })).toEqual({ cancelRequested: true });
    await harness.call('RespondActivityTaskCanceled', { taskToken: activity.taskToken, details: 'stopped' });
    expect(await lastEvent(run, 'ActivityTaskCanceled')).toMatchObject({ details: 'stopped', startedEventId: 6, latestCancelRequestedEventId: 11 });
  });

  it('fails with ACTIVITY_ID_UNKNOWN', async () => {
    harness = await Harness.create();
    const run = await decideFirst([{ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'zz' } }]);
    expect(await lastEvent(run, 'RequestCancelActivityTaskFailed')).toMatchObject({ activityId: 'zz', cause: 'ACTIVITY_ID_UNKNOWN' });
  });
});

describe('timers and markers', () => {
  it('fires a timer after its delay and schedules a decision', async () => {
    harness = await Harness.create();
    const run = await decideFirst([{ decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't1', startToFireTimeout: '30' } }]);
    await harness.clock.advance(29_999);
    expect(await harness.eventTypes(run)).not.toContain('TimerFired');
    await harness.clock.advance(1);
    expect(await lastEvent(run, 'TimerFired')).toEqual({ timerId: 't1', startedEventId: 5 });
    expect((await harness.eventTypes(run)).at(-1)).toBe('DecisionTaskScheduled');
  });

  it('fires a zero-second timer', async () => {
    harness = await Harness.create();
    const run = await decideFirst([{ decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't0', startToFireTimeout: '0' } }]);
    await harness.clock.advance(0);
    expect(await harness.eventTypes(run)).toContain('TimerFired');
  });

  it('rejects a duplicate timer id, cancels a timer and rejects an unknown cancel', async () => {
    harness = await Harness.create();
    const start = { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't1', startToFireTimeout: '30' } };
    const cancel = (timerId: string) => ({ decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId } });
    const run = await decideFirst([start, start, cancel('t1'), cancel('t9')]);
    expect(await lastEvent(run, 'StartTimerFailed')).toMatchObject({ timerId: 't1', cause: 'TIMER_ID_ALREADY_IN_USE' });
    expect(await lastEvent(run, 'TimerCanceled')).toMatchObject({ timerId: 't1', startedEventId: 5, decisionTaskCompletedEventId: 4 });
    expect(await lastEvent(run, 'CancelTimerFailed')).toMatchObject({ timerId: 't9', cause: 'TIMER_ID_UNKNOWN' });
    await harness.clock.advance(60_000);
    expect(await harness.eventTypes(run)).not.toContain('TimerFired');
  });

  it('records markers without scheduling a decision task', async () => {
    harness = await Harness.create();
    const run = await decideFirst([{ decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'm', details: 'd' } }]);
    expect((await harness.eventTypes(run)).slice(-2)).toEqual(['DecisionTaskCompleted', 'MarkerRecorded']);
  });
});

describe('close decisions', () => {
  it.each([
    ['FailWorkflowExecution', { reason: 'r', details: 'd' }, 'WorkflowExecutionFailed', 'FAILED'],
    ['CancelWorkflowExecution', { details: 'd' }, 'WorkflowExecutionCanceled', 'CANCELED'],
    ['CompleteWorkflowExecution', { result: 'x' }, 'WorkflowExecutionCompleted', 'COMPLETED'],
  ])('%s closes the run', async (decisionType, attributes, eventType, closeStatus) => {
    harness = await Harness.create();
    const key = `${decisionType.charAt(0).toLowerCase()}${decisionType.slice(1)}DecisionAttributes`;
    const run = await decideFirst([{ decisionType, [key]: attributes }]);
    expect(await lastEvent(run, eventType)).toEqual({ ...attributes, decisionTaskCompletedEventId: 4 });
    expect((await harness.describe(run)).executionInfo.closeStatus).toBe(closeStatus);
  });

  it('fails a close with UNHANDLED_DECISION when an event arrived during the decision, and still applies the rest', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const task = await harness.pollDecision();
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 'poke' });
    await harness.decide(task.taskToken, [
      { decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'm' } },
      complete('x'),
    ]);
    expect((await harness.eventTypes(run)).slice(3)).toEqual([
      'WorkflowExecutionSignaled',
      'DecisionTaskCompleted',
      'MarkerRecorded',
      'CompleteWorkflowExecutionFailed',
      'DecisionTaskScheduled',
    ]);
    expect(await lastEvent(run, 'CompleteWorkflowExecutionFailed')).toEqual({ cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId: 5 });
    const retry = await harness.pollDecision();
    await harness.decide(retry.taskToken, [complete('x')]);
    expect((await harness.describe(run)).executionInfo.closeStatus).toBe('COMPLETED');
  });

  it('rejects a close that is not last with ValidationException and leaves the task open', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const task = await harness.pollDecision();
    await expect(harness.decide(task.taskToken, [complete(), scheduleActivity('a1')])).rejects.toMatchObject({
      faultName: 'ValidationException',
      message: 'Close must be last decision in list',
    });
    expect((await harness.eventTypes(run)).at(-1)).toBe('DecisionTaskStarted');
    await harness.decide(task.taskToken, [complete()]);
    expect((await harness.describe(run)).executionInfo.executionStatus).toBe('CLOSED');
  });

  it('voids open activities on close: later worker calls get UnknownResourceFault', async () => {
    harness = await Harness.create();
    await decideFirst([scheduleActivity('a1')]);
    const activity = await harness.pollActivity();
    const task = await harness.pollDecision().catch(() => undefined);
    expect(task).toEqual({ previousStartedEventId: 0, startedEventId: 0 });
    const run = { workflowId: 'wf-1', runId: activity.workflowExecution.runId };
    await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId });
    await expect(harness.call('RespondActivityTaskCompleted', { taskToken: activity.taskToken })).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });
    expect(WORKFLOW.name).toBe('Order');
  });
});

describe('the decision-task rules', () => {
  it('keeps one decision task per run: events while one is scheduled add no second task', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's1' });
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's2' });
    expect(await harness.eventTypes(run)).toEqual(['WorkflowExecutionStarted', 'DecisionTaskScheduled', 'WorkflowExecutionSignaled', 'WorkflowExecutionSignaled']);
    expect((await harness.call('CountPendingDecisionTasks', { domain: DOMAIN, taskList: { name: 'deciders' } })).count).toBe(1);
  });

  it('schedules the next task after the response when events arrived while the task was started', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const task = await harness.pollDecision();
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 's1' });
    expect((await harness.eventTypes(run)).at(-1)).toBe('WorkflowExecutionSignaled');
    await harness.decide(task.taskToken, []);
    expect((await harness.eventTypes(run)).slice(-2)).toEqual(['DecisionTaskCompleted', 'DecisionTaskScheduled']);
  });

  it('schedules nothing after a response when nothing is pending', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [], { executionContext: 'ctx' });
    expect((await harness.eventTypes(run)).at(-1)).toBe('DecisionTaskCompleted');
    expect((await harness.describe(run)).latestExecutionContext).toBe('ctx');
  });
});
