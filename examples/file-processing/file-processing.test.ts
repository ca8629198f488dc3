import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replayHistory } from '@swirl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOfType, scheduledActivities } from '../shared/history-queries.js';
import { startLocalRun, type LocalRun } from '../shared/local-run.js';
import { hostTaskList } from './activities.js';
import { fileHostWorkers, hostFolders } from './hosts.js';
import { FileProcessingWorkflow } from './workflow.js';

describe('file-processing', () => {
  let root: string;
  let run: LocalRun;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'swirl-files-test-'));
    run = await startLocalRun({ workers: [...fileHostWorkers(hostFolders('host-a', root)), ...fileHostWorkers(hostFolders('host-b', root))] });
  });
  afterAll(async () => {
    await run.close();
    await rm(root, { recursive: true, force: true });
  });

  it('processes and uploads every file on the host that downloaded it', async () => {
    const names = ['a', 'b', 'c', 'd'];
    const handles = await Promise.all(
      names.map((name) => run.client.start(FileProcessingWorkflow, { workflowId: `file-${name}`, input: { url: `https://example.com/${name}.csv`, name: `${name}.json` } })),
    );
    for (const handle of handles) {
      const result = await handle.result();
      const [processedOn, uploadedOn] = result.hosts;
      expect(uploadedOn).toBe(processedOn);
      expect(result.lines).toBe(100);

      const events = await handle.fetchHistory();
      const scheduled = scheduledActivities(events);
      expect(scheduled.map(({ name, taskList }) => [name, taskList])).toEqual([
        ['Downloads.download', 'files'],
        ['HostFiles.process', hostTaskList(processedOn!)],
        ['HostFiles.upload', hostTaskList(processedOn!)],
      ]);
      // The worker that downloaded the file is on the same host as the ones that used it.
      const identities = eventsOfType(events, 'ActivityTaskStarted').map((event) => event.activityTaskStartedEventAttributes?.identity);
      expect(identities).toEqual([processedOn, processedOn, processedOn]);
      expect(JSON.parse(await readFile(result.location, 'utf8'))).toEqual({ sha256: result.sha256, lines: 100 });
    }
    // Uploads removed the local copies.
    for (const host of ['host-a', 'host-b']) {
      expect(await readdir(hostFolders(host, root).workDir).catch(() => [])).toEqual([]);
    }
  });
});

describe('file-processing history', () => {
  it('replays the recorded run against the current code', async () => {
    const result = await replayHistory({ workflows: [FileProcessingWorkflow] }, new URL('./histories/report.json', import.meta.url));
    expect(result.decisionTasks).toBe(4);
  });
});
