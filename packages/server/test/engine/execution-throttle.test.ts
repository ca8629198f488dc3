import { afterEach, describe, expect, it } from 'vitest';
import { AWS_EXECUTION_API_BUCKETS, ExecutionThrottle } from '../../src/engine/rate-limits/execution-throttle.js';
import { DOMAIN, faultOf, Harness, scheduleActivity } from './harness.js';

type Wire = Record<string, any>;

let harness: Harness;
afterEach(() => harness?.close());

/** Makes `count` calls and returns how many succeeded before the first ThrottlingException (or all). */
async function callsUntilThrottled(count: number, call: () => Promise<unknown>): Promise<number> {
  for (let made = 0; made < count; made++) {
    const outcome = await call().then(
      () => undefined,
      (error: { faultName?: string }) => error,
    );
    if (outcome?.faultName === 'ThrottlingException') return made;
    if (outcome) throw outcome;
  }
  return count;
}

const signal = (workflowId: string, runId?: string) => () =>
  harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId, signalName: 'tick', ...(runId !== undefined && { runId }) });
const history = (execution: { workflowId: string; runId: string }) => () =>
  harness.call('GetWorkflowExecutionHistory', { domain: DOMAIN, execution, maximumPageSize: 1 });
const cancel = (workflowId: string) => () => harness.call('RequestCancelWorkflowExecution', { domain: DOMAIN, workflowId });

describe('per-execution API buckets', () => {
  it('use the service numbers', () => {
    expect(AWS_EXECUTION_API_BUCKETS).toEqual({
      GetWorkflowExecutionHistory: { capacity: 400, refillPerSecond: 200 },
      SignalWorkflowExecution: { capacity: 1_000, refillPerSecond: 1_000 },
      RecordActivityTaskHeartbeat: { capacity: 1_000, refillPerSecond: 1_000 },
      RequestCancelWorkflowExecution: { capacity: 200, refillPerSecond: 200 },
    });
  });

  it('are off unless throttling is on', async () => {
    harness = await Harness.create();
    await harness.start('wf-1');
    expect(await callsUntilThrottled(1_001, signal('wf-1'))).toBe(1_001);
  });

  it("with 'aws', throttle the 1,001st signal to one run while other runs are still signalled, and refill 1,000 a second", async () => {
    harness = await Harness.create({ throttling: 'aws' });
    const first = await harness.start('wf-1');
    await harness.start('wf-2');
    expect(await callsUntilThrottled(1_001, signal('wf-1'))).toBe(1_000);
    // The same run named with its runId draws on the same bucket.
    expect((await faultOf(signal('wf-1', first.runId)())).faultName).toBe('ThrottlingException');
    await signal('wf-2')();
    await harness.clock.advance(1);
    expect(await callsUntilThrottled(2, signal('wf-1'))).toBe(1);
  });

  it('a throttled signal records nothing', async () => {
    harness = await Harness.create({ throttling: 'aws' });
    const run = await harness.start('wf-1');
    await callsUntilThrottled(1_001, signal('wf-1'));
    const events: Wire[] = [];
    let nextPageToken: string | undefined;
    do {
      const page = await harness.call('GetWorkflowExecutionHistory', { domain: DOMAIN, execution: run, ...(nextPageToken !== undefined && { nextPageToken }) });
      events.push(...(page.events as Wire[]));
      nextPageToken = page.nextPageToken;
    } while (nextPageToken !== undefined);
    expect(events.filter((event) => event.eventType === 'WorkflowExecutionSignaled')).toHaveLength(1_000);
  });

  it("with 'aws', throttle the 401st history page of one run, refilling 200 a second", async () => {
    harness = await Harness.create({ throttling: 'aws' });
    const first = await harness.start('wf-1');
    const second = await harness.start('wf-2');
    expect(await callsUntilThrottled(401, history(first))).toBe(400);
    await history(second)();
    await harness.clock.advance(5);
    expect(await callsUntilThrottled(2, history(first))).toBe(1);
  });

  it("with 'aws', throttle the 201st cancel request to one run", async () => {
    harness = await Harness.create({ throttling: 'aws' });
    await harness.start('wf-1');
    expect(await callsUntilThrottled(201, cancel('wf-1'))).toBe(200);
    await harness.clock.advance(1_000);
    expect(await callsUntilThrottled(201, cancel('wf-1'))).toBe(200);
  });

  it("with 'aws', throttle the 1,001st heartbeat of one run's activity", async () => {
    harness = await Harness.create({ throttling: 'aws' });
    await harness.start('wf-1');
    await harness.decide((await harness.pollDecision()).taskToken, [scheduleActivity('a1')]);
    const { taskToken } = await harness.pollActivity();
    const heartbeat = () => harness.call('RecordActivityTaskHeartbeat', { taskToken });
    expect(await callsUntilThrottled(1_001, heartbeat)).toBe(1_000);
    await harness.clock.advance(1);
    expect(((await heartbeat()) as Wire).cancelRequested).toBe(false);
  });

  it('executionBuckets replace chosen per-execution buckets and keep the service numbers for the rest', async () => {
    harness = await Harness.create({ throttling: { executionBuckets: { SignalWorkflowExecution: { capacity: 3, refillPerSecond: 0 } } } });
    const run = await harness.start('wf-1');
    expect(await callsUntilThrottled(4, signal('wf-1'))).toBe(3);
    expect(await callsUntilThrottled(401, history(run))).toBe(400);
  });

  it('reset refills every per-execution bucket', async () => {
    harness = await Harness.create({ throttling: { executionBuckets: { SignalWorkflowExecution: { capacity: 1, refillPerSecond: 0 } } } });
    await harness.start('wf-1');
    expect(await callsUntilThrottled(2, signal('wf-1'))).toBe(1);
    harness.engine.reset();
    await harness.call('RegisterDomain', { name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    await harness.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Order', version: '1', defaultTaskList: { name: 'd' }, defaultTaskStartToCloseTimeout: '10', defaultExecutionStartToCloseTimeout: '60', defaultChildPolicy: 'TERMINATE' });
    await harness.start('wf-1');
    expect(await callsUntilThrottled(2, signal('wf-1'))).toBe(1);
  });

  it('refuses a bucket that could never hold a token, naming it', () => {
    expect(() => new Harness({ throttling: { executionBuckets: { RecordActivityTaskHeartbeat: { capacity: 0, refillPerSecond: 1 } } } })).toThrow(
      'Rate limit RecordActivityTaskHeartbeat per execution: capacity must be a finite number >= 1, got 0',
    );
  });
});

describe('ExecutionThrottle memory', () => {
  it('forgets buckets that have refilled, so it holds only the runs called recently', () => {
    let now = 0;
    const throttle = new ExecutionThrottle({}, () => now);
    for (let run = 0; run < 100; run++) throttle.admit('SignalWorkflowExecution', { domain: 'd', workflowId: `wf-${run}`, runId: 'r' });
    expect(throttle.size).toBe(100);
    now += 1_000; // every bucket is full again
    for (let call = 0; call < 60; call++) throttle.admit('SignalWorkflowExecution', { domain: 'd', workflowId: 'busy', runId: 'r' });
    expect(throttle.size).toBeLessThanOrEqual(1);
  });
});
