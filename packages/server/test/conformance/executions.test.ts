import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { ACTIVITIES, DECISIONS, Driver, WORKFLOW, completeWorkflow, expectSwfError, lastOfType, registerFixtures, scheduleActivity, startConformance } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'executions';

describe('workflow executions over HTTP', () => {
  let c: Conformance;
  let driver: Driver;
  beforeAll(async () => {
    c = await startConformance();
    driver = new Driver(c.swf, DOMAIN);
  });
  afterAll(async () => c.close());
  beforeEach(async () => {
    await fetch(`${c.server.endpoint}/_swirl/reset`, { method: 'POST' });
    await registerFixtures(c.swf, DOMAIN);
  });

  it('starts a run that resolves its settings from the type defaults into event 1 and schedules a decision task', async () => {
    const runId = await driver.start('order-1', { input: '{"id":1}', tagList: ['vip'] });
    expect(runId).toMatch(/^[A-Za-z0-9+/=]{1,64}$/);
    const [started, scheduled] = await driver.history('order-1', runId);
    expect(started?.eventId).toBe(1);
    expect(started?.eventTimestamp).toBeInstanceOf(Date);
    expect(started?.workflowExecutionStartedEventAttributes).toMatchObject({
      input: '{"id":1}',
      workflowType: WORKFLOW,
      taskList: { name: DECISIONS },
      taskPriority: '0',
      executionStartToCloseTimeout: '3600',
      taskStartToCloseTimeout: '60',
      childPolicy: 'TERMINATE',
      tagList: ['vip'],
      parentInitiatedEventId: 0,
    });
    expect(scheduled).toMatchObject({
      eventId: 2,
      eventType: 'DecisionTaskScheduled',
      decisionTaskScheduledEventAttributes: { taskList: { name: DECISIONS }, startToCloseTimeout: '60', taskPriority: '0' },
    });
  });

  it('prefers the start request over the type defaults', async () => {
    const runId = await driver.start('order-2', {
      taskList: { name: 'special' },
      taskPriority: '7',
      executionStartToCloseTimeout: '100',
      taskStartToCloseTimeout: '10',
      childPolicy: 'ABANDON',
    });
    const described = await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'order-2', runId } });
    expect(described.executionConfiguration).toMatchObject({
      taskList: { name: 'special' },
      taskPriority: '7',
      executionStartToCloseTimeout: '100',
      taskStartToCloseTimeout: '10',
      childPolicy: 'ABANDON',
    });
  });

  it('refuses a start without a resolvable task list or timeout with DefaultUndefinedFault', async () => {
    await c.swf.registerWorkflowType({ domain: DOMAIN, name: 'Bare', version: '1' });
    await expectSwfError(c.swf.startWorkflowExecution({ domain: DOMAIN, workflowId: 'w', workflowType: { name: 'Bare', version: '1' } }), 'DefaultUndefinedFault');
  });

  it('refuses a second open run of the same workflowId, but allows it once the first is closed', async () => {
    const first = await driver.start('unique');
    await expectSwfError(driver.start('unique'), 'WorkflowExecutionAlreadyStartedFault');
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'unique', runId: first });
    const second = await driver.start('unique');
    expect(second).not.toBe(first);
  });

  it('refuses a start of an unknown type (UnknownResourceFault), a deprecated type (TypeDeprecatedFault) and in a deprecated domain (DomainDeprecatedFault)', async () => {
    await expectSwfError(c.swf.startWorkflowExecution({ domain: DOMAIN, workflowId: 'w', workflowType: { name: 'Nope', version: '1' } }), 'UnknownResourceFault');
    await expectSwfError(c.swf.startWorkflowExecution({ domain: 'nowhere', workflowId: 'w', workflowType: WORKFLOW }), 'UnknownResourceFault');
    await c.swf.deprecateWorkflowType({ domain: DOMAIN, workflowType: WORKFLOW });
    await expectSwfError(driver.start('w'), 'TypeDeprecatedFault');
    await c.swf.undeprecateWorkflowType({ domain: DOMAIN, workflowType: WORKFLOW });
    await c.swf.deprecateDomain({ name: DOMAIN });
    await expectSwfError(driver.start('w'), 'DomainDeprecatedFault');
  });

  it('signals the current run when runId is omitted, recording WorkflowExecutionSignaled', async () => {
    const runId = await driver.start('signalled');
    await c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'signalled', signalName: 'approve', input: 'yes' });
    const signalled = lastOfType(await driver.history('signalled', runId), 'WorkflowExecutionSignaled');
    expect(signalled.workflowExecutionSignaledEventAttributes).toMatchObject({ signalName: 'approve', input: 'yes', externalInitiatedEventId: 0 });
  });

  it('answers UnknownResourceFault for a signal, cancel or terminate of a closed or unknown run', async () => {
    const runId = await driver.start('closed');
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'closed', runId });
    await expectSwfError(c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'closed', signalName: 's' }), 'UnknownResourceFault');
    await expectSwfError(c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'closed', runId, signalName: 's' }), 'UnknownResourceFault');
    await expectSwfError(c.swf.requestCancelWorkflowExecution({ domain: DOMAIN, workflowId: 'closed' }), 'UnknownResourceFault');
    await expectSwfError(c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'closed' }), 'UnknownResourceFault');
    const unknown = await expectSwfError(c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'ghost', runId: 'r' } }), 'UnknownResourceFault');
    expect(unknown.message).toContain('Unknown execution');
  });

  it('records a cancel request and shows cancelRequested in visibility', async () => {
    const runId = await driver.start('cancel-me');
    await c.swf.requestCancelWorkflowExecution({ domain: DOMAIN, workflowId: 'cancel-me' });
    const events = await driver.history('cancel-me', runId);
    expect(lastOfType(events, 'WorkflowExecutionCancelRequested').workflowExecutionCancelRequestedEventAttributes).toMatchObject({ externalInitiatedEventId: 0 });
    const described = await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'cancel-me', runId } });
    expect(described.executionInfo?.cancelRequested).toBe(true);
  });

  it('terminates a run with reason and details, closing it as TERMINATED', async () => {
    const runId = await driver.start('doomed');
    await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'doomed', reason: 'operator', details: 'cleanup', childPolicy: 'ABANDON' });
    const terminated = lastOfType(await driver.history('doomed', runId), 'WorkflowExecutionTerminated');
    expect(terminated.workflowExecutionTerminatedEventAttributes).toMatchObject({ reason: 'operator', details: 'cleanup', childPolicy: 'ABANDON' });
    expect(terminated.workflowExecutionTerminatedEventAttributes?.cause).toBe('OPERATOR_INITIATED');
    const described = await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'doomed', runId } });
    expect(described.executionInfo).toMatchObject({ executionStatus: 'CLOSED', closeStatus: 'TERMINATED' });
    expect(described.executionInfo?.closeTimestamp).toBeInstanceOf(Date);
  });

  it('describes an open run with its open counts and latest execution context', async () => {
    const runId = await driver.start('described');
    const task = await driver.pollDecision();
    await driver.decide(task.taskToken, [scheduleActivity('a1'), scheduleActivity('a2'), { decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId: 't1', startToFireTimeout: '600' } }], {
      executionContext: 'step-1',
    });
    const described = await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'described', runId } });
    expect(described.executionInfo).toMatchObject({ execution: { workflowId: 'described', runId }, workflowType: WORKFLOW, executionStatus: 'OPEN', cancelRequested: false });
    expect(described.openCounts).toEqual({ openActivityTasks: 2, openDecisionTasks: 0, openTimers: 1, openChildWorkflowExecutions: 0, openLambdaFunctions: 0 });
    expect(described.latestExecutionContext).toBe('step-1');
  });

  it('sets latestActivityTaskTimestamp when an activity task is scheduled, as the API reference defines it, not when it starts', async () => {
    const clock = new VirtualClock(Date.UTC(2025, 0, 1));
    const own = await startConformance({ clock });
    try {
      await registerFixtures(own.swf, DOMAIN);
      const ownDriver = new Driver(own.swf, DOMAIN);
      const runId = await ownDriver.start('stamped');
      const describe = () => own.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'stamped', runId } });
      expect((await describe()).latestActivityTaskTimestamp).toBeUndefined();

      await ownDriver.pollAndDecide([scheduleActivity('a1')]);
      const firstScheduled = lastOfType(await ownDriver.history('stamped', runId), 'ActivityTaskScheduled').eventTimestamp;
      expect((await describe()).latestActivityTaskTimestamp).toEqual(firstScheduled);

      await clock.advance(5_000);
      const task = await ownDriver.pollActivity();
      expect((await describe()).latestActivityTaskTimestamp).toEqual(new Date(Date.UTC(2025, 0, 1)));

      await clock.advance(5_000);
      await own.swf.respondActivityTaskCompleted({ taskToken: task.taskToken });
      await ownDriver.pollAndDecide([scheduleActivity('a2')]);
      expect((await describe()).latestActivityTaskTimestamp).toEqual(new Date(Date.UTC(2025, 0, 1, 0, 0, 10)));
    } finally {
      await own.close();
    }
  });

  it('pages history with maximumPageSize and nextPageToken, and reverses it with reverseOrder', async () => {
    const runId = await driver.start('paged');
    for (let index = 0; index < 3; index += 1) {
      await c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'paged', signalName: `s${index}` });
    }
    const all = await driver.history('paged', runId);
    expect(all.map((event) => event.eventId)).toEqual([1, 2, 3, 4, 5]);

    const first = await c.swf.getWorkflowExecutionHistory({ domain: DOMAIN, execution: { workflowId: 'paged', runId }, maximumPageSize: 2 });
    expect(first.events?.map((event) => event.eventId)).toEqual([1, 2]);
    const second = await c.swf.getWorkflowExecutionHistory({ domain: DOMAIN, execution: { workflowId: 'paged', runId }, maximumPageSize: 2, nextPageToken: first.nextPageToken });
    expect(second.events?.map((event) => event.eventId)).toEqual([3, 4]);
    const third = await c.swf.getWorkflowExecutionHistory({ domain: DOMAIN, execution: { workflowId: 'paged', runId }, maximumPageSize: 2, nextPageToken: second.nextPageToken });
    expect(third.events?.map((event) => event.eventId)).toEqual([5]);
    expect(third.nextPageToken).toBeUndefined();

    const reversed = await c.swf.getWorkflowExecutionHistory({ domain: DOMAIN, execution: { workflowId: 'paged', runId }, reverseOrder: true, maximumPageSize: 3 });
    expect(reversed.events?.map((event) => event.eventId)).toEqual([5, 4, 3]);
  });

  it('runs a whole workflow: decision, activity, result, completion', async () => {
    const runId = await driver.start('whole', { input: 'in' });
    const first = await driver.pollDecision();
    expect(first.previousStartedEventId).toBe(0);
    expect(first.startedEventId).toBe(3);
    expect(first.workflowType).toEqual(WORKFLOW);
    await driver.decide(first.taskToken, [scheduleActivity('charge', { input: '42' })]);

    const activity = await driver.pollActivity(ACTIVITIES);
    expect(activity).toMatchObject({ activityId: 'charge', input: '42' });
    await c.swf.respondActivityTaskCompleted({ taskToken: activity.taskToken, result: 'charged' });

    const second = await driver.pollDecision();
    expect(second.previousStartedEventId).toBe(3);
    expect(lastOfType(second.events, 'ActivityTaskCompleted').activityTaskCompletedEventAttributes).toMatchObject({ result: 'charged' });
    await driver.decide(second.taskToken, [completeWorkflow('done')]);

    expect(await driver.eventTypes('whole', runId)).toEqual([
      'WorkflowExecutionStarted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'ActivityTaskScheduled',
      'ActivityTaskStarted',
      'ActivityTaskCompleted',
      'DecisionTaskScheduled',
      'DecisionTaskStarted',
      'DecisionTaskCompleted',
      'WorkflowExecutionCompleted',
    ]);
    await expectSwfError(driver.decide(second.taskToken, []), 'UnknownResourceFault');
  });

  it('terminates a run that reaches 25,000 events with EVENT_LIMIT_EXCEEDED', async () => {
    const runId = await driver.start('chatty');
    // Filling the history over HTTP would take minutes; the engine takes the same calls in process.
    const context = { region: 'us-east-1', requestId: 'fill' };
    let refused: unknown;
    for (let sent = 0; sent < 30_000 && refused === undefined; sent += 1) {
      await c.server.engine.execute('SignalWorkflowExecution', { domain: DOMAIN, workflowId: 'chatty', runId, signalName: 'tick' }, context).catch((error: unknown) => {
        refused = error;
      });
    }
    // The first refused signal is the one after the run was terminated.
    expect((refused as { faultName?: string } | undefined)?.faultName).toBe('UnknownResourceFault');
    const last = (await c.swf.getWorkflowExecutionHistory({ domain: DOMAIN, execution: { workflowId: 'chatty', runId }, reverseOrder: true, maximumPageSize: 1 })).events?.[0];
    expect(last?.eventId).toBe(25_000);
    expect(last?.eventType).toBe('WorkflowExecutionTerminated');
    expect(last?.workflowExecutionTerminatedEventAttributes?.cause).toBe('EVENT_LIMIT_EXCEEDED');
    await expectSwfError(c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'chatty', runId, signalName: 'late' }), 'UnknownResourceFault');
  });
});
