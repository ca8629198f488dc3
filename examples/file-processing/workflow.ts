/**
 * Download, process and upload one file on the same host. The download runs on the shared list;
 * the result names the host's own task list, and the next two activities are scheduled there, so
 * they find the file on local disk. `scheduleToStartTimeout` bounds the wait if that host is gone.
 */
import { Workflow } from '@swirl/workflow';
import { Downloads, FILES_TASK_LIST, HostFiles } from './activities.js';

export interface FileJob {
  readonly url: string;
  /** Name of the uploaded summary. */
  readonly name: string;
}

export interface FileJobResult {
  readonly location: string;
  readonly sha256: string;
  readonly lines: number;
  /** The hosts that processed and uploaded the file: the same one, by design. */
  readonly hosts: readonly string[];
}

export class FileProcessingWorkflow extends Workflow<FileJob, FileJobResult> {
  static readonly type = { name: 'FileProcessing', version: '1', taskList: FILES_TASK_LIST, executionStartToCloseTimeout: '10m' };

  readonly #downloads = this.activities(Downloads);

  async execute(job: FileJob): Promise<FileJobResult> {
    const file = await this.#downloads.download({ url: job.url });
    const onHost = this.activities(HostFiles, { taskList: file.hostTaskList, scheduleToStartTimeout: '30s' });
    const processed = await onHost.process({ path: file.path });
    const uploaded = await onHost.upload({ path: processed.path, source: file.path, name: job.name });
    return { location: uploaded.location, sha256: processed.sha256, lines: processed.lines, hosts: [processed.host, uploaded.host] };
  }
}
