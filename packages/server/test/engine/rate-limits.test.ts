import { afterEach, describe, expect, it } from 'vitest';
import { AWS_API_BUCKETS } from '../../src/engine/rate-limits/api-throttle.js';
import { AWS_DECISION_RATE_LIMITS } from '../../src/engine/rate-limits/decision-rate-limits.js';
import { TokenBucket } from '../../src/engine/rate-limits/token-bucket.js';
import { SwfEngine } from '../../src/engine/swf-engine.js';
import { ACTIVITY, DOMAIN, faultOf, Harness, scheduleActivity, WORKFLOW } from './harness.js';

type Wire = Record<string, any>;

let harness: Harness;
afterEach(() => harness?.close());

/** Starts a run, answers its first decision task with `decisions`, returns the recorded events after DecisionTaskCompleted. */
async function decideOnce(decisions: Wire[], workflowId = 'wf-1'): Promise<Wire[]> {
  const run = await harness.start(workflowId);
  const task = await harness.pollDecision();
  await harness.decide(task.taskToken, decisions);
  const events = await harness.history(run);
  return events.slice(events.findIndex((e) => e.eventType === 'DecisionTaskCompleted') + 1);
}

const causesOf = (events: Wire[], eventType: string): string[] =>
  events.filter((e) => e.eventType === eventType).map((e) => Object.values(e).find((v) => typeof v === 'object' && v !== null && 'cause' in v).cause);

const startTimer = (timerId: string): Wire => ({ decisionType: 'StartTimer', startTimerDecisionAttributes: { timerId, startToFireTimeout: '60' } });
const startChild = (workflowId: string): Wire => ({
  decisionType: 'StartChildWorkflowExecution',
  startChildWorkflowExecutionDecisionAttributes: { workflowType: WORKFLOW, workflowId },
});
const signalExternal = (workflowId: string): Wire => ({
  decisionType: 'SignalExternalWorkflowExecution',
  signalExternalWorkflowExecutionDecisionAttributes: { workflowId, signalName: 'hello' },
});
const cancelExternal = (workflowId: string): Wire => ({
  decisionType: 'RequestCancelExternalWorkflowExecution',
  requestCancelExternalWorkflowExecutionDecisionAttributes: { workflowId },
});

describe('TokenBucket', () => {
  it('starts full, refuses when empty and refills with clock time up to its capacity', () => {
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 4 }, 0);
    expect([bucket.tryTake(0), bucket.tryTake(0), bucket.tryTake(0)]).toEqual([true, true, false]);
    expect(bucket.tryTake(249)).toBe(false);
    expect(bucket.tryTake(250)).toBe(true);
    expect([bucket.tryTake(10_000), bucket.tryTake(10_000), bucket.tryTake(10_000)]).toEqual([true, true, false]);
  });
});

describe('decision rate limits', () => {
  it('use the service buckets by default', () => {
    expect(AWS_DECISION_RATE_LIMITS).toMatchObject({
      scheduleActivityTask: { capacity: 1_000, refillPerSecond: 200 },
      startTimer: { capacity: 2_000, refillPerSecond: 200 },
      startChildWorkflowExecution: { capacity: 500, refillPerSecond: 12 },
      signalExternalWorkflowExecution: { capacity: 1_200, refillPerSecond: 120 },
      requestCancelExternalWorkflowExecution: { capacity: 1_200, refillPerSecond: 120 },
    });
  });

  it('fail the 501st child start of a burst with CHILD_CREATION_RATE_EXCEEDED by default, before any Initiated event', async () => {
    harness = await Harness.create();
    const events = await decideOnce(Array.from({ length: 501 }, (_, i) => startChild(`child-${i}`)));
    expect(events.filter((e) => e.eventType === 'StartChildWorkflowExecutionInitiated')).toHaveLength(500);
    const failed = events.find((e) => e.eventType === 'StartChildWorkflowExecutionFailed');
    expect(failed!.startChildWorkflowExecutionFailedEventAttributes).toMatchObject({
      cause: 'CHILD_CREATION_RATE_EXCEEDED',
      workflowId: 'child-500',
      initiatedEventId: 0,
    });
  });

  it('fail ScheduleActivityTask over the rate with ACTIVITY_CREATION_RATE_EXCEEDED and refill with clock time', async () => {
    harness = await Harness.create({ decisionRateLimits: { scheduleActivityTask: { capacity: 2, refillPerSecond: 1 } } });
    const events = await decideOnce([scheduleActivity('a1'), scheduleActivity('a2'), scheduleActivity('a3')]);
    expect(events.filter((e) => e.eventType === 'ActivityTaskScheduled')).toHaveLength(2);
    expect(causesOf(events, 'ScheduleActivityTaskFailed')).toEqual(['ACTIVITY_CREATION_RATE_EXCEEDED']);

    await harness.clock.advance(1_000);
    const next = await harness.pollDecision();
    await harness.decide(next.taskToken, [scheduleActivity('b1'), scheduleActivity('b2')]);
    const later = (await harness.history(next.workflowExecution)).slice(-3);
    expect(later.map((e) => e.eventType)).toEqual(['ActivityTaskScheduled', 'ScheduleActivityTaskFailed', 'DecisionTaskScheduled']);
    expect(causesOf(later, 'ScheduleActivityTaskFailed')).toEqual(['ACTIVITY_CREATION_RATE_EXCEEDED']);
  });

  it('meter activity tasks per task list, so another list still accepts tasks', async () => {
    harness = await Harness.create({ decisionRateLimits: { activityTasksPerTaskList: { capacity: 1, refillPerSecond: 0 } } });
    const events = await decideOnce([
      scheduleActivity('a1'),
      scheduleActivity('a2'),
      scheduleActivity('a3', { taskList: { name: 'other-workers' } }),
    ]);
    expect(events.filter((e) => e.eventType === 'ActivityTaskScheduled').map((e) => e.activityTaskScheduledEventAttributes.activityId)).toEqual(['a1', 'a3']);
    expect(causesOf(events, 'ScheduleActivityTaskFailed')).toEqual(['ACTIVITY_CREATION_RATE_EXCEEDED']);
  });

  it('spend no token on a decision that fails for another reason', async () => {
    harness = await Harness.create({ decisionRateLimits: { scheduleActivityTask: { capacity: 1, refillPerSecond: 0 } } });
    const events = await decideOnce([
      scheduleActivity('x', { activityType: { name: 'Unknown', version: '1' } }),
      scheduleActivity('a1'),
    ]);
    expect(causesOf(events, 'ScheduleActivityTaskFailed')).toEqual(['ACTIVITY_TYPE_DOES_NOT_EXIST']);
    expect(events.filter((e) => e.eventType === 'ActivityTaskScheduled')).toHaveLength(1);
  });

  it('fail StartTimer over the rate with TIMER_CREATION_RATE_EXCEEDED', async () => {
    harness = await Harness.create({ decisionRateLimits: { startTimer: { capacity: 1, refillPerSecond: 0 } } });
    const events = await decideOnce([startTimer('t1'), startTimer('t2')]);
    expect(events.filter((e) => e.eventType === 'TimerStarted')).toHaveLength(1);
    expect(events.find((e) => e.eventType === 'StartTimerFailed')!.startTimerFailedEventAttributes).toMatchObject({
      timerId: 't2',
      cause: 'TIMER_CREATION_RATE_EXCEEDED',
    });
  });

  it('fail external signals and cancel requests over their rates without an Initiated event', async () => {
    harness = await Harness.create({
      decisionRateLimits: {
        signalExternalWorkflowExecution: { capacity: 1, refillPerSecond: 0 },
        requestCancelExternalWorkflowExecution: { capacity: 1, refillPerSecond: 0 },
      },
    });
    await harness.start('target');
    const target = await harness.pollDecision();
    await harness.decide(target.taskToken, []);
    const events = await decideOnce([signalExternal('target'), signalExternal('target'), cancelExternal('target'), cancelExternal('target')], 'source');
    expect(events.filter((e) => e.eventType.endsWith('Initiated'))).toHaveLength(2);
    expect(events.find((e) => e.eventType === 'SignalExternalWorkflowExecutionFailed')!.signalExternalWorkflowExecutionFailedEventAttributes).toMatchObject({
      cause: 'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED',
      initiatedEventId: 0,
    });
    expect(
      events.find((e) => e.eventType === 'RequestCancelExternalWorkflowExecutionFailed')!.requestCancelExternalWorkflowExecutionFailedEventAttributes,
    ).toMatchObject({ cause: 'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_RATE_EXCEEDED', initiatedEventId: 0 });
  });

  it("accept 'unlimited' for large bursts", async () => {
    harness = await Harness.create({ decisionRateLimits: { startChildWorkflowExecution: 'unlimited' } });
    const events = await decideOnce(Array.from({ length: 600 }, (_, i) => startChild(`child-${i}`)));
    expect(events.filter((e) => e.eventType === 'StartChildWorkflowExecutionFailed')).toHaveLength(0);
  });

  it('refuse a bucket that could never hold a token, naming it', () => {
    expect(() => new SwfEngine({ decisionRateLimits: { startTimer: { capacity: 0, refillPerSecond: 1 } } })).toThrow(
      'Rate limit startTimer: capacity must be a finite number >= 1, got 0',
    );
  });
});

describe('API throttling', () => {
  it('is off by default', async () => {
    harness = await Harness.create();
    const answers: Wire[] = [];
    for (let i = 0; i < 150; i++) answers.push(await harness.call('ListDomains', { registrationStatus: 'REGISTERED' }));
    expect(answers.every((answer) => answer.domainInfos.length === 1)).toBe(true);
  });

  it("'aws' applies the service bucket of each operation and answers ThrottlingException over it", async () => {
    harness = await Harness.create({ throttling: 'aws' });
    expect(AWS_API_BUCKETS.ListDomains).toEqual({ capacity: 100, refillPerSecond: 6 });
    for (let i = 0; i < 100; i++) await harness.call('ListDomains', { registrationStatus: 'REGISTERED' });
    expect(await faultOf(harness.call('ListDomains', { registrationStatus: 'REGISTERED' }))).toMatchObject({
      faultName: 'ThrottlingException',
      message: 'Rate exceeded',
    });
    // Other operations have their own buckets.
    await harness.call('DescribeDomain', { name: DOMAIN });
    await harness.clock.advance(1_000);
    for (let i = 0; i < 6; i++) await harness.call('ListDomains', { registrationStatus: 'REGISTERED' });
    expect((await faultOf(harness.call('ListDomains', { registrationStatus: 'REGISTERED' }))).faultName).toBe('ThrottlingException');
  });

  it('an object replaces chosen buckets and keeps the service buckets for the rest', async () => {
    harness = new Harness({ throttling: { buckets: { DescribeActivityType: { capacity: 1, refillPerSecond: 0 } } } });
    await harness.call('RegisterDomain', { name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    await harness.call('RegisterActivityType', { domain: DOMAIN, ...ACTIVITY });
    await harness.call('DescribeActivityType', { domain: DOMAIN, activityType: ACTIVITY });
    expect((await faultOf(harness.call('DescribeActivityType', { domain: DOMAIN, activityType: ACTIVITY }))).faultName).toBe('ThrottlingException');
    for (let i = 0; i < 100; i++) await harness.call('ListDomains', { registrationStatus: 'REGISTERED' });
    expect((await faultOf(harness.call('ListDomains', { registrationStatus: 'REGISTERED' }))).faultName).toBe('ThrottlingException');
  });

  it('reset refills every bucket', async () => {
    harness = new Harness({ throttling: { buckets: { ListDomains: { capacity: 1, refillPerSecond: 0 } } } });
    await harness.call('ListDomains', { registrationStatus: 'REGISTERED' });
    harness.engine.reset();
    await harness.call('ListDomains', { registrationStatus: 'REGISTERED' });
    expect((await faultOf(harness.call('ListDomains', { registrationStatus: 'REGISTERED' }))).faultName).toBe('ThrottlingException');
  });
});
