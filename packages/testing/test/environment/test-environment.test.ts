import { NonDeterminismError } from '@swirl/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replayHistory, TestEnvironment } from '../../src/index.js';
import { HangingCall, Mailer, snooze, TASK_LIST, WeeklyReminder, WeeklyReminderWithHeadsUp } from '../support/reminder-workflows.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('TestEnvironment', () => {
  let env: TestEnvironment;
  let mailer: Mailer;

  beforeEach(async () => {
    env = await TestEnvironment.create({ startTime: Date.UTC(2025, 0, 6, 9, 0, 0), busyTaskTimeout: '200ms' });
    mailer = new Mailer();
    await env.createWorker({ taskList: TASK_LIST, workflows: [WeeklyReminder, HangingCall], activities: [mailer] });
  });
  afterEach(async () => {
    await env.teardown();
  });

  it('runs a workflow that sleeps for a week by skipping virtual time', async () => {
    const handle = await env.client.start(WeeklyReminder, { workflowId: 'reminder-1', input: { to: 'ana' } });
    await env.sleep('6d');
    expect((await handle.describe()).status).toBe('OPEN');
    expect(mailer.sent).toEqual([]);

    await env.sleep('1d');
    expect(await handle.result()).toEqual({ result: 'sent to ana', daysWaited: 7 });
    expect(mailer.sent).toEqual(['ana: weekly reminder']);
    expect(env.now()).toEqual(new Date(Date.UTC(2025, 0, 13, 9, 0, 0)));
  });

  it('lets workers react to a signal between timers', async () => {
    const handle = await env.client.start(WeeklyReminder, { workflowId: 'reminder-2', input: { to: 'bo' } });
    await env.sleep('3d');
    await handle.signal(snooze, { days: 2 });
    await env.sleep('5d');
    expect((await handle.describe()).status).toBe('OPEN');
    expect(await env.runUntil(handle.result())).toEqual({ result: 'sent to bo', daysWaited: 9 });
  });

  it('fires an activity timeout under virtual time', async () => {
    const startedAt = env.now().getTime();
    const handle = await env.client.start(HangingCall, { workflowId: 'hanging-1' });
    expect(await env.runUntil(handle.result())).toBe('timed out: START_TO_CLOSE');
    expect(env.now().getTime() - startedAt).toBe(5 * 60 * 1000);
  });

  it('records a history that replays, and catches a changed workflow at the event it no longer matches', async () => {
    const handle = await env.client.start(WeeklyReminder, { workflowId: 'reminder-3', input: { to: 'cy' } });
    await env.runUntil(handle.result());
    const recorded = await env.exportHistory('reminder-3');
    expect(recorded.workflowType).toEqual({ name: 'WeeklyReminder', version: '1' });

    const replayed = await replayHistory({ workflows: [WeeklyReminder] }, recorded);
    expect(replayed.execution).toEqual(recorded.execution);
    expect(replayed.nextDecisions).toEqual([]);

    const changed = replayHistory({ workflows: [WeeklyReminderWithHeadsUp] }, recorded);
    await expect(changed).rejects.toBeInstanceOf(NonDeterminismError);
    const error = (await changed.catch((caught: unknown) => caught)) as NonDeterminismError;
    const timerStarted = recorded.events.find((event) => event['eventType'] === 'TimerStarted');
    expect(error.eventId).toBe(timerStarted?.['eventId']);
    expect(error.message).toContain('TimerStarted');
    expect(error.message).toContain('ScheduleActivityTask');
  });

  it('moves the clock only as far as asked when nothing is due', async () => {
    const before = env.now().getTime();
    await env.sleep('90m');
    expect(env.now().getTime() - before).toBe(90 * 60 * 1000);
    await env.sleep(0);
    expect(env.now().getTime() - before).toBe(90 * 60 * 1000);
  });
});

describe('TestEnvironment lifecycle', () => {
  it('refuses calls after teardown and tears down only once', async () => {
    const env = await TestEnvironment.create();
    await env.teardown();
    await env.teardown();
    await expect(env.sleep('1s')).rejects.toThrow('after teardown()');
  });

  it('waits a week in milliseconds even when no worker runs', async () => {
    const env = await TestEnvironment.create();
    try {
      const start = env.now().getTime();
      await env.sleep('7d');
      expect(env.now().getTime() - start).toBe(7 * DAY_MS);
    } finally {
      await env.teardown();
    }
  });
});
