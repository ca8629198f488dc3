import { assertBlobKey, type BlobStore } from './blob-store.js';

/** Blobs in a Map, for tests and single-process tools: they are gone when the process ends. */
export class MemoryBlobStore implements BlobStore {
  readonly #blobs = new Map<string, Uint8Array>();

  async put(key: string, data: Uint8Array): Promise<void> {
    assertBlobKey(key);
    this.#blobs.set(key, new Uint8Array(data));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    assertBlobKey(key);
    const data = this.#blobs.get(key);
    return data && new Uint8Array(data);
  }

  /** Removes a blob, as a retention rule would. */
  delete(key: string): boolean {
    return this.#blobs.delete(key);
  }

  /** The keys held, in write order. */
  keys(): string[] {
    return [...this.#blobs.keys()];
  }

  locate(key: string): string {
    return `memory:${key}`;
  }
}
