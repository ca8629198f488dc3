/**
 * File work that must stay on one host: `download` writes the file to this host's disk, so
 * `process` and `upload` must run where it landed. Every worker host polls the shared list for
 * downloads and its own host list for the rest; `download` tells the workflow which list that is.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Activities } from '@swirl/activity';

/** The shared task list: decisions and downloads, taken by any host. */
export const FILES_TASK_LIST = 'files';

/** The task list only the worker on `host` polls. */
export function hostTaskList(host: string): string {
  // SWF names may not contain ':', '/' or '|'; host names can.
  return `files-${host.replace(/[^A-Za-z0-9._-]/g, '-')}`;
}

const timeouts = { scheduleToStartTimeout: '1m', startToCloseTimeout: '1m', scheduleToCloseTimeout: '2m', heartbeatTimeout: 'NONE' };

export interface HostOptions {
  /** The name of this host, as in its task list. */
  readonly host: string;
  /** Local scratch folder of this host, where downloads land. */
  readonly workDir: string;
  /** Where uploads go: stands in for the object store. */
  readonly outbox: string;
}

export interface DownloadedFile {
  /** The task list of the host holding the file. */
  readonly hostTaskList: string;
  readonly path: string;
  readonly bytes: number;
}

export class Downloads extends Activities {
  static readonly type = { version: '1', defaults: { taskList: FILES_TASK_LIST, ...timeouts } };
  readonly #host: HostOptions;

  constructor(host: HostOptions) {
    super();
    this.#host = host;
  }

  /** "Downloads" `url` to this host's disk (the content is generated: the examples stay offline). */
  async download(input: { url: string }): Promise<DownloadedFile> {
    await mkdir(this.#host.workDir, { recursive: true });
    const content = `contents of ${input.url}\n`.repeat(100);
    const path = join(this.#host.workDir, `${createHash('sha1').update(input.url).digest('hex').slice(0, 12)}.txt`);
    await writeFile(path, content);
    return { hostTaskList: hostTaskList(this.#host.host), path, bytes: Buffer.byteLength(content) };
  }
}

export class HostFiles extends Activities {
  // No default task list: the workflow names the host's list on every call.
  static readonly type = { version: '1', defaults: timeouts };
  readonly #host: HostOptions;

  constructor(host: HostOptions) {
    super();
    this.#host = host;
  }

  /** Processes the local file (here: a checksum and a line count written beside it). */
  async process(input: { path: string }): Promise<{ path: string; sha256: string; lines: number; host: string }> {
    const content = await readFile(input.path, 'utf8');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const lines = content.split('\n').length - 1;
    const path = `${input.path}.summary.json`;
    await writeFile(path, JSON.stringify({ sha256, lines }));
    return { path, sha256, lines, host: this.#host.host };
  }

  /** Uploads the processed file to the outbox and removes the local copies. */
  async upload(input: { path: string; source: string; name: string }): Promise<{ location: string; host: string }> {
    await mkdir(this.#host.outbox, { recursive: true });
    const location = join(this.#host.outbox, input.name);
    await writeFile(location, await readFile(input.path));
    await Promise.all([rm(input.path), rm(input.source)]);
    return { location, host: this.#host.host };
  }
}
