/**
 * Blobs as files under one directory, a key's `/` segments becoming folders. Workers and clients on
 * one machine (or sharing a network file system) read each other's payloads.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assertBlobKey, type BlobStore } from './blob-store.js';

export interface FileSystemBlobStoreOptions {
  /** The root folder; created on first write. */
  readonly directory: string;
}

export class FileSystemBlobStore implements BlobStore {
  readonly directory: string;

  constructor(options: FileSystemBlobStoreOptions) {
    if (typeof options.directory !== 'string' || options.directory === '') {
      throw new TypeError('FileSystemBlobStore needs a directory, got ' + JSON.stringify(options.directory));
    }
    this.directory = resolve(options.directory);
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const path = this.locate(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside, then renamed: a reader (or a crash) never sees half a file under the key.
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      await writeFile(partial, data);
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.locate(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  locate(key: string): string {
    assertBlobKey(key);
    return join(this.directory, ...key.split('/'));
  }
}
