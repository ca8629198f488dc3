import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { Driver, expectSwfError, lastOfType, registerFixtures, startConformance, startTimer } from '../conformance/harness.js';
import type { Conformance } from '../conformance/harness.js';

const DOMAIN = 'options';

let running: Conformance | undefined;
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'swirl-start-server-'));
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  rmSync(folder, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startConformance>[0]): Promise<Conformance> {
  running = await startConformance(options);
  return running;
}

describe('startServer passes every engine option through to the engine', () => {
  it("throttling: 'aws' answers ThrottlingException past an operation's bucket, refilled by the engine clock", async () => {
    const clock = new VirtualClock();
    const { swf } = await start({ clock, throttling: 'aws' });
    await swf.registerDomain({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    const { domainInfo } = await swf.describeDomain({ name: DOMAIN });
    const resourceArn = domainInfo?.arn ?? '';
    // ListTagsForResource: bucket of 50, 30 a second.
    for (let call = 0; call < 50; call += 1) await swf.listTagsForResource({ resourceArn });
    const throttled = await expectSwfError(swf.listTagsForResource({ resourceArn }), 'ThrottlingException');
    expect(throttled.message).toBe('Rate exceeded');
    await clock.advance(1_000);
    for (let call = 0; call < 30; call += 1) await swf.listTagsForResource({ resourceArn });
    await expectSwfError(swf.listTagsForResource({ resourceArn }), 'ThrottlingException');
  });

  it('throttling buckets replace the service bucket of the operations they name', async () => {
    const { swf } = await start({ throttling: { buckets: { ListDomains: { capacity: 2, refillPerSecond: 0 } } } });
    await swf.listDomains({ registrationStatus: 'REGISTERED' });
    await swf.listDomains({ registrationStatus: 'REGISTERED' });
    await expectSwfError(swf.listDomains({ registrationStatus: 'REGISTERED' }), 'ThrottlingException');
  });

  it('decisionRateLimits fail a decision over its bucket with its *_RATE_EXCEEDED cause', async () => {
    const { swf } = await start({ decisionRateLimits: { startTimer: { capacity: 1, refillPerSecond: 0 } } });
    await registerFixtures(swf, DOMAIN);
    const driver = new Driver(swf, DOMAIN);
    const runId = await driver.start('timers');
    await driver.pollAndDecide([startTimer('first'), startTimer('second')]);
    const events = await driver.history('timers', runId);
    expect(lastOfType(events, 'TimerStarted').timerStartedEventAttributes?.timerId).toBe('first');
    expect(lastOfType(events, 'StartTimerFailed').startTimerFailedEventAttributes).toMatchObject({ timerId: 'second', cause: 'TIMER_CREATION_RATE_EXCEEDED' });
  });

  it('historyEventLimit terminates a run with EVENT_LIMIT_EXCEEDED at that many events', async () => {
    const { swf } = await start({ historyEventLimit: 10 });
    await registerFixtures(swf, DOMAIN);
    const driver = new Driver(swf, DOMAIN);
    const runId = await driver.start('chatty');
    for (let signal = 0; signal < 7; signal += 1) await swf.signalWorkflowExecution({ domain: DOMAIN, workflowId: 'chatty', signalName: `s${signal}` });
    const events = await driver.history('chatty', runId);
    expect(events).toHaveLength(10);
    expect(events.at(-1)?.workflowExecutionTerminatedEventAttributes?.cause).toBe('EVENT_LIMIT_EXCEEDED');
  });

  it('a store passed in is the caller’s: the server uses it and leaves it open on close()', async () => {
    const store = new SqliteStore({ path: join(folder, 'yours.db') });
    const { swf, server } = await start({ store });
    await swf.registerDomain({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
    expect(server.engine.store).toBe(store);
    await running?.close();
    running = undefined;
    expect(store.open).toBe(true);
    expect(store.getDomain(DOMAIN)?.name).toBe(DOMAIN);
    store.close();
  });

  it('databasePath opens a SQLite file, closes it on close(), and a server on the same file finds everything again', async () => {
    const path = join(folder, 'swirl.db');
    const first = await start({ databasePath: path });
    await registerFixtures(first.swf, DOMAIN);
    const runId = await new Driver(first.swf, DOMAIN).start('durable');
    const firstStore = first.server.engine.store as SqliteStore;
    await first.close();
    running = undefined;
    expect(firstStore.open).toBe(false);

    const second = await start({ databasePath: path });
    const { executionInfo } = await second.swf.describeWorkflowExecution({ domain: DOMAIN, execution: { workflowId: 'durable', runId } });
    expect(executionInfo?.executionStatus).toBe('OPEN');
  });

  it('closes the engine before the store it opened: a lambda finishing after close() writes nothing and logs no error', async () => {
    let finish: (result: string) => void = () => {};
    const logs: Array<{ level: number; msg: string }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
        done();
      },
    });
    const path = join(folder, 'lambda.db');
    const { swf } = await start({
      databasePath: path,
      logger: pino({ level: 'warn' }, sink),
      lambdaHandlers: { slow: () => new Promise<string>((resolve) => (finish = resolve)) },
    });
    await registerFixtures(swf, DOMAIN);
    const driver = new Driver(swf, DOMAIN);
    const runId = await driver.start('lambda', { lambdaRole: 'arn:aws:iam::123456789012:role/swf-lambda' });
    await driver.pollAndDecide([{ decisionType: 'ScheduleLambdaFunction', scheduleLambdaFunctionDecisionAttributes: { id: 'l1', name: 'slow' } }]);
    expect((await driver.history('lambda', runId)).at(-1)?.eventType).toBe('LambdaFunctionStarted');

    await running?.close();
    running = undefined;
    finish('late');
    await new Promise((resolve) => setImmediate(resolve));
    expect(logs.filter((line) => line.level >= 50)).toEqual([]);

    const reopened = new SqliteStore({ path });
    try {
      const execution = reopened.getOpenExecution(DOMAIN, 'lambda');
      expect(execution?.lambdas['l1']?.startedEventId).toBeGreaterThan(0);
    } finally {
      reopened.close();
    }
  });

  it('refuses both a store and a databasePath, before binding', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    try {
      await expect(start({ store, databasePath: join(folder, 'x.db') })).rejects.toThrow('pass either `store`');
    } finally {
      store.close();
    }
  });
});
