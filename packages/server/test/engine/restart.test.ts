import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory-store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { ACTIVITY_LIST, complete, DOMAIN, Harness, scheduleActivity } from './harness.js';

type Wire = Record<string, any>;

/** How a store survives a restart: the same object (memory) or a new connection to the same file. */
interface Durability {
  open(): Store;
  /** The store a restarted engine opens after `previous` was closed. */
  reopen(previous: Store): Store;
  close(store: Store): void;
}

const dirs: string[] = [];
const memory: Durability = { open: () => new MemoryStore(), reopen: (previous) => previous, close: () => undefined };
const sqliteFile: Durability = {
  open() {
    const dir = mkdtempSync(join(tmpdir(), 'swirl-restart-'));
    dirs.push(dir);
    return new SqliteStore({ path: join(dir, 'swirl.db') });
  },
  reopen: (previous) => new SqliteStore({ path: (previous as SqliteStore).path }),
  close: (store) => (store as SqliteStore).close(),
};

const startTimer = (timerId: string, seconds: number): Wire => ({
  decisionType: 'StartTimer',
  startTimerDecisionAttributes: { timerId, startToFireTimeout: String(seconds) },
});

describe.each([
  ['MemoryStore', memory],
  ['SqliteStore (file)', sqliteFile],
])('an engine restarted on a %s', (_name, durability) => {
  const live: Array<{ harness: Harness; store: Store }> = [];
  afterEach(() => {
    for (const { harness, store } of live.splice(0)) {
      harness.close();
      durability.close(store);
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function firstEngine(): Promise<{ harness: Harness; store: Store }> {
    const store = durability.open();
    const harness = await Harness.create({ store });
    live.push({ harness, store });
    return { harness, store };
  }

  /** Closes the engine and its store, then opens a new engine on the same state and clock. */
  function restart(previous: { harness: Harness; store: Store }): Harness {
    previous.harness.close();
    const index = live.findIndex((entry) => entry.harness === previous.harness);
    if (index >= 0) live.splice(index, 1);
    // Closing a memory store is a no-op: the restarted engine gets the same object back.
    durability.close(previous.store);
    const store = durability.reopen(previous.store);
    const harness = new Harness({ store, clock: previous.harness.clock });
    live.push({ harness, store });
    return harness;
  }

  it('fires a timer and times out an activity that were armed before the restart, and the run completes', async () => {
    const before = await firstEngine();
    const run = await before.harness.start();
    const task = await before.harness.pollDecision();
    await before.harness.decide(task.taskToken, [startTimer('wake', 30), scheduleActivity('a1', { scheduleToStartTimeout: '10' })]);

    const after = restart(before);
    await after.clock.advance(10_000);
    expect((await after.history(run)).at(-2)).toMatchObject({
      eventType: 'ActivityTaskTimedOut',
      activityTaskTimedOutEventAttributes: { timeoutType: 'SCHEDULE_TO_START', startedEventId: 0 },
    });
    const second = await after.pollDecision();
    expect(second.taskToken).toBeDefined();
    await after.decide(second.taskToken, []);

    await after.clock.advance(20_000);
    expect((await after.eventTypes(run)).slice(-2)).toEqual(['TimerFired', 'DecisionTaskScheduled']);
    const third = await after.pollDecision();
    await after.decide(third.taskToken, [complete('done')]);
    expect((await after.describe(run)).executionInfo).toMatchObject({ executionStatus: 'CLOSED', closeStatus: 'COMPLETED' });
  });

  it('keeps task tokens handed out before the restart, and heartbeat deadlines run from the last heartbeat', async () => {
    const before = await firstEngine();
    const run = await before.harness.start();
    const task = await before.harness.pollDecision();
    await before.harness.decide(task.taskToken, [scheduleActivity('a1', { heartbeatTimeout: '20', startToCloseTimeout: '300' })]);
    const activity = await before.harness.pollActivity();
    await before.harness.clock.advance(15_000);
    await before.harness.call('RecordActivityTaskHeartbeat', { taskToken: activity.taskToken, details: 'half way' });

    const after = restart(before);
    await after.clock.advance(15_000);
    expect(await after.call('RecordActivityTaskHeartbeat', { taskToken: activity.taskToken })).toEqual({ cancelRequested: false });
    await after.clock.advance(20_000);
    expect((await after.history(run)).find((e) => e.eventType === 'ActivityTaskTimedOut')?.activityTaskTimedOutEventAttributes).toMatchObject({
      timeoutType: 'HEARTBEAT',
      details: 'half way',
    });
  });

  it('times out a decision task that was started before the restart', async () => {
    const before = await firstEngine();
    const run = await before.harness.start();
    await before.harness.pollDecision();

    const after = restart(before);
    await after.clock.advance(10_000);
    expect((await after.eventTypes(run)).slice(-2)).toEqual(['DecisionTaskTimedOut', 'DecisionTaskScheduled']);
  });

  it('times out the execution and later drops it after retention', async () => {
    const before = await firstEngine();
    const run = await before.harness.start('short', { executionStartToCloseTimeout: '60' });

    const after = restart(before);
    await after.clock.advance(60_000);
    expect((await after.describe(run)).executionInfo).toMatchObject({ closeStatus: 'TIMED_OUT' });

    const again = restart({ harness: after, store: live.find((entry) => entry.harness === after)!.store });
    await again.clock.advance(86_400_000);
    await expect(again.describe(run)).rejects.toMatchObject({ faultName: 'UnknownResourceFault' });
  });

  it('delivers tasks queued before the restart first, in their order, ahead of tasks queued after it', async () => {
    const before = await firstEngine();
    const run = await before.harness.start();
    const task = await before.harness.pollDecision();
    await before.harness.decide(task.taskToken, ['a1', 'a2', 'a3', 'a4'].map((id) => scheduleActivity(id)));

    const after = restart(before);
    await after.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 'more' });
    const next = await after.pollDecision();
    await after.decide(next.taskToken, [scheduleActivity('a5')]);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) order.push((await after.pollActivity(ACTIVITY_LIST)).activityId as string);
    expect(order).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(await after.call('CountPendingActivityTasks', { domain: DOMAIN, taskList: ACTIVITY_LIST })).toEqual({ count: 0, truncated: false });
  });
});
