/**
 * Payload codecs on worker and client together, and `failWorkflowOn`, end to end over HTTP with the
 * real SDK against the local server.
 */
import { TerminateWorkflowExecutionCommand } from '@aws-sdk/client-swf';
import { Activities } from '@swirl/activity';
import { WorkflowClient } from '@swirl/client';
import { AES_GCM_PREFIX, AesGcmCodec, ApplicationFailure, GzipCodec, mapEventPayloads } from '@swirl/core';
import { Workflow } from '@swirl/workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskRef } from '../../src/index.js';
import { history, runWorker, startSwf, waitForClose, type Swf } from './harness.js';

const TASK_LIST = 'e2e-payloads';
const SECRET = 'tell-no-one';

export class Vault extends Activities {
  static readonly type = { version: '1', defaults: { startToCloseTimeout: '20s', scheduleToStartTimeout: '20s', scheduleToCloseTimeout: '40s', heartbeatTimeout: '20s', taskList: TASK_LIST } };

  async store(document: { owner: string; body: string }): Promise<{ receipt: string; length: number }> {
    return { receipt: `${document.owner}:${document.body.slice(0, SECRET.length)}`, length: document.body.length };
  }
}

export class Safekeeping extends Workflow<{ owner: string; body: string }, { receipt: string; length: number }> {
  static readonly type = { name: 'Safekeeping', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };
  readonly #vault = this.activities(Vault);

  async execute(document: { owner: string; body: string }): Promise<{ receipt: string; length: number }> {
    return this.#vault.store(document);
  }
}

class InventoryError extends Error {
  override readonly name = 'InventoryError';
}

/** Throws the error its input names: the worker fails the run on InventoryError, only the task otherwise. */
export class Stocktake extends Workflow<'inventory' | 'range', string> {
  static readonly type = { name: 'Stocktake', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '10s' };

  async execute(kind: 'inventory' | 'range'): Promise<string> {
    await this.sleep(0);
    if (kind === 'inventory') throw new InventoryError('shelf 4 is empty');
    throw new RangeError('count out of range');
  }
}

describe('end to end over HTTP: payload codecs and failWorkflowOn', () => {
  let swf: Swf;
  beforeAll(async () => {
    swf = await startSwf();
  });
  afterAll(async () => {
    await swf?.close();
  });

  it('compresses and encrypts every payload on worker and client alike; SWF holds only ciphertext', async () => {
    const domain = 'e2e-codecs';
    const key = new Uint8Array(32).map((_, index) => index * 7 + 1);
    const codecs = () => [new GzipCodec({ minLength: 64 }), new AesGcmCodec({ key, keyId: 'k1' })];
    const { stop } = await runWorker({
      client: swf.newClient(),
      domain,
      taskList: TASK_LIST,
      workflows: [Safekeeping],
      activities: [new Vault()],
      payloadCodecs: codecs(),
    });
    try {
      const client = new WorkflowClient({ client: swf.client, domain, codecs: codecs() });
      const body = `${SECRET} `.repeat(200);
      const handle = await client.start(Safekeeping, { workflowId: 'sealed-1', input: { owner: 'ada', body } });
      expect(await handle.result()).toEqual({ receipt: `ada:${SECRET}`, length: body.length });

      const events = await history(swf.client, domain, { workflowId: 'sealed-1', runId: handle.runId! });
      expect(JSON.stringify(events)).not.toContain(SECRET);
      const payloads: Array<{ event: string; field: string; value: string }> = [];
      for (const event of events) {
        await mapEventPayloads(event, async (value, field) => {
          payloads.push({ event: event.eventType!, field, value });
          return value;
        });
      }
      expect(payloads.map(({ event, field }) => `${event}.${field}`)).toEqual([
        'WorkflowExecutionStarted.input',
        'ActivityTaskScheduled.input',
        'ActivityTaskCompleted.result',
        'WorkflowExecutionCompleted.result',
      ]);
      for (const { value } of payloads) expect(value.startsWith(`${AES_GCM_PREFIX}k1:`)).toBe(true);
      // Compressed before encryption: the 2,400-character input travels far smaller.
      expect(payloads[0]!.value.length).toBeLessThan(body.length / 2);
    } finally {
      await stop();
    }
  });

  it('fails the run on an error type listed in failWorkflowOn, and only the decision task on any other', async () => {
    const domain = 'e2e-fail-on';
    const { worker, stop } = await runWorker({
      client: swf.newClient(),
      domain,
      taskList: TASK_LIST,
      workflows: [Stocktake],
      failWorkflowOn: [InventoryError],
    });
    const failedTasks: Array<TaskRef & { error: unknown }> = [];
    worker.events.on('taskFailed', (failure) => failedTasks.push(failure));
    try {
      const client = new WorkflowClient({ client: swf.client, domain });
      const failing = await client.start(Stocktake, { workflowId: 'stocktake-inventory', input: 'inventory' });
      const failure = await failing.result().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ type: 'InventoryError', message: 'shelf 4 is empty' });
      const events = await waitForClose(swf.client, domain, { workflowId: 'stocktake-inventory', runId: failing.runId! });
      expect(events.at(-1)?.workflowExecutionFailedEventAttributes?.reason).toBe('InventoryError');

      const stuck = await client.start(Stocktake, { workflowId: 'stocktake-range', input: 'range' });
      await expect.poll(() => failedTasks.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(failedTasks[0]).toMatchObject({ kind: 'decision', workflowId: 'stocktake-range' });
      expect((failedTasks[0]!.error as Error).name).toBe('RangeError');
      expect((await stuck.describe()).status).toBe('OPEN');
      await swf.client.send(new TerminateWorkflowExecutionCommand({ domain, workflowId: 'stocktake-range', runId: stuck.runId! }));
    } finally {
      await stop();
    }
  });
});
