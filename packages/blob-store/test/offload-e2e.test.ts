/**
 * A 5 MB activity result through the local server over HTTP with the real SDK: worker and client
 * share a BlobOffloadCodec on a file-system store, so SWF only ever holds references.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetWorkflowExecutionHistoryCommand, SWFClient, type HistoryEvent } from '@aws-sdk/client-swf';
import { Activities } from '@swirl/activity';
import { WorkflowClient } from '@swirl/client';
import { SWF_LIMITS, mapEventPayloads } from '@swirl/core';
import { startServer, type SwirlServer } from '@swirl/server';
import { Worker } from '@swirl/worker';
import { Workflow } from '@swirl/workflow';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_REFERENCE_PREFIX, BlobOffloadCodec, FileSystemBlobStore } from '../src/index.js';

const TASK_LIST = 'big-payloads';
const DOMAIN = 'big-payloads';
const REPORT_CHARS = 5 * 1024 * 1024;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class Reports extends Activities {
  static readonly type = { version: '1', defaults: { startToCloseTimeout: '60s', scheduleToStartTimeout: '60s', scheduleToCloseTimeout: '120s', heartbeatTimeout: '60s', taskList: TASK_LIST } };

  /** A 5 MB result: five times SWF's whole request limit, 160 times a result field's. */
  async render(seed: string): Promise<string> {
    return `${seed}:`.padEnd(REPORT_CHARS, '0123456789abcdef');
  }

  async digest(report: string): Promise<{ chars: number; sha256: string }> {
    return { chars: report.length, sha256: sha256(report) };
  }
}

export class BuildReport extends Workflow<string, { report: string; digest: { chars: number; sha256: string } }> {
  static readonly type = { name: 'BuildReport', version: '1', taskList: TASK_LIST, executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '30s' };
  readonly #reports = this.activities(Reports);

  async execute(seed: string) {
    const report = await this.#reports.render(seed);
    // The big result goes back out as the next activity's input, then as the run's result.
    const digest = await this.#reports.digest(report);
    return { report, digest };
  }
}

let folder: string;
let server: SwirlServer;
const clients: SWFClient[] = [];
const sdk = () => {
  const client = new SWFClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'swirl-offload-e2e-'));
  server = await startServer({ logger: pino({ level: 'silent' }), longPollTimeoutMs: 1_000 });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
  await rm(folder, { recursive: true, force: true });
});

async function history(client: SWFClient, execution: { workflowId: string; runId: string }): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await client.send(new GetWorkflowExecutionHistoryCommand({ domain: DOMAIN, execution, nextPageToken }));
    events.push(...(page.events ?? []));
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
  return events;
}

describe('big payloads end to end', () => {
  it('round-trips a 5 MB activity result through SWF as references, read back on every replay and in activities', async () => {
    const store = new FileSystemBlobStore({ directory: join(folder, 'blobs') });
    // No sticky cache and no codec cache on the worker: each decision task replays the whole
    // history and reads every offloaded payload back from the store.
    const worker = await Worker.create({
      client: sdk(),
      domain: DOMAIN,
      taskList: TASK_LIST,
      workflows: [BuildReport],
      activities: [new Reports()],
      payloadCodecs: [new BlobOffloadCodec({ store, cacheSize: 0 })],
      stickyCacheSize: 0,
      logger: pino({ level: 'silent' }),
      handleSignals: false,
    });
    await worker.start();
    try {
      const client = new WorkflowClient({ client: sdk(), domain: DOMAIN, codecs: [new BlobOffloadCodec({ store })] });
      const handle = await client.start(BuildReport, { workflowId: 'report-1', input: 'q3' });
      const { report, digest } = await handle.result();
      const expected = 'q3:'.padEnd(REPORT_CHARS, '0123456789abcdef');
      expect(report.length).toBe(REPORT_CHARS);
      expect(report === expected).toBe(true);
      expect(digest).toEqual({ chars: REPORT_CHARS, sha256: sha256(expected) });

      const events = await history(sdk(), { workflowId: 'report-1', runId: handle.runId! });
      const fields: Array<{ field: string; value: string }> = [];
      for (const event of events) {
        await mapEventPayloads(event, async (value, field) => {
          fields.push({ field: `${event.eventType}.${field}`, value });
          return value;
        });
      }
      // Every payload field stays far under SWF's 32,768 characters, and so does the whole history.
      expect(Math.max(...fields.map(({ value }) => value.length))).toBeLessThan(200);
      expect(JSON.stringify(events).length).toBeLessThan(SWF_LIMITS.payload);
      const offloaded = fields.filter(({ value }) => value.startsWith(BLOB_REFERENCE_PREFIX)).map(({ field }) => field);
      expect(offloaded.sort()).toEqual(['ActivityTaskCompleted.result', 'ActivityTaskScheduled.input', 'WorkflowExecutionCompleted.result']);
      // The render result and the digest's input are the same bytes: one blob. The run's result is a second.
      expect(await readdir(join(folder, 'blobs', 'swirl-payloads', 'sha256'))).toHaveLength(2);
    } finally {
      await worker.shutdown();
    }
  });
});
