/**
 * One specification per SWF history event type: the map below must name all 54 (it is checked
 * against the SDK's `EventType`), and each case drives the runtime through a built history.
 * Every `decide()` also checks that a fresh full replay decides exactly the same.
 */
import type { EventType } from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { WorkflowRuntime, WorkflowRuntimeError, Workflow, type WorkflowLogger } from '../src/index.js';
import { Greetings, capture } from './helpers/fixtures.js';
import { decisionTypes, summarize, WorkflowDriver, START_TIME } from './helpers/history-builder.js';
import { completedWith, Probe, type ProbeOp } from './helpers/probe-workflow.js';

const probe = (op: ProbeOp, options: ConstructorParameters<typeof WorkflowDriver>[2] = {}) => new WorkflowDriver(Probe, { op }, options);

const CHILD = { workflowId: 'child-1', runId: 'child-run-1' };
const CHILD_TYPE = { name: 'EchoChild', version: '1' };
const OTHER = { workflowId: 'other', runId: 'other-run' };

/** A Probe for a child workflow whose child has started; returns the driver and the ids to link to. */
async function startedChild() {
  const driver = probe('child');
  await driver.decide();
  const initiatedEventId = driver.history.childInitiatedId('child-1');
  const startedEventId = driver.history.add('ChildWorkflowExecutionStarted', { initiatedEventId, workflowExecution: CHILD, workflowType: CHILD_TYPE });
  return { driver, initiatedEventId, startedEventId };
}

async function scheduledLambda() {
  const driver = probe('lambda');
  expect(summarize(await driver.decide())).toEqual([{ type: 'ScheduleLambdaFunction', attrs: { id: 'l1', name: 'fn', input: '{"a":1}' } }]);
  const scheduledEventId = driver.history.find('LambdaFunctionScheduled');
  const startedEventId = driver.history.add('LambdaFunctionStarted', { scheduledEventId });
  return { driver, scheduledEventId, startedEventId };
}

class Greeter extends Workflow<{ name: string }, string> {
  static readonly type = { name: 'Greeter', version: '1' };
  async execute({ name }: { name: string }): Promise<string> {
    return `${name} at ${this.now().toISOString()}`;
  }
}

class Closer extends Workflow<{ how: 'complete' | 'fail' | 'cancel' | 'continue' }, string> {
  static readonly type = { name: 'Closer', version: '1' };
  async execute({ how }: { how: 'complete' | 'fail' | 'cancel' | 'continue' }): Promise<string> {
    await this.sleep('1s');
    if (how === 'fail') throw new (await import('@swirl/core')).ApplicationFailure({ message: 'no', type: 'Nope' });
    if (how === 'continue') return this.continueAsNew({ how: 'complete' });
    if (how === 'cancel') {
      await this.condition(() => false);
    }
    return 'done';
  }
}

const CASES = {
  // ---- the run -----------------------------------------------------------------------------------
  WorkflowExecutionStarted: async () => {
    const driver = new WorkflowDriver(Greeter, { name: 'ada' });
    const decisions = await driver.decide();
    expect(completedWith(decisions)).toBe(`ada at ${new Date(START_TIME).toISOString()}`);
  },
  WorkflowExecutionCancelRequested: async () => {
    const driver = probe('waitForCancel');
    expect(await driver.decide()).toEqual([]);
    driver.history.requestCancel();
    expect(completedWith(await driver.decide())).toBe('err:CancelledFailure');
  },
  WorkflowExecutionSignaled: async () => {
    class Inbox extends Workflow<void, unknown> {
      static readonly type = { name: 'Inbox', version: '1' };
      async execute(): Promise<unknown> {
        const received: unknown[] = [];
        await this.sleep('1s'); // the signal arrives before the handler exists: it is buffered
        this.setHandler({ kind: 'signal', name: 'add' }, (value) => void received.push(value));
        await this.condition(() => received.length === 2);
        return received;
      }
    }
    const driver = new WorkflowDriver(Inbox);
    await driver.decide();
    driver.history.signal('add', '1');
    driver.history.fireTimer('t1');
    expect(await driver.decide()).toEqual([]);
    driver.history.signal('add', '{"two":2}');
    expect(completedWith(await driver.decide())).toEqual([1, { two: 2 }]);
  },
  WorkflowExecutionCompleted: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'complete' });
    await driver.decide();
    driver.history.fireTimer('t1');
    expect(decisionTypes(await driver.decide())).toEqual(['CompleteWorkflowExecution']);
    expect(driver.history.events.at(-1)?.eventType).toBe('WorkflowExecutionCompleted');
    expect(await new WorkflowRuntime(driver.options).activate(driver.history.events)).toEqual({ decisions: [] });
  },
  WorkflowExecutionFailed: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'fail' });
    await driver.decide();
    driver.history.fireTimer('t1');
    const [fail] = summarize(await driver.decide());
    expect(fail?.type).toBe('FailWorkflowExecution');
    expect(fail?.attrs.reason).toBe('Nope');
    expect(JSON.parse(String(fail?.attrs.details))).toMatchObject({ message: 'no' });
    expect(await new WorkflowRuntime(driver.options).activate(driver.history.events)).toEqual({ decisions: [] });
  },
  WorkflowExecutionCanceled: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'cancel' });
    await driver.decide();
    driver.history.fireTimer('t1');
    expect(await driver.decide()).toEqual([]);
    driver.history.requestCancel();
    expect(decisionTypes(await driver.decide())).toEqual(['CancelWorkflowExecution']);
    expect(driver.history.events.at(-1)?.eventType).toBe('WorkflowExecutionCanceled');
  },
  WorkflowExecutionContinuedAsNew: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'continue' });
    await driver.decide();
    driver.history.fireTimer('t1');
    const [next] = summarize(await driver.decide());
    expect(next).toEqual({
      type: 'ContinueAsNewWorkflowExecution',
      attrs: {
        input: '{"how":"complete"}',
        taskList: { name: 'decisions' },
        executionStartToCloseTimeout: '3600',
        taskStartToCloseTimeout: '30',
        childPolicy: 'TERMINATE',
      },
    });
    expect(driver.history.events.at(-1)?.eventType).toBe('WorkflowExecutionContinuedAsNew');
  },
  WorkflowExecutionTimedOut: async () => {
    const driver = probe('timer');
    await driver.decide();
    driver.history.add('WorkflowExecutionTimedOut', { timeoutType: 'START_TO_CLOSE', childPolicy: 'TERMINATE' });
    expect(await new WorkflowRuntime(driver.options).activate(driver.history.events)).toEqual({ decisions: [] });
  },
  WorkflowExecutionTerminated: async () => {
    const driver = probe('timer');
    await driver.decide();
    driver.history.add('WorkflowExecutionTerminated', { childPolicy: 'TERMINATE', reason: 'operator' });
    expect(await new WorkflowRuntime(driver.options).activate(driver.history.events)).toEqual({ decisions: [] });
  },
  CompleteWorkflowExecutionFailed: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'complete' });
    await driver.decide();
    driver.history.fireTimer('t1');
    await driver.decide((decision, dtc, history) =>
      decision.decisionType === 'CompleteWorkflowExecution' ? history.add('CompleteWorkflowExecutionFailed', { cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId: dtc }) : undefined,
    );
    driver.history.signal('late');
    expect(summarize(await driver.decide())).toEqual([{ type: 'CompleteWorkflowExecution', attrs: { result: '"done"' } }]);
  },
  FailWorkflowExecutionFailed: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'fail' });
    await driver.decide();
    driver.history.fireTimer('t1');
    await driver.decide((decision, dtc, history) =>
      decision.decisionType === 'FailWorkflowExecution' ? history.add('FailWorkflowExecutionFailed', { cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId: dtc }) : undefined,
    );
    driver.history.signal('late');
    expect(decisionTypes(await driver.decide())).toEqual(['FailWorkflowExecution']);
  },
  CancelWorkflowExecutionFailed: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'cancel' });
    await driver.decide();
    driver.history.requestCancel();
    driver.history.fireTimer('t1');
    await driver.decide((decision, dtc, history) =>
      decision.decisionType === 'CancelWorkflowExecution' ? history.add('CancelWorkflowExecutionFailed', { cause: 'UNHANDLED_DECISION', decisionTaskCompletedEventId: dtc }) : undefined,
    );
    driver.history.signal('late');
    expect(decisionTypes(await driver.decide())).toEqual(['CancelWorkflowExecution']);
  },
  ContinueAsNewWorkflowExecutionFailed: async () => {
    const driver = new WorkflowDriver(Closer, { how: 'continue' });
    await driver.decide();
    driver.history.fireTimer('t1');
    await driver.decide((decision, dtc, history) =>
      decision.decisionType === 'ContinueAsNewWorkflowExecution'
        ? history.add('ContinueAsNewWorkflowExecutionFailed', { cause: 'WORKFLOW_TYPE_DEPRECATED', decisionTaskCompletedEventId: dtc })
        : undefined,
    );
    const [fail] = summarize(await driver.decide());
    expect(fail?.type).toBe('FailWorkflowExecution');
    expect(fail?.attrs.reason).toBe('SwfCauseFailure');
    expect(String(fail?.attrs.details)).toContain('WORKFLOW_TYPE_DEPRECATED');
  },

  // ---- decision tasks ------------------------------------------------------------------------------
  DecisionTaskScheduled: async () => {
    // Events recorded after DecisionTaskScheduled but before it started belong to that task.
    const driver = probe('waitForCancel');
    driver.history.add('DecisionTaskScheduled', { taskList: { name: 'decisions' }, startToCloseTimeout: '30' });
    driver.history.requestCancel();
    const startedId = driver.history.add('DecisionTaskStarted', { scheduledEventId: 2 });
    const { decisions } = await driver.runtime.activate(driver.history.events);
    expect(completedWith(decisions)).toBe('err:CancelledFailure');
    expect(driver.runtime.processedStartedEventId).toBe(startedId);
  },
  DecisionTaskStarted: async () => {
    const driver = new WorkflowDriver(Greeter, { name: 'ada' });
    driver.history.advance(5_000);
    expect(completedWith(await driver.decide())).toBe(`ada at ${new Date(START_TIME + 5_000).toISOString()}`);
  },
  DecisionTaskCompleted: async () => {
    // A cancel request recorded while the decider worked (between Started and Completed) reaches the next task.
    const driver = probe('waitForCancel');
    const startedId = driver.history.startDecisionTask();
    const first = await new WorkflowRuntime(driver.options).activate(driver.history.events);
    expect(first.decisions).toEqual([]);
    driver.history.requestCancel();
    driver.history.completeDecisionTask(startedId, first.decisions);
    driver.history.startDecisionTask();
    expect(completedWith(await driver.replayFresh())).toBe('err:CancelledFailure');
  },
  DecisionTaskTimedOut: async () => {
    const driver = probe('timer');
    const startedId = driver.history.startDecisionTask();
    const runtime = new WorkflowRuntime(driver.options);
    expect(decisionTypes((await runtime.activate(driver.history.events)).decisions)).toEqual(['StartTimer']);
    driver.history.timeOutDecisionTask(startedId);
    const retryStart = driver.history.events.length;
    driver.history.startDecisionTask();
    // The sticky runtime applied decisions SWF dropped: it refuses, and a full replay decides afresh.
    await expect(runtime.activate(driver.history.events.slice(retryStart - 1))).rejects.toThrow(WorkflowRuntimeError);
    expect(decisionTypes(await driver.replayFresh())).toEqual(['StartTimer']);
  },

  // ---- activities ----------------------------------------------------------------------------------
  ActivityTaskScheduled: async () => {
    const driver = probe('activity');
    expect(decisionTypes(await driver.decide())).toEqual(['ScheduleActivityTask']);
    expect(driver.history.events.at(-1)?.eventType).toBe('ActivityTaskScheduled');
    expect(await driver.decide()).toEqual([]); // confirmed: nothing is scheduled twice
  },
  ScheduleActivityTaskFailed: async () => {
    const driver = probe('activity');
    await driver.decide((decision, dtc, history) =>
      history.add('ScheduleActivityTaskFailed', {
        activityId: decision.scheduleActivityTaskDecisionAttributes!.activityId!,
        activityType: decision.scheduleActivityTaskDecisionAttributes!.activityType!,
        cause: 'ACTIVITY_TYPE_DOES_NOT_EXIST',
        decisionTaskCompletedEventId: dtc,
      }),
    );
    expect(completedWith(await driver.decide())).toBe('err:ActivityFailure>SwfCauseFailure(ACTIVITY_TYPE_DOES_NOT_EXIST)');
  },
  ActivityTaskStarted: async () => {
    const driver = probe('activity');
    await driver.decide();
    driver.history.activityStarted('a1');
    expect(await driver.decide()).toEqual([]);
  },
  ActivityTaskCompleted: async () => {
    const driver = probe('activity');
    await driver.decide();
    driver.history.completeActivity('a1', '"hello x"');
    expect(completedWith(await driver.decide())).toBe('ok:"hello x"');
  },
  ActivityTaskFailed: async () => {
    const driver = probe('activity');
    await driver.decide();
    driver.history.failActivity('a1', 'PaymentDeclined', JSON.stringify({ message: 'card declined', type: 'PaymentDeclined' }));
    expect(completedWith(await driver.decide())).toBe('err:ActivityFailure>ApplicationFailure(PaymentDeclined)');
  },
  ActivityTaskTimedOut: async () => {
    const driver = probe('activity');
    await driver.decide();
    driver.history.add('ActivityTaskTimedOut', { scheduledEventId: driver.history.activityScheduledId('a1'), startedEventId: 0, timeoutType: 'SCHEDULE_TO_START' });
    expect(completedWith(await driver.decide())).toBe('err:ActivityFailure>TimeoutFailure(SCHEDULE_TO_START)');
  },
  ActivityTaskCancelRequested: async () => {
    const driver = probe('cancelActivity');
    expect(decisionTypes(await driver.decide())).toEqual(['ScheduleActivityTask', 'StartTimer']);
    driver.history.fireTimer('t1');
    expect(summarize(await driver.decide())).toEqual([{ type: 'RequestCancelActivityTask', attrs: { activityId: 'a1' } }]);
    expect(driver.history.events.at(-1)?.eventType).toBe('ActivityTaskCancelRequested');
    expect(await driver.decide()).toEqual([]); // still waiting for the activity's closing event
  },
  ActivityTaskCanceled: async () => {
    const driver = probe('cancelActivity');
    await driver.decide();
    driver.history.fireTimer('t1');
    await driver.decide();
    driver.history.add('ActivityTaskCanceled', {
      scheduledEventId: driver.history.activityScheduledId('a1'),
      startedEventId: 0,
      latestCancelRequestedEventId: driver.history.find('ActivityTaskCancelRequested'),
    });
    expect(completedWith(await driver.decide())).toBe('err:ActivityFailure>CancelledFailure');
  },
  RequestCancelActivityTaskFailed: async () => {
    const driver = probe('cancelActivity');
    await driver.decide();
    driver.history.fireTimer('t1');
    await driver.decide((decision, dtc, history) =>
      history.add('RequestCancelActivityTaskFailed', { activityId: decision.requestCancelActivityTaskDecisionAttributes!.activityId!, cause: 'ACTIVITY_ID_UNKNOWN', decisionTaskCompletedEventId: dtc }),
    );
    driver.history.completeActivity('a1', '"finished anyway"');
    expect(completedWith(await driver.decide())).toBe('ok:"finished anyway"');
  },

  // ---- markers -------------------------------------------------------------------------------------
  MarkerRecorded: async () => {
    const driver = probe('marker');
    expect(summarize(await driver.decide())).toEqual([
      { type: 'RecordMarker', attrs: { markerName: 'note', details: '{"x":1}' } },
      { type: 'StartTimer', attrs: { timerId: 't1', startToFireTimeout: '1' } },
    ]);
    driver.history.fireTimer('t1');
    expect(completedWith(await driver.decide())).toBe('ok:undefined');
  },
  RecordMarkerFailed: async () => {
    const warnings: unknown[] = [];
    const logger: WorkflowLogger = { debug: () => undefined, info: () => undefined, error: () => undefined, warn: (fields: unknown) => void warnings.push(fields) };
    const driver = probe('marker', { logger });
    await driver.decide((decision, dtc, history) =>
      decision.decisionType === 'RecordMarker'
        ? history.add('RecordMarkerFailed', { markerName: 'note', cause: 'OPERATION_NOT_PERMITTED', decisionTaskCompletedEventId: dtc })
        : undefined,
    );
    driver.history.fireTimer('t1');
    expect(completedWith(await driver.decide())).toBe('ok:undefined');
    // Logged when the failure was decided live (by the sticky runtime and by driver's fresh check)...
    expect(warnings).toEqual([
      expect.objectContaining({ markerName: 'note', cause: 'OPERATION_NOT_PERMITTED' }),
      expect.objectContaining({ markerName: 'note', cause: 'OPERATION_NOT_PERMITTED' }),
    ]);
    // ...and never while replaying it.
    warnings.length = 0;
    await new WorkflowRuntime(driver.options).activate(driver.history.events);
    expect(warnings).toEqual([]);
  },

  // ---- timers --------------------------------------------------------------------------------------
  TimerStarted: async () => {
    const driver = probe('timer');
    expect(summarize(await driver.decide())).toEqual([{ type: 'StartTimer', attrs: { timerId: 't1', startToFireTimeout: '60' } }]);
    expect(await driver.decide()).toEqual([]);
  },
  StartTimerFailed: async () => {
    const driver = probe('timer');
    await driver.decide((decision, dtc, history) =>
      history.add('StartTimerFailed', { timerId: decision.startTimerDecisionAttributes!.timerId!, cause: 'TIMER_ID_ALREADY_IN_USE', decisionTaskCompletedEventId: dtc }),
    );
    expect(completedWith(await driver.decide())).toBe('err:SwfCauseFailure(TIMER_ID_ALREADY_IN_USE)');
  },
  TimerFired: async () => {
    const driver = probe('timer');
    await driver.decide();
    driver.history.fireTimer('t1');
    expect(completedWith(await driver.decide())).toBe('ok:undefined');
  },
  TimerCanceled: async () => {
    const driver = probe('cancelTimer');
    expect(decisionTypes(await driver.decide())).toEqual(['StartTimer', 'ScheduleActivityTask']);
    driver.history.completeActivity('a1');
    const decisions = await driver.decide();
    expect(summarize(decisions)[0]).toEqual({ type: 'CancelTimer', attrs: { timerId: 't1' } });
    expect(completedWith(decisions)).toBe('err:CancelledFailure');
    expect(driver.history.find('TimerCanceled')).toBeGreaterThan(0);
  },
  CancelTimerFailed: async () => {
    const driver = probe('cancelTimer');
    await driver.decide();
    driver.history.completeActivity('a1');
    await driver.decide((decision, dtc, history) =>
      decision.decisionType === 'CancelTimer' ? history.add('CancelTimerFailed', { timerId: 't1', cause: 'TIMER_ID_UNKNOWN', decisionTaskCompletedEventId: dtc }) : undefined,
    );
    driver.history.fireTimer('t1'); // the timer had fired already: its firing changes nothing now
    expect(await driver.decide()).toEqual([]);
  },

  // ---- child workflows ---------------------------------------------------------------------------
  StartChildWorkflowExecutionInitiated: async () => {
    const driver = probe('child');
    expect(summarize(await driver.decide())).toEqual([
      { type: 'StartChildWorkflowExecution', attrs: { workflowType: CHILD_TYPE, workflowId: 'child-1', input: '"c"' } },
    ]);
    expect(await driver.decide()).toEqual([]);
  },
  StartChildWorkflowExecutionFailed: async () => {
    const driver = probe('child');
    await driver.decide((_decision, dtc, history) =>
      history.add('StartChildWorkflowExecutionFailed', {
        workflowId: 'child-1',
        workflowType: CHILD_TYPE,
        cause: 'WORKFLOW_TYPE_DOES_NOT_EXIST',
        initiatedEventId: 0,
        decisionTaskCompletedEventId: dtc,
      }),
    );
    expect(completedWith(await driver.decide())).toBe('err:ChildWorkflowFailure>SwfCauseFailure(WORKFLOW_TYPE_DOES_NOT_EXIST)');
  },
  ChildWorkflowExecutionStarted: async () => {
    const { driver } = await startedChild();
    expect(await driver.decide()).toEqual([]);
  },
  ChildWorkflowExecutionCompleted: async () => {
    const { driver, initiatedEventId, startedEventId } = await startedChild();
    driver.history.add('ChildWorkflowExecutionCompleted', { initiatedEventId, startedEventId, workflowExecution: CHILD, workflowType: CHILD_TYPE, result: '"c"' });
    expect(completedWith(await driver.decide())).toBe('ok:"c"');
  },
  ChildWorkflowExecutionFailed: async () => {
    const { driver, initiatedEventId, startedEventId } = await startedChild();
    driver.history.add('ChildWorkflowExecutionFailed', { initiatedEventId, startedEventId, workflowExecution: CHILD, workflowType: CHILD_TYPE, reason: 'Boom' });
    expect(completedWith(await driver.decide())).toBe('err:ChildWorkflowFailure>ApplicationFailure(Boom)');
  },
  ChildWorkflowExecutionTimedOut: async () => {
    const { driver, initiatedEventId, startedEventId } = await startedChild();
    driver.history.add('ChildWorkflowExecutionTimedOut', { initiatedEventId, startedEventId, workflowExecution: CHILD, workflowType: CHILD_TYPE, timeoutType: 'START_TO_CLOSE' });
    expect(completedWith(await driver.decide())).toBe('err:ChildWorkflowFailure>TimeoutFailure(START_TO_CLOSE)');
  },
  ChildWorkflowExecutionCanceled: async () => {
    const driver = probe('cancelChild');
    await driver.decide();
    const initiatedEventId = driver.history.childInitiatedId('child-1');
    const startedEventId = driver.history.add('ChildWorkflowExecutionStarted', { initiatedEventId, workflowExecution: CHILD, workflowType: CHILD_TYPE });
    expect(summarize(await driver.decide())).toEqual([{ type: 'RequestCancelExternalWorkflowExecution', attrs: CHILD }]);
    driver.history.add('ChildWorkflowExecutionCanceled', { initiatedEventId, startedEventId, workflowExecution: CHILD, workflowType: CHILD_TYPE });
    expect(completedWith(await driver.decide())).toBe('err:ChildWorkflowFailure>CancelledFailure');
  },
  ChildWorkflowExecutionTerminated: async () => {
    const { driver, initiatedEventId, startedEventId } = await startedChild();
    driver.history.add('ChildWorkflowExecutionTerminated', { initiatedEventId, startedEventId, workflowExecution: CHILD, workflowType: CHILD_TYPE });
    expect(completedWith(await driver.decide())).toBe('err:ChildWorkflowFailure>TerminatedFailure');
  },

  // ---- other executions ----------------------------------------------------------------------------
  SignalExternalWorkflowExecutionInitiated: async () => {
    const driver = probe('signalExternal');
    expect(summarize(await driver.decide())).toEqual([{ type: 'SignalExternalWorkflowExecution', attrs: { workflowId: 'other', signalName: 'ping', input: '1' } }]);
    expect(await driver.decide()).toEqual([]);
  },
  SignalExternalWorkflowExecutionFailed: async () => {
    const driver = probe('signalExternal');
    await driver.decide();
    const initiatedEventId = driver.history.find('SignalExternalWorkflowExecutionInitiated');
    const dtc = driver.history.events[initiatedEventId - 1]!.signalExternalWorkflowExecutionInitiatedEventAttributes!.decisionTaskCompletedEventId!;
    driver.history.add('SignalExternalWorkflowExecutionFailed', { workflowId: 'other', cause: 'UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION', initiatedEventId, decisionTaskCompletedEventId: dtc });
    expect(completedWith(await driver.decide())).toBe('err:SwfCauseFailure(UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION)');
  },
  ExternalWorkflowExecutionSignaled: async () => {
    const driver = probe('signalExternal');
    await driver.decide();
    driver.history.add('ExternalWorkflowExecutionSignaled', { initiatedEventId: driver.history.find('SignalExternalWorkflowExecutionInitiated'), workflowExecution: OTHER });
    expect(completedWith(await driver.decide())).toBe('ok:undefined');
  },
  RequestCancelExternalWorkflowExecutionInitiated: async () => {
    const driver = probe('cancelExternal');
    expect(summarize(await driver.decide())).toEqual([{ type: 'RequestCancelExternalWorkflowExecution', attrs: { workflowId: 'other' } }]);
    expect(await driver.decide()).toEqual([]);
  },
  RequestCancelExternalWorkflowExecutionFailed: async () => {
    const driver = probe('cancelExternal');
    await driver.decide((decision, dtc, history) =>
      history.add('RequestCancelExternalWorkflowExecutionFailed', {
        workflowId: decision.requestCancelExternalWorkflowExecutionDecisionAttributes!.workflowId!,
        cause: 'OPERATION_NOT_PERMITTED',
        initiatedEventId: 0,
        decisionTaskCompletedEventId: dtc,
      }),
    );
    expect(completedWith(await driver.decide())).toBe('err:SwfCauseFailure(OPERATION_NOT_PERMITTED)');
  },
  ExternalWorkflowExecutionCancelRequested: async () => {
    const driver = probe('cancelExternal');
    await driver.decide();
    driver.history.add('ExternalWorkflowExecutionCancelRequested', { initiatedEventId: driver.history.find('RequestCancelExternalWorkflowExecutionInitiated'), workflowExecution: OTHER });
    expect(completedWith(await driver.decide())).toBe('ok:undefined');
  },

  // ---- lambda functions ----------------------------------------------------------------------------
  LambdaFunctionScheduled: async () => {
    const driver = probe('lambda');
    await driver.decide();
    expect(driver.history.events.at(-1)?.eventType).toBe('LambdaFunctionScheduled');
    expect(await driver.decide()).toEqual([]);
  },
  ScheduleLambdaFunctionFailed: async () => {
    const driver = probe('lambda');
    await driver.decide((_decision, dtc, history) => history.add('ScheduleLambdaFunctionFailed', { id: 'l1', name: 'fn', cause: 'ID_ALREADY_IN_USE', decisionTaskCompletedEventId: dtc }));
    expect(completedWith(await driver.decide())).toBe('err:SwfCauseFailure(ID_ALREADY_IN_USE)');
  },
  LambdaFunctionStarted: async () => {
    const { driver } = await scheduledLambda();
    expect(await driver.decide()).toEqual([]);
  },
  StartLambdaFunctionFailed: async () => {
    const driver = probe('lambda');
    await driver.decide();
    driver.history.add('StartLambdaFunctionFailed', {
      scheduledEventId: driver.history.find('LambdaFunctionScheduled'),
      cause: 'ASSUME_ROLE_FAILED',
      message: 'No IAM role is attached to the current workflow execution.',
    });
    expect(completedWith(await driver.decide())).toBe('err:SwfCauseFailure(ASSUME_ROLE_FAILED)');
  },
  LambdaFunctionCompleted: async () => {
    const { driver, scheduledEventId, startedEventId } = await scheduledLambda();
    driver.history.add('LambdaFunctionCompleted', { scheduledEventId, startedEventId, result: '5' });
    expect(completedWith(await driver.decide())).toBe('ok:5');
  },
  LambdaFunctionFailed: async () => {
    const { driver, scheduledEventId, startedEventId } = await scheduledLambda();
    driver.history.add('LambdaFunctionFailed', { scheduledEventId, startedEventId, reason: 'UnhandledError' });
    expect(completedWith(await driver.decide())).toBe('err:ApplicationFailure(UnhandledError)');
  },
  LambdaFunctionTimedOut: async () => {
    const { driver, scheduledEventId, startedEventId } = await scheduledLambda();
    driver.history.add('LambdaFunctionTimedOut', { scheduledEventId, startedEventId, timeoutType: 'START_TO_CLOSE' });
    expect(completedWith(await driver.decide())).toBe('err:TimeoutFailure(START_TO_CLOSE)');
  },
} satisfies Record<EventType, () => Promise<void>>;

describe('every SWF history event type reaches the workflow correctly', () => {
  for (const [eventType, run] of Object.entries(CASES)) it(eventType, run);

  it('covers all 54 event types', () => {
    expect(Object.keys(CASES)).toHaveLength(54);
  });
});

describe('activity outcomes with a retry policy', () => {
  class Retrying extends Workflow<void, string> {
    static readonly type = { name: 'Retrying', version: '1' };
    async execute(): Promise<string> {
      const greetings = this.activities(Greetings, { retry: { initialInterval: '10s', backoffCoefficient: 3, maximumAttempts: 3, nonRetryableErrorTypes: ['Fatal'] } });
      return capture(() => greetings.greet('x'));
    }
  }

  it('retries on a durable timer with backoff, reusing the activityId, until attempts run out', async () => {
    const driver = new WorkflowDriver(Retrying);
    expect(decisionTypes(await driver.decide())).toEqual(['ScheduleActivityTask']);
    driver.history.failActivity('a1', 'Flaky');
    expect(summarize(await driver.decide())).toEqual([{ type: 'StartTimer', attrs: { timerId: 'r1', startToFireTimeout: '10' } }]);
    driver.history.fireTimer('r1');
    expect(summarize(await driver.decide())[0]?.attrs.activityId).toBe('a1');
    driver.history.failActivity('a1', 'Flaky');
    expect(summarize(await driver.decide())).toEqual([{ type: 'StartTimer', attrs: { timerId: 'r2', startToFireTimeout: '30' } }]);
    driver.history.fireTimer('r2');
    await driver.decide();
    driver.history.failActivity('a1', 'Flaky');
    expect(completedWith(await driver.decide())).toBe('err:ActivityFailure>ApplicationFailure(Flaky)');
  });

  it('does not retry a non-retryable error type', async () => {
    const driver = new WorkflowDriver(Retrying);
    await driver.decide();
    driver.history.failActivity('a1', 'Fatal');
    expect(completedWith(await driver.decide())).toBe('err:ActivityFailure>ApplicationFailure(Fatal)');
  });

  it('succeeds when a retry succeeds', async () => {
    const driver = new WorkflowDriver(Retrying);
    await driver.decide();
    driver.history.add('ActivityTaskTimedOut', { scheduledEventId: driver.history.activityScheduledId('a1'), startedEventId: 0, timeoutType: 'SCHEDULE_TO_START' });
    await driver.decide();
    driver.history.fireTimer('r1');
    await driver.decide();
    driver.history.completeActivity('a1', '"second time"');
    expect(completedWith(await driver.decide())).toBe('ok:"second time"');
  });
});

describe('an event type SWF does not have', () => {
  it('fails the activation with a HistoryEventError naming the event and its type, found by the history fuzz', async () => {
    const driver = new WorkflowDriver(Greeter, { name: 'ada' });
    const add = driver.history.add.bind(driver.history) as (type: string, attributes: object) => number;
    add('WorkflowExecutionFrobnicated', {});
    await expect(driver.decide()).rejects.toMatchObject({
      name: 'HistoryEventError',
      message: expect.stringMatching(/^Event \d+ has type "WorkflowExecutionFrobnicated", which is not one of SWF's 54 history event types/),
    });
  });
});
