import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIVITY, DECISIONS, Driver, WORKFLOW, completeWorkflow, expectSwfError, lastOfType, registerFixtures, scheduleActivity, startConformance, startTimer } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'decisions';

describe('every decision and its failure causes over HTTP', () => {
  let c: Conformance;
  let driver: Driver;
  beforeAll(async () => {
    c = await startConformance({
      lambdaHandlers: {
        double: async (input) => String(Number(input) * 2),
        explode: async () => {
          throw new Error('lambda blew up');
        },
      },
    });
    driver = new Driver(c.swf, DOMAIN);
  });
  afterAll(async () => c.close());
  beforeEach(async () => {
    await fetch(`${c.server.endpoint}/_swirl/reset`, { method: 'POST' });
    await registerFixtures(c.swf, DOMAIN);
  });

  /** Starts `workflowId`, answers its first decision task with `decisions`, returns the run id and the events after that answer. */
  const firstDecision = async (workflowId: string, decisions: Decision[], start: Parameters<Driver['start']>[1] = {}) => {
    const runId = await driver.start(workflowId, start);
    const task = await driver.pollDecision();
    await driver.decide(task.taskToken, decisions);
    const events = await driver.history(workflowId, runId);
    return { runId, events, after: events.filter((event) => (event.eventId ?? 0) > (task.startedEventId ?? 0)) };
  };
  const types = (events: HistoryEvent[]) => events.map((event) => event.eventType);

  describe('ScheduleActivityTask', () => {
    it('records ActivityTaskScheduled with the settings resolved from the decision, then the type defaults', async () => {
      const { after } = await firstDecision('sched', [scheduleActivity('a1', { input: 'x', taskList: { name: 'fast' }, startToCloseTimeout: '30', control: 'c' })]);
      expect(types(after)).toEqual(['DecisionTaskCompleted', 'ActivityTaskScheduled']);
      expect(after[1]?.activityTaskScheduledEventAttributes).toMatchObject({
        activityType: ACTIVITY,
        activityId: 'a1',
        input: 'x',
        control: 'c',
        taskList: { name: 'fast' },
        startToCloseTimeout: '30',
        scheduleToStartTimeout: '300',
        scheduleToCloseTimeout: '900',
        heartbeatTimeout: 'NONE',
        taskPriority: '0',
        decisionTaskCompletedEventId: after[0]?.eventId,
      });
    });

    it('fails with ACTIVITY_TYPE_DOES_NOT_EXIST, ACTIVITY_TYPE_DEPRECATED and ACTIVITY_ID_ALREADY_IN_USE', async () => {
      await c.swf.registerActivityType({ domain: DOMAIN, name: 'Old', version: '1' });
      await c.swf.deprecateActivityType({ domain: DOMAIN, activityType: { name: 'Old', version: '1' } });
      const { after } = await firstDecision('sched-fail', [
        { decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: { name: 'Ghost', version: '1' }, activityId: 'g' } },
        { decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: { name: 'Old', version: '1' }, activityId: 'o' } },
        scheduleActivity('dup'),
        scheduleActivity('dup'),
      ]);
      const failures = after.filter((event) => event.eventType === 'ScheduleActivityTaskFailed').map((event) => event.scheduleActivityTaskFailedEventAttributes);
      expect(failures.map((failure) => [failure?.activityId, failure?.cause])).toEqual([
        ['g', 'ACTIVITY_TYPE_DOES_NOT_EXIST'],
        ['o', 'ACTIVITY_TYPE_DEPRECATED'],
        ['dup', 'ACTIVITY_ID_ALREADY_IN_USE'],
      ]);
      expect(after.at(-1)?.eventType).toBe('DecisionTaskScheduled');
    });

    it('fails with DEFAULT_*_UNDEFINED when neither the decision nor the type gives a value', async () => {
      await c.swf.registerActivityType({ domain: DOMAIN, name: 'Bare', version: '1' });
      const bare = { name: 'Bare', version: '1' };
      const full = { taskList: { name: 'l' }, scheduleToStartTimeout: '1', scheduleToCloseTimeout: '2', startToCloseTimeout: '1', heartbeatTimeout: '1' };
      const without = (key: keyof typeof full) => {
        const { [key]: _omitted, ...rest } = full;
        return rest;
      };
      const { after } = await firstDecision('defaults', [
        { decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: bare, activityId: 'tl', ...without('taskList') } },
        { decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: bare, activityId: 's2s', ...without('scheduleToStartTimeout') } },
        { decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: bare, activityId: 's2c', ...without('scheduleToCloseTimeout') } },
        { decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: bare, activityId: 'st2c', ...without('startToCloseTimeout') } },
        { decisionType: 'ScheduleActivityTask', scheduleActivityTaskDecisionAttributes: { activityType: bare, activityId: 'hb', ...without('heartbeatTimeout') } },
      ]);
      const causes = after.filter((event) => event.eventType === 'ScheduleActivityTaskFailed').map((event) => event.scheduleActivityTaskFailedEventAttributes?.cause);
      expect(causes).toEqual([
        'DEFAULT_TASK_LIST_UNDEFINED',
        'DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED',
        'DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED',
        'DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED',
        'DEFAULT_HEARTBEAT_TIMEOUT_UNDEFINED',
      ]);
    });

    it('fails with OPEN_ACTIVITIES_LIMIT_EXCEEDED beyond 1000 open activities', async () => {
      const decisions = Array.from({ length: 1001 }, (_, index) => scheduleActivity(`a${index}`));
      const { after } = await firstDecision('too-many-activities', decisions);
      expect(after.filter((event) => event.eventType === 'ActivityTaskScheduled')).toHaveLength(1000);
      expect(lastOfType(after, 'ScheduleActivityTaskFailed').scheduleActivityTaskFailedEventAttributes).toMatchObject({ activityId: 'a1000', cause: 'OPEN_ACTIVITIES_LIMIT_EXCEEDED' });
    });
  });

  describe('activity task outcomes', () => {
    it('records ActivityTaskFailed with reason and details, and accepts RespondActivityTaskCanceled without a request', async () => {
      const { runId } = await firstDecision('outcomes', [scheduleActivity('f'), scheduleActivity('x')]);
      const first = await driver.pollActivity();
      const second = await driver.pollActivity();
      const [failing, canceling] = first.activityId === 'f' ? [first, second] : [second, first];
      await c.swf.respondActivityTaskFailed({ taskToken: failing.taskToken, reason: 'CardDeclined', details: '{"code":51}' });
      await c.swf.respondActivityTaskCanceled({ taskToken: canceling.taskToken, details: 'gave up' });
      const events = await driver.history('outcomes', runId);
      expect(lastOfType(events, 'ActivityTaskFailed').activityTaskFailedEventAttributes).toMatchObject({ reason: 'CardDeclined', details: '{"code":51}', startedEventId: failing.startedEventId });
      expect(lastOfType(events, 'ActivityTaskCanceled').activityTaskCanceledEventAttributes).toMatchObject({ details: 'gave up', startedEventId: canceling.startedEventId });
      await expectSwfError(c.swf.respondActivityTaskCompleted({ taskToken: failing.taskToken }), 'UnknownResourceFault');
    });
  });

  describe('RequestCancelActivityTask', () => {
    it('cancels a scheduled activity at once, with startedEventId 0', async () => {
      const { runId } = await firstDecision('cancel-scheduled', [scheduleActivity('a1')]);
      // ActivityTaskScheduled schedules no decision task, so signal to get one.
      await c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'cancel-scheduled', signalName: 'wake' });
      await driver.pollAndDecide([{ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } }]);
      const events = await driver.history('cancel-scheduled', runId);
      expect(types(events)).toContain('ActivityTaskCancelRequested');
      expect(lastOfType(events, 'ActivityTaskCanceled').activityTaskCanceledEventAttributes).toMatchObject({
        startedEventId: 0,
        latestCancelRequestedEventId: lastOfType(events, 'ActivityTaskCancelRequested').eventId,
      });
    });

    it('only requests cancellation of a started activity; the heartbeat reports it', async () => {
      const runId = await driver.start('cancel-started');
      await driver.pollAndDecide([scheduleActivity('a1')]);
      const activity = await driver.pollActivity();
      expect((await c.swf.recordActivityTaskHeartbeat({ taskToken: activity.taskToken })).cancelRequested).toBe(false);
      // The activity start schedules no decision task, so signal to get one.
      await c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'cancel-started', signalName: 'wake' });
      await driver.pollAndDecide([{ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'a1' } }]);
      expect((await driver.eventTypes('cancel-started', runId)).at(-1)).toBe('ActivityTaskCancelRequested');
      expect((await c.swf.recordActivityTaskHeartbeat({ taskToken: activity.taskToken, details: 'stopping' })).cancelRequested).toBe(true);
      await c.swf.respondActivityTaskCanceled({ taskToken: activity.taskToken, details: 'stopped' });
      const events = await driver.history('cancel-started', runId);
      expect(lastOfType(events, 'ActivityTaskCanceled').activityTaskCanceledEventAttributes).toMatchObject({ startedEventId: activity.startedEventId, details: 'stopped' });
    });

    it('fails with ACTIVITY_ID_UNKNOWN for an activity that is not open', async () => {
      const { after } = await firstDecision('cancel-unknown', [{ decisionType: 'RequestCancelActivityTask', requestCancelActivityTaskDecisionAttributes: { activityId: 'nope' } }]);
      expect(lastOfType(after, 'RequestCancelActivityTaskFailed').requestCancelActivityTaskFailedEventAttributes).toMatchObject({ activityId: 'nope', cause: 'ACTIVITY_ID_UNKNOWN' });
      expect(after.at(-1)?.eventType).toBe('DecisionTaskScheduled');
    });
  });

  describe('RecordMarker', () => {
    it('records MarkerRecorded, names need not be unique, and schedules no decision task', async () => {
      const marker = (details: string): Decision => ({ decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'version', details } });
      const { after } = await firstDecision('markers', [marker('1'), marker('2')]);
      expect(types(after)).toEqual(['DecisionTaskCompleted', 'MarkerRecorded', 'MarkerRecorded']);
      expect(after.map((event) => event.markerRecordedEventAttributes?.details).filter(Boolean)).toEqual(['1', '2']);
    });
  });

  describe('StartTimer and CancelTimer', () => {
    it('starts and cancels timers, failing with TIMER_ID_ALREADY_IN_USE and TIMER_ID_UNKNOWN', async () => {
      const { after } = await firstDecision('timers', [
        startTimer('t1', '600'),
        startTimer('t1', '600'),
        startTimer('t2', '0'),
        { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: 't1' } },
        { decisionType: 'CancelTimer', cancelTimerDecisionAttributes: { timerId: 'ghost' } },
      ]);
      expect(types(after).slice(0, 6)).toEqual(['DecisionTaskCompleted', 'TimerStarted', 'StartTimerFailed', 'TimerStarted', 'TimerCanceled', 'CancelTimerFailed']);
      expect(lastOfType(after, 'StartTimerFailed').startTimerFailedEventAttributes).toMatchObject({ timerId: 't1', cause: 'TIMER_ID_ALREADY_IN_USE' });
      expect(lastOfType(after, 'CancelTimerFailed').cancelTimerFailedEventAttributes).toMatchObject({ timerId: 'ghost', cause: 'TIMER_ID_UNKNOWN' });
      expect(lastOfType(after, 'TimerCanceled').timerCanceledEventAttributes).toMatchObject({ timerId: 't1', startedEventId: after[1]?.eventId });
    });

    it('fails with OPEN_TIMERS_LIMIT_EXCEEDED beyond 1000 open timers', async () => {
      const { after } = await firstDecision('too-many-timers', Array.from({ length: 1001 }, (_, index) => startTimer(`t${index}`, '600')));
      expect(lastOfType(after, 'StartTimerFailed').startTimerFailedEventAttributes).toMatchObject({ timerId: 't1000', cause: 'OPEN_TIMERS_LIMIT_EXCEEDED' });
    });
  });

  describe('close decisions', () => {
    const closes: Array<[string, Decision, string, string]> = [
      ['CompleteWorkflowExecution', completeWorkflow('r'), 'WorkflowExecutionCompleted', 'COMPLETED'],
      ['FailWorkflowExecution', { decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason: 'Boom', details: 'd' } }, 'WorkflowExecutionFailed', 'FAILED'],
      ['CancelWorkflowExecution', { decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: { details: 'd' } }, 'WorkflowExecutionCanceled', 'CANCELED'],
    ];
    for (const [name, decision, eventType, closeStatus] of closes) {
      it(`${name} closes the run as ${closeStatus}`, async () => {
        const { runId, after } = await firstDecision(`close-${name}`, [decision]);
        expect(types(after)).toEqual(['DecisionTaskCompleted', eventType]);
        const described = await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: `close-${name}`, runId } });
        expect(described.executionInfo).toMatchObject({ executionStatus: 'CLOSED', closeStatus });
      });

      it(`${name} fails with UNHANDLED_DECISION when an event arrived during the decision`, async () => {
        const runId = await driver.start(`unhandled-${name}`);
        const task = await driver.pollDecision();
        await c.swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: `unhandled-${name}`, signalName: 'late' });
        await driver.decide(task.taskToken, [{ decisionType: 'RecordMarker', recordMarkerDecisionAttributes: { markerName: 'm' } }, decision]);
        const events = await driver.history(`unhandled-${name}`, runId);
        const failedType = `${name}Failed`;
        const failed = lastOfType(events, failedType);
        const key = `${failedType[0]?.toLowerCase()}${failedType.slice(1)}EventAttributes` as keyof HistoryEvent;
        expect(failed[key]).toMatchObject({ cause: 'UNHANDLED_DECISION' });
        expect(types(events)).toContain('MarkerRecorded');
        expect(events.at(-1)?.eventType).toBe('DecisionTaskScheduled');
      });
    }
  });

  describe('a close with other decisions in the same batch', () => {
    it('accepts ScheduleActivityTask and StartTimer before a close, and voids them with the close', async () => {
      const { after } = await firstDecision('close-with-work', [scheduleActivity('a1'), startTimer('t1', '60'), completeWorkflow('done')]);
      expect(types(after)).toEqual(['DecisionTaskCompleted', 'ActivityTaskScheduled', 'TimerStarted', 'WorkflowExecutionCompleted']);
      expect((await c.swf.countPendingActivityTasks({ domain: DOMAIN, taskList: { name: 'activities' } })).count).toBe(0);
    });
  });

  describe('ContinueAsNewWorkflowExecution', () => {
    it('closes the run as CONTINUED_AS_NEW and starts a new run with the carried attributes', async () => {
      const { runId, after } = await firstDecision('continued', [
        { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { input: 'next', tagList: ['gen2'] } },
      ]);
      const continued = lastOfType(after, 'WorkflowExecutionContinuedAsNew').workflowExecutionContinuedAsNewEventAttributes;
      expect(continued).toMatchObject({ input: 'next', tagList: ['gen2'], workflowType: WORKFLOW, taskList: { name: DECISIONS } });
      const newRunId = continued?.newExecutionRunId ?? '';
      expect(newRunId).not.toBe(runId);
      const [started] = await driver.history('continued', newRunId);
      expect(started?.workflowExecutionStartedEventAttributes).toMatchObject({ continuedExecutionRunId: runId, input: 'next', tagList: ['gen2'] });
      const described = await c.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'continued', runId } });
      expect(described.executionInfo?.closeStatus).toBe('CONTINUED_AS_NEW');
    });

    it('fails with WORKFLOW_TYPE_DOES_NOT_EXIST for a version that is not registered', async () => {
      const missing = await firstDecision('can-missing', [
        { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { workflowTypeVersion: '99' } },
      ]);
      expect(lastOfType(missing.after, 'ContinueAsNewWorkflowExecutionFailed').continueAsNewWorkflowExecutionFailedEventAttributes?.cause).toBe('WORKFLOW_TYPE_DOES_NOT_EXIST');
    });

    it('fails with WORKFLOW_TYPE_DEPRECATED when the type was deprecated meanwhile', async () => {
      const runId = await driver.start('can-deprecated');
      const task = await driver.pollDecision();
      await c.swf.deprecateWorkflowType({ domain: DOMAIN, workflowType: WORKFLOW });
      await driver.decide(task.taskToken, [{ decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: {} }]);
      const events = await driver.history('can-deprecated', runId);
      expect(lastOfType(events, 'ContinueAsNewWorkflowExecutionFailed').continueAsNewWorkflowExecutionFailedEventAttributes?.cause).toBe('WORKFLOW_TYPE_DEPRECATED');
    });

    it('fails with DEFAULT_*_UNDEFINED when the new type version has no defaults', async () => {
      await c.swf.registerWorkflowType({ domain: DOMAIN, name: WORKFLOW.name, version: 'bare' });
      const { after } = await firstDecision('can-defaults', [
        { decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { workflowTypeVersion: 'bare', taskStartToCloseTimeout: '10', executionStartToCloseTimeout: '100', childPolicy: 'TERMINATE' } },
      ]);
      expect(lastOfType(after, 'ContinueAsNewWorkflowExecutionFailed').continueAsNewWorkflowExecutionFailedEventAttributes?.cause).toBe('DEFAULT_TASK_LIST_UNDEFINED');
    });
  });

  describe('child workflows', () => {
    const startChild = (workflowId: string, attributes: Record<string, unknown> = {}): Decision => ({
      decisionType: 'StartChildWorkflowExecution',
      startChildWorkflowExecutionDecisionAttributes: { workflowType: WORKFLOW, workflowId, taskList: { name: 'children' }, ...attributes },
    });

    it('starts a child, links both sides and reports its completion to the parent', async () => {
      const { runId, after } = await firstDecision('parent', [startChild('child', { input: 'ci', control: 'ctl' })]);
      const initiated = lastOfType(after, 'StartChildWorkflowExecutionInitiated');
      expect(initiated.startChildWorkflowExecutionInitiatedEventAttributes).toMatchObject({ workflowId: 'child', input: 'ci', control: 'ctl', taskList: { name: 'children' }, childPolicy: 'TERMINATE' });

      const childTask = await driver.pollDecision('children');
      const childRunId = childTask.workflowExecution?.runId ?? '';
      expect(childTask.events[0]?.workflowExecutionStartedEventAttributes).toMatchObject({
        parentWorkflowExecution: { workflowId: 'parent', runId },
        parentInitiatedEventId: initiated.eventId,
        input: 'ci',
      });
      await driver.decide(childTask.taskToken, [completeWorkflow('child-result')]);

      const parentEvents = await driver.history('parent', runId);
      expect(lastOfType(parentEvents, 'ChildWorkflowExecutionStarted').childWorkflowExecutionStartedEventAttributes).toMatchObject({
        workflowExecution: { workflowId: 'child', runId: childRunId },
        initiatedEventId: initiated.eventId,
      });
      expect(lastOfType(parentEvents, 'ChildWorkflowExecutionCompleted').childWorkflowExecutionCompletedEventAttributes).toMatchObject({
        result: 'child-result',
        initiatedEventId: initiated.eventId,
        startedEventId: lastOfType(parentEvents, 'ChildWorkflowExecutionStarted').eventId,
      });
    });

    it('reports a failed, canceled and terminated child to the parent', async () => {
      const { runId } = await firstDecision('parent2', [startChild('c-fail'), startChild('c-cancel'), startChild('c-term')]);
      const answers: Record<string, Decision> = {
        'c-fail': { decisionType: 'FailWorkflowExecution', failWorkflowExecutionDecisionAttributes: { reason: 'R', details: 'D' } },
        'c-cancel': { decisionType: 'CancelWorkflowExecution', cancelWorkflowExecutionDecisionAttributes: {} },
      };
      for (let index = 0; index < 3; index += 1) {
        const task = await driver.pollDecision('children');
        const decision = answers[task.workflowExecution?.workflowId ?? ''];
        if (decision !== undefined) await driver.decide(task.taskToken, [decision]);
      }
      await c.swf.terminateWorkflowExecution({ domain: DOMAIN, workflowId: 'c-term' });
      const parentEvents = await driver.history('parent2', runId);
      expect(lastOfType(parentEvents, 'ChildWorkflowExecutionFailed').childWorkflowExecutionFailedEventAttributes).toMatchObject({ reason: 'R', details: 'D' });
      expect(types(parentEvents)).toContain('ChildWorkflowExecutionCanceled');
      expect(lastOfType(parentEvents, 'ChildWorkflowExecutionTerminated').childWorkflowExecutionTerminatedEventAttributes?.workflowExecution?.workflowId).toBe('c-term');
    });

    it('fails with WORKFLOW_TYPE_DOES_NOT_EXIST, WORKFLOW_TYPE_DEPRECATED, WORKFLOW_ALREADY_RUNNING and DEFAULT_*_UNDEFINED', async () => {
      await driver.start('busy');
      await c.swf.registerWorkflowType({ domain: DOMAIN, name: 'Old', version: '1', defaultTaskList: { name: 'x' }, defaultTaskStartToCloseTimeout: '1', defaultExecutionStartToCloseTimeout: '1', defaultChildPolicy: 'TERMINATE' });
      await c.swf.deprecateWorkflowType({ domain: DOMAIN, workflowType: { name: 'Old', version: '1' } });
      await c.swf.registerWorkflowType({ domain: DOMAIN, name: 'Bare', version: '1' });
      // The 'busy' run's own first decision task comes first; answer it with nothing.
      await driver.pollAndDecide([]);
      const { after } = await firstDecision('parent3', [
        startChild('c1', { workflowType: { name: 'Ghost', version: '1' } }),
        startChild('c2', { workflowType: { name: 'Old', version: '1' } }),
        startChild('busy'),
        startChild('c4', { workflowType: { name: 'Bare', version: '1' }, taskList: { name: 'l' }, executionStartToCloseTimeout: '10', taskStartToCloseTimeout: '10' }),
      ]);
      const failures = after.filter((event) => event.eventType === 'StartChildWorkflowExecutionFailed').map((event) => event.startChildWorkflowExecutionFailedEventAttributes);
      // WORKFLOW_ALREADY_RUNNING is found after the Initiated event, so its failure may come later in the history.
      expect(failures.map((failure) => [failure?.workflowId, failure?.cause]).sort()).toEqual([
        ['busy', 'WORKFLOW_ALREADY_RUNNING'],
        ['c1', 'WORKFLOW_TYPE_DOES_NOT_EXIST'],
        ['c2', 'WORKFLOW_TYPE_DEPRECATED'],
        ['c4', 'DEFAULT_CHILD_POLICY_UNDEFINED'],
      ]);
    });

    for (const [policy, expected] of [
      ['TERMINATE', 'WorkflowExecutionTerminated'],
      ['REQUEST_CANCEL', 'WorkflowExecutionCancelRequested'],
      ['ABANDON', undefined],
    ] as const) {
      it(`applies the parent's ${policy} child policy to open children when the parent closes`, async () => {
        await firstDecision(`p-${policy}`, [startChild(`c-${policy}`)], { childPolicy: policy });
        const childTask = await driver.pollDecision('children');
        const childRunId = childTask.workflowExecution?.runId ?? '';
        await driver.decide(childTask.taskToken, []);
        await driver.pollAndDecide([completeWorkflow()]);
        const childEvents = await driver.history(`c-${policy}`, childRunId);
        if (expected === undefined) {
          expect(childEvents.at(-1)?.eventType).not.toMatch(/Terminated|CancelRequested/);
          return;
        }
        const applied = lastOfType(childEvents, expected);
        const attributes = expected === 'WorkflowExecutionTerminated' ? applied.workflowExecutionTerminatedEventAttributes : applied.workflowExecutionCancelRequestedEventAttributes;
        expect(attributes?.cause).toBe('CHILD_POLICY_APPLIED');
      });
    }
  });

  describe('SignalExternalWorkflowExecution and RequestCancelExternalWorkflowExecution', () => {
    it('signals and cancels another run, recording both sides', async () => {
      const targetRunId = await driver.start('target');
      await driver.pollAndDecide([]);
      const { runId, after } = await firstDecision('sender', [
        { decisionType: 'SignalExternalWorkflowExecution', signalExternalWorkflowExecutionDecisionAttributes: { workflowId: 'target', signalName: 'ping', input: 'p' } },
        { decisionType: 'RequestCancelExternalWorkflowExecution', requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId: 'target', runId: targetRunId } },
      ]);
      expect(types(after).slice(0, 3)).toEqual(['DecisionTaskCompleted', 'SignalExternalWorkflowExecutionInitiated', 'RequestCancelExternalWorkflowExecutionInitiated']);
      const senderEvents = await driver.history('sender', runId);
      const signalInitiated = lastOfType(senderEvents, 'SignalExternalWorkflowExecutionInitiated');
      expect(lastOfType(senderEvents, 'ExternalWorkflowExecutionSignaled').externalWorkflowExecutionSignaledEventAttributes?.initiatedEventId).toBe(signalInitiated.eventId);
      expect(types(senderEvents)).toContain('ExternalWorkflowExecutionCancelRequested');

      const targetEvents = await driver.history('target', targetRunId);
      expect(lastOfType(targetEvents, 'WorkflowExecutionSignaled').workflowExecutionSignaledEventAttributes).toMatchObject({
        signalName: 'ping',
        input: 'p',
        externalInitiatedEventId: signalInitiated.eventId,
        externalWorkflowExecution: { workflowId: 'sender', runId },
      });
      expect(lastOfType(targetEvents, 'WorkflowExecutionCancelRequested').workflowExecutionCancelRequestedEventAttributes?.externalWorkflowExecution).toEqual({ workflowId: 'sender', runId });
    });

    it('fails both with UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION for a run that does not exist', async () => {
      const { runId } = await firstDecision('lonely', [
        { decisionType: 'SignalExternalWorkflowExecution', signalExternalWorkflowExecutionDecisionAttributes: { workflowId: 'nobody', signalName: 's' } },
        { decisionType: 'RequestCancelExternalWorkflowExecution', requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId: 'nobody' } },
      ]);
      const events = await driver.history('lonely', runId);
      expect(lastOfType(events, 'SignalExternalWorkflowExecutionFailed').signalExternalWorkflowExecutionFailedEventAttributes?.cause).toBe('UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION');
      expect(lastOfType(events, 'RequestCancelExternalWorkflowExecutionFailed').requestCancelExternalWorkflowExecutionFailedEventAttributes?.cause).toBe('UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION');
    });
  });

  describe('ScheduleLambdaFunction', () => {
    const lambda = (id: string, name: string, input?: string): Decision => ({
      decisionType: 'ScheduleLambdaFunction',
      scheduleLambdaFunctionDecisionAttributes: { id, name, ...(input !== undefined && { input }) },
    });
    const withRole = { lambdaRole: 'arn:aws:iam::123456789012:role/swirl' };

    it('runs a registered handler: Scheduled, Started, Completed', async () => {
      const { runId } = await firstDecision('lambda-ok', [lambda('l1', 'double', '21')], withRole);
      await driver.pollDecision();
      const events = await driver.history('lambda-ok', runId);
      expect(types(events)).toEqual(expect.arrayContaining(['LambdaFunctionScheduled', 'LambdaFunctionStarted', 'LambdaFunctionCompleted']));
      expect(lastOfType(events, 'LambdaFunctionCompleted').lambdaFunctionCompletedEventAttributes?.result).toBe('42');
    });

    it('records LambdaFunctionFailed when the handler throws', async () => {
      const { runId } = await firstDecision('lambda-fail', [lambda('l1', 'explode')], withRole);
      await driver.pollDecision();
      const failed = lastOfType(await driver.history('lambda-fail', runId), 'LambdaFunctionFailed');
      expect(failed.lambdaFunctionFailedEventAttributes?.reason).toEqual(expect.any(String));
    });

    it('fails with ID_ALREADY_IN_USE for a duplicate open id', async () => {
      const { after } = await firstDecision('lambda-dup', [lambda('same', 'double', '1'), lambda('same', 'double', '1')], withRole);
      expect(lastOfType(after, 'ScheduleLambdaFunctionFailed').scheduleLambdaFunctionFailedEventAttributes?.cause).toBe('ID_ALREADY_IN_USE');
    });

    it('records StartLambdaFunctionFailed with ASSUME_ROLE_FAILED when the run has no lambdaRole', async () => {
      const { runId } = await firstDecision('lambda-norole', [lambda('l1', 'double', '1')]);
      await driver.pollDecision();
      const failed = lastOfType(await driver.history('lambda-norole', runId), 'StartLambdaFunctionFailed');
      expect(failed.startLambdaFunctionFailedEventAttributes).toMatchObject({
        cause: 'ASSUME_ROLE_FAILED',
        message: 'No IAM role is attached to the current workflow execution.',
      });
    });

    it('fails with LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION when no handler has that name', async () => {
      const { after } = await firstDecision('lambda-unknown', [lambda('l1', 'no-such-function')], withRole);
      expect(lastOfType(after, 'ScheduleLambdaFunctionFailed').scheduleLambdaFunctionFailedEventAttributes).toMatchObject({
        id: 'l1',
        name: 'no-such-function',
        cause: 'LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION',
      });
    });
  });
});
