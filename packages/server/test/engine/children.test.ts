import { afterEach, describe, expect, it } from 'vitest';
import { complete, DOMAIN, Harness, WORKFLOW } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const startChild = (workflowId: string, extra: Record<string, any> = {}) => ({
  decisionType: 'StartChildWorkflowExecution',
  startChildWorkflowExecutionDecisionAttributes: { workflowType: WORKFLOW, workflowId, ...extra },
});

/** Starts a parent whose first decision starts `child`; returns both runs. */
async function parentWithChild(childExtra: Record<string, any> = {}, parentExtra: Record<string, any> = {}) {
  const parent = await harness.start('parent', parentExtra);
  const task = await harness.pollDecision();
  await harness.decide(task.taskToken, [startChild('child', childExtra)]);
  const started = (await harness.history(parent)).find((e) => e.eventType === 'ChildWorkflowExecutionStarted');
  const child = started!.childWorkflowExecutionStartedEventAttributes.workflowExecution as { workflowId: string; runId: string };
  return { parent, child };
}

/** Answers the next decision task of whichever run comes first. */
async function decideNext(decisions: Record<string, any>[]): Promise<{ workflowId: string; runId: string }> {
  const task = await harness.pollDecision();
  await harness.decide(task.taskToken, decisions);
  return task.workflowExecution;
}

describe('child workflows', () => {
  it('records events on both sides and reports the child result to the parent', async () => {
    harness = await Harness.create();
    const { parent, child } = await parentWithChild({ input: 'c-in' });
    expect((await harness.eventTypes(parent)).slice(3)).toEqual([
      'DecisionTaskCompleted',
      'StartChildWorkflowExecutionInitiated',
      'ChildWorkflowExecutionStarted',
      'DecisionTaskScheduled',
    ]);
    const childStart = (await harness.history(child))[0]!.workflowExecutionStartedEventAttributes;
    expect(childStart).toMatchObject({ parentWorkflowExecution: parent, parentInitiatedEventId: 5, input: 'c-in' });

    // Parent's second task first (queued earlier), then the child's.
    expect(await decideNext([])).toEqual(parent);
    expect(await decideNext([complete('child-done')])).toEqual(child);
    const completed = (await harness.history(parent)).find((e) => e.eventType === 'ChildWorkflowExecutionCompleted');
    expect(completed!.childWorkflowExecutionCompletedEventAttributes).toEqual({
      workflowExecution: child,
      workflowType: WORKFLOW,
      initiatedEventId: 5,
      startedEventId: 6,
      result: 'child-done',
    });
  });

  it('fails with WORKFLOW_TYPE_DOES_NOT_EXIST without an Initiated event', async () => {
    harness = await Harness.create();
    const parent = await harness.start('parent');
    await decideNext([startChild('c', { workflowType: { name: 'Nope', version: '1' } })]);
    const failed = (await harness.history(parent)).find((e) => e.eventType === 'StartChildWorkflowExecutionFailed');
    expect(failed!.startChildWorkflowExecutionFailedEventAttributes).toMatchObject({ cause: 'WORKFLOW_TYPE_DOES_NOT_EXIST', initiatedEventId: 0, workflowId: 'c' });
  });

  it('fails with WORKFLOW_ALREADY_RUNNING after the Initiated event', async () => {
    harness = await Harness.create();
    await harness.start('busy');
    const parent = await harness.start('parent');
    await harness.pollDecision(); // busy's task
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [startChild('busy')]);
    const failed = (await harness.history(parent)).find((e) => e.eventType === 'StartChildWorkflowExecutionFailed');
    expect(failed!.startChildWorkflowExecutionFailedEventAttributes).toMatchObject({ cause: 'WORKFLOW_ALREADY_RUNNING', initiatedEventId: 5 });
  });

  it('fails with DEFAULT_CHILD_POLICY_UNDEFINED when neither decision nor type gives one', async () => {
    harness = await Harness.create();
    await harness.call('RegisterWorkflowType', {
      domain: DOMAIN, name: 'NoPolicy', version: '1', defaultTaskList: { name: 'x' }, defaultTaskStartToCloseTimeout: '5', defaultExecutionStartToCloseTimeout: '50',
    });
    const parent = await harness.start('parent');
    await decideNext([startChild('c', { workflowType: { name: 'NoPolicy', version: '1' } })]);
    const failed = (await harness.history(parent)).find((e) => e.eventType === 'StartChildWorkflowExecutionFailed');
    expect(failed!.startChildWorkflowExecutionFailedEventAttributes.cause).toBe('DEFAULT_CHILD_POLICY_UNDEFINED');
  });

  it.each([
    ['TERMINATE', 'WorkflowExecutionTerminated'],
    ['REQUEST_CANCEL', 'WorkflowExecutionCancelRequested'],
  ])('applies the %s child policy when the parent completes', async (childPolicy, eventType) => {
    harness = await Harness.create();
    const { child } = await parentWithChild({}, { childPolicy });
    await decideNext([complete()]);
    const last = (await harness.history(child)).find((e) => e.eventType === eventType)!;
    const key = `${eventType.charAt(0).toLowerCase()}${eventType.slice(1)}EventAttributes`;
    expect(last[key]).toMatchObject({ cause: 'CHILD_POLICY_APPLIED' });
  });

  it('leaves an abandoned child running', async () => {
    harness = await Harness.create();
    const { child } = await parentWithChild({}, { childPolicy: 'ABANDON' });
    await decideNext([complete()]);
    expect((await harness.describe(child)).executionInfo.executionStatus).toBe('OPEN');
  });

  it('applies the child policy when the parent is terminated and tells no closed parent', async () => {
    harness = await Harness.create();
    const { parent, child } = await parentWithChild();
    await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: parent.workflowId, reason: 'stop' });
    expect((await harness.eventTypes(child)).at(-1)).toBe('WorkflowExecutionTerminated');
    expect((await harness.eventTypes(parent)).at(-1)).toBe('WorkflowExecutionTerminated');
    const terminated = (await harness.history(parent)).at(-1)!.workflowExecutionTerminatedEventAttributes;
    expect(terminated).toEqual({ reason: 'stop', childPolicy: 'TERMINATE', cause: 'OPERATOR_INITIATED' });
  });
});

describe('continue as new', () => {
  it('closes the run, starts a new one with continuedExecutionRunId and type defaults', async () => {
    harness = await Harness.create();
    const run = await harness.start('loop', { taskStartToCloseTimeout: '99' });
    await decideNext([{ decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { input: 'next' } }]);
    const closing = (await harness.history(run)).at(-1)!;
    expect(closing.eventType).toBe('WorkflowExecutionContinuedAsNew');
    const newRunId = closing.workflowExecutionContinuedAsNewEventAttributes.newExecutionRunId;
    const next = { workflowId: 'loop', runId: newRunId };
    const started = (await harness.history(next))[0]!.workflowExecutionStartedEventAttributes;
    expect(started).toMatchObject({ continuedExecutionRunId: run.runId, input: 'next', taskStartToCloseTimeout: '10' });
    expect((await harness.describe(run)).executionInfo.closeStatus).toBe('CONTINUED_AS_NEW');
    expect((await harness.pollDecision()).workflowExecution).toEqual(next);
  });

  it('fails with WORKFLOW_TYPE_DOES_NOT_EXIST for an unknown version', async () => {
    harness = await Harness.create();
    const run = await harness.start('loop');
    await decideNext([{ decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: { workflowTypeVersion: '9' } }]);
    expect((await harness.history(run)).at(-2)!.continueAsNewWorkflowExecutionFailedEventAttributes.cause).toBe('WORKFLOW_TYPE_DOES_NOT_EXIST');
  });

  it('tells the parent only when the last run of a continued child closes', async () => {
    harness = await Harness.create();
    const { parent, child } = await parentWithChild();
    await decideNext([]); // parent
    await decideNext([{ decisionType: 'ContinueAsNewWorkflowExecution', continueAsNewWorkflowExecutionDecisionAttributes: {} }]);
    expect(await harness.eventTypes(parent)).not.toContain('ChildWorkflowExecutionCompleted');
    const second = await decideNext([complete('last')]);
    expect(second.runId).not.toBe(child.runId);
    const done = (await harness.history(parent)).find((e) => e.eventType === 'ChildWorkflowExecutionCompleted')!;
    expect(done.childWorkflowExecutionCompletedEventAttributes).toMatchObject({ workflowExecution: second, result: 'last', initiatedEventId: 5 });
  });
});

describe('external signals and cancel requests', () => {
  it('signals another run: Initiated, then Signaled on both sides', async () => {
    harness = await Harness.create();
    const target = await harness.start('target');
    await harness.pollDecision();
    const source = await harness.start('source');
    await decideNext([{ decisionType: 'SignalExternalWorkflowExecution', signalExternalWorkflowExecutionDecisionAttributes: { workflowId: 'target', signalName: 'hi', input: 'x' } }]);
    const signaled = (await harness.history(target)).find((e) => e.eventType === 'WorkflowExecutionSignaled')!;
    expect(signaled.workflowExecutionSignaledEventAttributes).toEqual({ signalName: 'hi', input: 'x', externalWorkflowExecution: source, externalInitiatedEventId: 5 });
    const ack = (await harness.history(source)).find((e) => e.eventType === 'ExternalWorkflowExecutionSignaled')!;
    expect(ack.externalWorkflowExecutionSignaledEventAttributes).toEqual({ workflowExecution: target, initiatedEventId: 5 });
  });

  it('fails with UNKNOWN_EXTERNAL_WORKFLOW_EXECUTION for a missing target', async () => {
    harness = await Harness.create();
    const source = await harness.start('source');
    await decideNext([
      { decisionType: 'SignalExternalWorkflowExecution', signalExternalWorkflowExecutionDecisionAttributes: { workflowId: 'ghost', signalName: 'hi' } },
      { decisionType: 'RequestCancelExternalWorkflowExecution', requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId: 'ghost' } },
    ]);
    const types = await harness.eventTypes(source);
    expect(types).toContain('SignalExternalWorkflowExecutionFailed');
    expect(types).toContain('RequestCancelExternalWorkflowExecutionFailed');
  });

  it('requests cancellation of another run', async () => {
    harness = await Harness.create();
    const target = await harness.start('target');
    await harness.pollDecision();
    const source = await harness.start('source');
    await decideNext([{ decisionType: 'RequestCancelExternalWorkflowExecution', requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId: 'target', runId: target.runId } }]);
    const requested = (await harness.history(target)).find((e) => e.eventType === 'WorkflowExecutionCancelRequested')!;
    expect(requested.workflowExecutionCancelRequestedEventAttributes).toEqual({ externalWorkflowExecution: source, externalInitiatedEventId: 5 });
    expect((await harness.describe(target)).executionInfo.cancelRequested).toBe(true);
    expect(await harness.eventTypes(source)).toContain('ExternalWorkflowExecutionCancelRequested');
  });
});
