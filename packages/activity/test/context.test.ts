import { describe, expect, it, vi } from 'vitest';
import {
  ActivityCancelledError,
  createActivityContext,
  isCancellation,
  type ActivityInfo,
  type HeartbeatOutcome,
} from '../src/index.js';

const info = { activityId: 'a1', taskToken: 't' } as ActivityInfo;

function recorder(outcome: HeartbeatOutcome = 'OK') {
  const sent: unknown[] = [];
  return { sent, record: async (details: unknown) => (sent.push(details), outcome) };
}

describe('activity context', () => {
  it('sends the first heartbeat at once and holds later ones until the interval ends, newest details winning', async () => {
    vi.useFakeTimers();
    try {
      const { sent, record } = recorder();
      const control = createActivityContext({ info, recordHeartbeat: record, heartbeatThrottleMs: 1000 });
      control.context.heartbeat(1);
      control.context.heartbeat(2);
      control.context.heartbeat(3);
      await vi.advanceTimersByTimeAsync(0);
      expect(sent).toEqual([1]);
      await vi.advanceTimersByTimeAsync(1000);
      expect(sent).toEqual([1, 3]);
      await vi.advanceTimersByTimeAsync(5000);
      expect(sent).toEqual([1, 3]);
      await control.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('aborts the signal with CANCEL_REQUESTED when a heartbeat reports a cancel request', async () => {
    const control = createActivityContext({ info, recordHeartbeat: recorder('CANCEL_REQUESTED').record, heartbeatThrottleMs: 10 });
    control.context.heartbeat('progress');
    await vi.waitFor(() => expect(control.context.signal.aborted).toBe(true));
    const reason = control.context.signal.reason as ActivityCancelledError;
    expect(reason).toBeInstanceOf(ActivityCancelledError);
    expect(reason.reason).toBe('CANCEL_REQUESTED');
    expect(isCancellation(reason, control.context.signal)).toBe(true);
    await control.dispose();
  });

  it('aborts the signal with TASK_GONE when SWF no longer knows the task', async () => {
    const control = createActivityContext({ info, recordHeartbeat: recorder('TASK_GONE').record, heartbeatThrottleMs: 10 });
    control.context.heartbeat();
    await vi.waitFor(() => expect((control.context.signal.reason as ActivityCancelledError)?.reason).toBe('TASK_GONE'));
    await control.dispose();
  });

  it('reports heartbeat transport errors and keeps the signal live', async () => {
    const errors: unknown[] = [];
    const control = createActivityContext({
      info,
      recordHeartbeat: async () => {
        throw new Error('socket hang up');
      },
      onHeartbeatError: (error) => errors.push(error),
      heartbeatThrottleMs: 10,
    });
    control.context.heartbeat();
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(control.context.signal.aborted).toBe(false);
    await control.dispose();
  });

  it('heartbeats automatically with the latest details when asked', async () => {
    vi.useFakeTimers();
    try {
      const { sent, record } = recorder();
      const control = createActivityContext({ info, recordHeartbeat: record, heartbeatThrottleMs: 100 });
      control.context.heartbeat('first');
      control.startAutoHeartbeat(100);
      await vi.advanceTimersByTimeAsync(350);
      expect(sent).toEqual(['first', 'first', 'first', 'first']);
      await control.dispose();
      await vi.advanceTimersByTimeAsync(1000);
      expect(sent).toHaveLength(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells onHeartbeat of every call, including the ones the throttle holds or coalesces', async () => {
    const seen: unknown[] = [];
    const { sent, record } = recorder();
    const control = createActivityContext({ info, recordHeartbeat: record, heartbeatThrottleMs: 60_000, onHeartbeat: (details) => seen.push(details) });
    control.context.heartbeat(1);
    control.context.heartbeat(2);
    control.context.heartbeat(3);
    await vi.waitFor(() => expect(sent).toEqual([1]));
    expect(seen).toEqual([1, 2, 3]);
    await control.dispose();
  });

  it('reports the first held heartbeat once, and a shorter interval sends the held details by its end', async () => {
    vi.useFakeTimers();
    try {
      const { sent, record } = recorder();
      let throttled = 0;
      const control = createActivityContext({ info, recordHeartbeat: record, heartbeatThrottleMs: 10_000, onThrottled: () => (throttled += 1) });
      control.context.heartbeat('a');
      await vi.advanceTimersByTimeAsync(0);
      expect(throttled).toBe(0);
      control.context.heartbeat('b');
      control.context.heartbeat('c');
      expect(throttled).toBe(1);
      await vi.advanceTimersByTimeAsync(500);
      control.setHeartbeatInterval(1_000);
      expect(control.heartbeatIntervalMs).toBe(1_000);
      await vi.advanceTimersByTimeAsync(499);
      expect(sent).toEqual(['a']);
      await vi.advanceTimersByTimeAsync(1);
      expect(sent).toEqual(['a', 'c']);
      control.context.heartbeat('d');
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sent).toEqual(['a', 'c', 'd']);
      expect(throttled).toBe(1);
      await control.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('moves the automatic heartbeat to a new interval, and ignores changes after dispose', async () => {
    vi.useFakeTimers();
    try {
      const { sent, record } = recorder();
      const control = createActivityContext({ info, recordHeartbeat: record, heartbeatThrottleMs: 10_000 });
      control.startAutoHeartbeat(10_000);
      control.setHeartbeatInterval(1_000);
      await vi.advanceTimersByTimeAsync(3_500);
      expect(sent).toHaveLength(3);
      await control.dispose();
      control.setHeartbeatInterval(10);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(sent).toHaveLength(3);
      expect(control.disposed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('records manual completion', () => {
    const control = createActivityContext({ info, recordHeartbeat: recorder().record, heartbeatThrottleMs: 10 });
    expect(control.completesManually).toBe(false);
    control.context.doNotComplete();
    expect(control.completesManually).toBe(true);
  });

  it('aborts once with the first reason', () => {
    const control = createActivityContext({ info, recordHeartbeat: recorder().record, heartbeatThrottleMs: 10 });
    control.abort('WORKER_SHUTDOWN');
    control.abort('TASK_GONE');
    expect((control.context.signal.reason as ActivityCancelledError).reason).toBe('WORKER_SHUTDOWN');
    expect(isCancellation(new DOMException('aborted', 'AbortError'), control.context.signal)).toBe(true);
    expect(isCancellation(new Error('boom'), control.context.signal)).toBe(false);
  });
});

describe('ActivityCancelledError', () => {
  it('is a CancelledFailure named for itself', async () => {
    const { CancelledFailure } = await import('@swirl/core');
    const error = new ActivityCancelledError('TASK_GONE');
    expect(error).toBeInstanceOf(CancelledFailure);
    expect(error.name).toBe('ActivityCancelledError');
    expect(error.message).toMatch(/timed out or its workflow execution closed/);
  });
});
