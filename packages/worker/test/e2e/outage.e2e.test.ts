/**
 * The service goes away for 10 s while activities finish: the worker keeps their answers and sends
 * them again until the server is back (restarted on its SQLite file), so no activity runs twice
 * and none waits for its start-to-close timeout.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SWFClient } from '@aws-sdk/client-swf';
import { Activities } from '@swirl/activity';
import { startServer, type SwirlServer } from '@swirl/server';
import { Workflow } from '@swirl/workflow';
import { afterEach, describe, expect, it } from 'vitest';
import { outcome, runWorker, silent, startWorkflow, waitForClose } from './harness.js';

const runs: number[] = [];
let finishing: (() => void) | undefined;
let releaseAll: (() => void) | undefined;
const released = new Promise<void>((resolve) => (releaseAll = resolve));

/** Each call is counted; all three wait until the test has stopped the server, then answer. */
class Ledger extends Activities {
  static readonly type = {
    version: '1',
    defaults: { heartbeatTimeout: 'NONE', startToCloseTimeout: '120s', scheduleToStartTimeout: '60s', scheduleToCloseTimeout: '180s', taskList: 'e2e-outage' },
  };

  async post(entry: number): Promise<string> {
    runs.push(entry);
    if (runs.length === 3) finishing?.();
    await released;
    return `posted ${entry}`;
  }
}

class PostThree extends Workflow<void, string[]> {
  static readonly type = { name: 'PostThree', version: '1', taskList: 'e2e-outage', executionStartToCloseTimeout: '5m', taskStartToCloseTimeout: '30s' };
  async execute(): Promise<string[]> {
    const ledger = this.activities(Ledger);
    return Promise.all([1, 2, 3].map((entry) => ledger.post(entry)));
  }
}

describe('end to end over HTTP: answers sent while the service is down', () => {
  let folder: string | undefined;
  let server: SwirlServer | undefined;
  const stops: Array<() => Promise<void>> = [];

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await server?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('delivers every activity result after a 10 s outage, each activity run once', async () => {
    folder = await mkdtemp(join(tmpdir(), 'swirl-outage-'));
    const databasePath = join(folder, 'swf.db');
    server = await startServer({ port: 0, longPollTimeoutMs: 1_000, logger: silent, databasePath });
    const port = server.port;
    const client = () => new SWFClient({ endpoint: server!.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const worker = await runWorker({ client: client(), domain: 'e2e-outage', taskList: 'e2e-outage', workflows: [PostThree], activities: [new Ledger()] });
    stops.push(worker.stop);
    const retried: string[] = [];
    worker.worker.events.on('respondRetried', (retry) => retried.push(retry.kind));

    const starter = client();
    const execution = await startWorkflow(starter, 'e2e-outage', PostThree, { workflowId: 'outage-1' });
    await new Promise<void>((resolve) => (finishing = resolve));
    await server.close();
    releaseAll!(); // the activities finish with nobody to answer
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    server = await startServer({ port, longPollTimeoutMs: 1_000, logger: silent, databasePath });

    const events = await waitForClose(starter, 'e2e-outage', execution, 30_000);
    starter.destroy();
    expect(outcome(events)).toEqual(['posted 1', 'posted 2', 'posted 3']);
    expect([...runs].sort()).toEqual([1, 2, 3]);
    expect(events.filter((event) => event.eventType === 'ActivityTaskScheduled')).toHaveLength(3);
    expect(events.filter((event) => event.eventType === 'ActivityTaskTimedOut')).toEqual([]);
    expect(retried.filter((kind) => kind === 'activity').length).toBeGreaterThanOrEqual(3);
    console.log(`answers sent again during the outage: ${retried.length}`);
  }, 60_000);
});
