/**
 * A 5 MB activity result through the local server over HTTP with the real SDK: worker and client
 * share a BlobOffloadCodec on a file-system store, then on an S3 store (s3rver, a local S3 REST
 * server from npm), so SWF only ever holds references.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetWorkflowExecutionHistoryCommand, SWFClient, type HistoryEvent } from '@aws-sdk/client-swf';
import { Activities } from '@swirl/activity';
import { WorkflowClient } from '@swirl/client';
import { SWF_LIMITS, mapEventPayloads } from '@swirl/core';
import { startServer, type SwirlServer } from '@swirl/server';
import { Worker } from '@swirl/worker';
import { Workflow } from '@swirl/workflow';
import { pino } from 'pino';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_REFERENCE_PREFIX, BlobOffloadCodec, FileSystemBlobStore, type BlobStore } from '../src/index.js';
import { S3BlobStore } from '../src/s3-blob-store.js';

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
let s3rver: S3rver;
let s3: S3Client;
const clients: SWFClient[] = [];
const sdk = () => {
  const client = new SWFClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'swirl-offload-e2e-'));
  server = await startServer({ logger: pino({ level: 'silent' }), longPollTimeoutMs: 1_000 });
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(folder, 's3rver'), configureBuckets: [{ name: 'payloads' }] });
  const { port } = await s3rver.run();
  s3 = new S3Client({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  s3?.destroy();
  await Promise.all([server?.close(), s3rver?.close()]);
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

/** Each store, and how many blobs it holds under the default prefix. */
const STORES: ReadonlyArray<{ name: string; workflowId: string; open: () => { store: BlobStore; blobCount: () => Promise<number> } }> = [
  {
    name: 'a file-system store',
    workflowId: 'report-fs',
    open: () => ({
      store: new FileSystemBlobStore({ directory: join(folder, 'blobs') }),
      blobCount: async () => (await readdir(join(folder, 'blobs', 'swirl-payloads', 'sha256'))).length,
    }),
  },
  {
    name: 'an S3 store (s3rver)',
    workflowId: 'report-s3',
    open: () => ({
      store: new S3BlobStore({ client: s3, bucket: 'payloads' }),
      blobCount: async () => (await s3.send(new ListObjectsV2Command({ Bucket: 'payloads', Prefix: 'swirl-payloads/sha256/' }))).KeyCount ?? 0,
    }),
  },
];

describe.each(STORES)('big payloads end to end on $name', ({ workflowId, open }) => {
  it('round-trips a 5 MB activity result through SWF as references, read back on every replay and in activities', async () => {
    const { store, blobCount } = open();
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
      const handle = await client.start(BuildReport, { workflowId, input: 'q3' });
      const { report, digest } = await handle.result();
      const expected = 'q3:'.padEnd(REPORT_CHARS, '0123456789abcdef');
      expect(report.length).toBe(REPORT_CHARS);
      expect(report === expected).toBe(true);
      expect(digest).toEqual({ chars: REPORT_CHARS, sha256: sha256(expected) });

      const events = await history(sdk(), { workflowId, runId: handle.runId! });
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
      expect(await blobCount()).toBe(2);
    } finally {
      await worker.shutdown();
    }
  });
});
