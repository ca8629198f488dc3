/**
 * Activity heartbeats end to end over HTTP: automatic heartbeats keep a silent activity alive, a
 * workflow's lower heartbeat timeout paces the heartbeats, and a client's cancel request reaches the
 * activity's AbortSignal through a heartbeat.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { Activities, type ActivityCancelledError } from '@swirl/activity';
import { WorkflowClient } from '@swirl/client';
import { CancelledFailure } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, runWorker, startSwf, type Swf } from './harness.js';

const TASK_LIST = 'e2e-heartbeats';

/** Why each waiting activity's signal fired. */
const abortReasons: string[] = [];
let waitingStarted = 0;

export class Chores extends Activities {
  static readonly type = {
    version: '1',
    defaults: { startToCloseTimeout: '60s', scheduleToStartTimeout: '30s', scheduleToCloseTimeout: '90s', heartbeatTimeout: '60s', taskList: TASK_LIST },
  };

  /** Works `ms` without a single heartbeat call of its own. */
  async quietly(ms: number): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return `quiet for ${ms}`;
  }

  /** Heartbeats every 100 ms for `ms`. */
  async chattily(ms: number): Promise<string> {
    for (let elapsed = 0; elapsed < ms; elapsed += 100) {
      this.context.heartbeat({ elapsed });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return `chatty for ${ms}`;
  }

  /** Heartbeats until its signal fires, then records why and stops. */
  async untilCancelled(_input: null): Promise<string> {
    const { signal } = this.context;
    waitingStarted += 1;
    while (!signal.aborted) {
      this.context.heartbeat('waiting');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    abortReasons.push((signal.reason as ActivityCancelledError).reason);
    throw signal.reason;
  }
}

/** `quietly` under a 3s heartbeat timeout set by the workflow (the type registers 60s). */
export class QuietWork extends Workflow<number, string> {
  static readonly type = { name: 'QuietWork', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #chores = this.activities(Chores, { heartbeatTimeout: '3s' });
  async execute(ms: number): Promise<string> {
    return this.#chores.quietly(ms);
  }
}

/** `chattily` under a 2s heartbeat timeout set by the workflow (the type registers 60s, paced at 48s). */
export class ChattyWork extends Workflow<number, string> {
  static readonly type = { name: 'ChattyWork', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #chores = this.activities(Chores, { heartbeatTimeout: '2s' });
  async execute(ms: number): Promise<string> {
    return this.#chores.chattily(ms);
  }
}

export class CancellableWork extends Workflow<void, string> {
  static readonly type = { name: 'CancellableWork', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #chores = this.activities(Chores, { heartbeatTimeout: '2s' });
  async execute(): Promise<string> {
    return this.#chores.untilCancelled(null);
  }
}

const types = (events: HistoryEvent[]) => events.map((event) => event.eventType);

describe('end to end over HTTP: activity heartbeats', () => {
  let swf: Swf;
  beforeAll(async () => {
    swf = await startSwf();
  });
  afterAll(async () => {
    await swf?.close();
  });

  async function worker(domain: string, autoHeartbeat: boolean) {
    const running = await runWorker({
      client: swf.newClient(),
      domain,
      taskList: TASK_LIST,
      workflows: [QuietWork, ChattyWork, CancellableWork],
      activities: [new Chores()],
      autoHeartbeat,
    });
    return { ...running, client: new WorkflowClient({ client: swf.client, domain }) };
  }

  it('autoHeartbeat keeps an activity that never heartbeats alive past its heartbeat timeout', async () => {
    const { client, stop } = await worker('e2e-auto-heartbeat', true);
    try {
      const handle = await client.start(QuietWork, { workflowId: 'quiet-1', input: 5_000 });
      expect(await handle.result()).toBe('quiet for 5000');
      const events = await history(swf.client, 'e2e-auto-heartbeat', { workflowId: 'quiet-1', runId: handle.runId! });
      expect(types(events)).not.toContain('ActivityTaskTimedOut');
    } finally {
      await stop();
    }
  });

  it('without autoHeartbeat the same activity times out on its heartbeat', async () => {
    const { client, stop } = await worker('e2e-no-auto-heartbeat', false);
    try {
      const handle = await client.start(QuietWork, { workflowId: 'quiet-2', input: 5_000 });
      await expect(handle.result()).rejects.toThrow();
      const events = await history(swf.client, 'e2e-no-auto-heartbeat', { workflowId: 'quiet-2', runId: handle.runId! });
      const timedOut = events.find((event) => event.eventType === 'ActivityTaskTimedOut');
      expect(timedOut?.activityTaskTimedOutEventAttributes?.timeoutType).toBe('HEARTBEAT');
    } finally {
      await stop();
    }
  });

  it('paces heartbeats by the lower heartbeat timeout the workflow chose, not the registered one', async () => {
    const { client, stop } = await worker('e2e-heartbeat-override', false);
    try {
      const handle = await client.start(ChattyWork, { workflowId: 'chatty-1', input: 5_000 });
      expect(await handle.result()).toBe('chatty for 5000');
      const events = await history(swf.client, 'e2e-heartbeat-override', { workflowId: 'chatty-1', runId: handle.runId! });
      expect(events.find((event) => event.eventType === 'ActivityTaskScheduled')?.activityTaskScheduledEventAttributes?.heartbeatTimeout).toBe('2');
      expect(types(events)).not.toContain('ActivityTaskTimedOut');
    } finally {
      await stop();
    }
  });

  it("a client's cancel request reaches the activity's AbortSignal through its heartbeat", async () => {
    const { client, stop } = await worker('e2e-heartbeat-cancel', false);
    abortReasons.length = 0;
    waitingStarted = 0;
    try {
      const handle = await client.start(CancellableWork, { workflowId: 'cancel-1' });
      await expect.poll(() => waitingStarted, { timeout: 10_000 }).toBe(1);
      await handle.requestCancel();
      const failure = await handle.result().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(CancelledFailure);
      expect(abortReasons).toEqual(['CANCEL_REQUESTED']);
      const events = await history(swf.client, 'e2e-heartbeat-cancel', { workflowId: 'cancel-1', runId: handle.runId! });
      expect(types(events)).toEqual(
        expect.arrayContaining(['WorkflowExecutionCancelRequested', 'ActivityTaskCancelRequested', 'ActivityTaskCanceled', 'WorkflowExecutionCanceled']),
      );
      expect(types(events).at(-1)).toBe('WorkflowExecutionCanceled');
    } finally {
      await stop();
    }
  });
});
