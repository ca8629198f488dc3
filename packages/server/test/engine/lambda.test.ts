import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const scheduleLambda = (name: string, extra: Record<string, any> = {}) => ({
  decisionType: 'ScheduleLambdaFunction',
  scheduleLambdaFunctionDecisionAttributes: { id: 'l1', name, input: 'in', ...extra },
});

async function runLambda(decision: Record<string, any>, options: { withRole: boolean } = { withRole: true }) {
  const run = await harness.start('wf', options.withRole ? { lambdaRole: 'arn:aws:iam::123456789012:role/swf-lambda' } : {});
  const task = await harness.pollDecision();
  await harness.decide(task.taskToken, [decision]);
  await harness.clock.advance(0);
  return run;
}

describe('lambda functions', () => {
  it('runs a registered handler: Scheduled, Started, Completed with its result', async () => {
    harness = await Harness.create({ lambdaHandlers: { upper: async (input) => input?.toUpperCase() } });
    const run = await runLambda(scheduleLambda('upper'));
    const events = await harness.history(run);
    expect(events.slice(4).map((e) => e.eventType)).toEqual([
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionCompleted',
      'DecisionTaskScheduled',
    ]);
    expect(events[6]!.lambdaFunctionCompletedEventAttributes).toEqual({ scheduledEventId: 5, startedEventId: 6, result: 'IN' });
  });

  it('records a thrown error as LambdaFunctionFailed with reason UnhandledError', async () => {
    harness = await Harness.create({ lambdaHandlers: { boom: async () => { throw new TypeError('bad input'); } } });
    const run = await runLambda(scheduleLambda('boom'));
    const failed = (await harness.history(run)).find((e) => e.eventType === 'LambdaFunctionFailed')!;
    expect(failed.lambdaFunctionFailedEventAttributes).toMatchObject({ reason: 'UnhandledError' });
    expect(JSON.parse(failed.lambdaFunctionFailedEventAttributes.details)).toEqual({ errorType: 'TypeError', errorMessage: 'bad input' });
  });

  it('times a slow handler out after startToCloseTimeout', async () => {
    harness = await Harness.create({ lambdaHandlers: { slow: () => new Promise<string>(() => undefined) } });
    const run = await runLambda(scheduleLambda('slow', { startToCloseTimeout: '30' }));
    await harness.clock.advance(30_000);
    const timedOut = (await harness.history(run)).find((e) => e.eventType === 'LambdaFunctionTimedOut')!;
    expect(timedOut.lambdaFunctionTimedOutEventAttributes).toEqual({ scheduledEventId: 5, startedEventId: 6, timeoutType: 'START_TO_CLOSE' });
  });

  it('fails to start without a lambda role: StartLambdaFunctionFailed ASSUME_ROLE_FAILED', async () => {
    harness = await Harness.create({ lambdaHandlers: { upper: async (input) => input } });
    const run = await runLambda(scheduleLambda('upper'), { withRole: false });
    const failed = (await harness.history(run)).find((e) => e.eventType === 'StartLambdaFunctionFailed')!;
    expect(failed.startLambdaFunctionFailedEventAttributes).toEqual({
      scheduledEventId: 5,
      cause: 'ASSUME_ROLE_FAILED',
      message: 'No IAM role is attached to the current workflow execution.',
    });
  });

  it('rejects an unregistered function with LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION', async () => {
    harness = await Harness.create();
    const run = await runLambda(scheduleLambda('missing'));
    const failed = (await harness.history(run)).find((e) => e.eventType === 'ScheduleLambdaFunctionFailed')!;
    expect(failed.scheduleLambdaFunctionFailedEventAttributes).toEqual({
      id: 'l1',
      name: 'missing',
      cause: 'LAMBDA_SERVICE_NOT_AVAILABLE_IN_REGION',
      decisionTaskCompletedEventId: 4,
    });
  });

  it('rejects a duplicate open id with ID_ALREADY_IN_USE', async () => {
    harness = await Harness.create({ lambdaHandlers: { slow: () => new Promise<string>(() => undefined) } });
    const run = await harness.start('wf', { lambdaRole: 'role' });
    const task = await harness.pollDecision();
    await harness.decide(task.taskToken, [scheduleLambda('slow'), scheduleLambda('slow')]);
    const failed = (await harness.history(run)).find((e) => e.eventType === 'ScheduleLambdaFunctionFailed')!;
    expect(failed.scheduleLambdaFunctionFailedEventAttributes.cause).toBe('ID_ALREADY_IN_USE');
  });
});
