/** The committed history of file-processing: one file downloaded, processed and uploaded on host "host-a". */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordRun, type Recording } from '../shared/recording.js';
import { fileHostWorkers, hostFolders } from './hosts.js';
import { FileProcessingWorkflow } from './workflow.js';

export const recordings: readonly Recording[] = [
  {
    file: 'report.json',
    record: async () => {
      const root = await mkdtemp(join(tmpdir(), 'swirl-files-record-'));
      try {
        return await recordRun({ workers: fileHostWorkers(hostFolders('host-a', root)) }, async (run) => {
          const handle = await run.client.start(FileProcessingWorkflow, {
            workflowId: 'file-report',
            input: { url: 'https://example.com/report.csv', name: 'report.json' },
          });
          await handle.result();
          return handle;
        });
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  },
];
