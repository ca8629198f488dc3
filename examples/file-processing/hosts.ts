/** The two workers every file host runs: one on the shared list, one on the host's own list. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalWorkerOptions } from '../shared/local-run.js';
import { Downloads, FILES_TASK_LIST, HostFiles, hostTaskList } from './activities.js';
import { FileProcessingWorkflow } from './workflow.js';

/** Scratch and outbox folders of a host under `root`. @default root: the OS temp folder */
export function hostFolders(host: string, root = join(tmpdir(), 'swirl-file-processing')) {
  return { host, workDir: join(root, host, 'work'), outbox: join(root, 'outbox') };
}

/** Worker options of one host (without client and domain). */
export function fileHostWorkers(folders: ReturnType<typeof hostFolders>): LocalWorkerOptions[] {
  return [
    { taskList: FILES_TASK_LIST, identity: folders.host, workflows: [FileProcessingWorkflow], activities: [new Downloads(folders)] },
    { taskList: hostTaskList(folders.host), identity: folders.host, activities: [new HostFiles(folders)] },
  ];
}
