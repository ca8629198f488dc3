/**
 * Moves big payloads out of SWF: a payload longer than `threshold` characters is written to a
 * blob store under the SHA-256 of its bytes, and the SWF field carries only
 * `swirl-blob:<prefix>sha256/<hex>` (about 90 characters). Decoding reads it back and checks the
 * hash, so replay, retries and every worker see exactly the bytes that were written; shorter
 * payloads and payloads this codec did not write pass through unchanged.
 *
 * Put it last in the codec list (`[new GzipCodec(), new BlobOffloadCodec({ store })]`), so what is
 * stored is already compressed or encrypted.
 */
import { createHash } from 'node:crypto';
import type { PayloadCodec } from '@swirl/core';
import { BlobIntegrityError, BlobNotFoundError } from './blob-errors.js';
import { assertBlobKey, type BlobStore } from './blob-store.js';

export const BLOB_REFERENCE_PREFIX = 'swirl-blob:';

/** Half of SWF's 32,768-character limit: room for the other fields of a decision or event. */
export const DEFAULT_OFFLOAD_THRESHOLD = 16 * 1024;

export interface BlobOffloadCodecOptions {
  readonly store: BlobStore;
  /** Payloads longer than this many characters are offloaded. @default 16384 */
  readonly threshold?: number;
  /** Prepended to every key, e.g. a folder per application (`orders/`). Part of each reference, so changing it later leaves old references readable. @default 'swirl-payloads/' */
  readonly keyPrefix?: string;
  /** Characters of payloads kept in memory after a write or read, so a replay or the activity after its scheduling does not fetch again; 0 turns it off. @default 33554432 (32 Mi) */
  readonly cacheSize?: number;
}

const ADDRESS = /^(.*)sha256\/([0-9a-f]{64})$/;

export class BlobOffloadCodec implements PayloadCodec {
  readonly #store: BlobStore;
  readonly #threshold: number;
  readonly #keyPrefix: string;
  readonly #cache: PayloadCache;

  constructor(options: BlobOffloadCodecOptions) {
    if (options.store === undefined) throw new TypeError('BlobOffloadCodec needs a store (a FileSystemBlobStore, an S3BlobStore, ...)');
    this.#store = options.store;
    this.#threshold = integerOption('threshold', options.threshold ?? DEFAULT_OFFLOAD_THRESHOLD);
    this.#keyPrefix = options.keyPrefix ?? 'swirl-payloads/';
    if (this.#keyPrefix !== '') assertBlobKey(`${this.#keyPrefix}sha256`);
    this.#cache = new PayloadCache(integerOption('cacheSize', options.cacheSize ?? 32 * 1024 * 1024));
  }

  async encode(payload: string): Promise<string> {
    if (payload.length <= this.#threshold) return payload;
    const bytes = Buffer.from(payload, 'utf8');
    const key = `${this.#keyPrefix}sha256/${sha256Hex(bytes)}`;
    if (!this.#cache.has(key)) {
      await this.#store.put(key, bytes);
      this.#cache.set(key, payload);
    }
    return BLOB_REFERENCE_PREFIX + key;
  }

  async decode(payload: string): Promise<string> {
    if (!payload.startsWith(BLOB_REFERENCE_PREFIX)) return payload;
    const key = payload.slice(BLOB_REFERENCE_PREFIX.length);
    const hash = ADDRESS.exec(key)?.[2];
    if (hash === undefined) throw new RangeError(`Not a blob reference: ${JSON.stringify(payload)}; expected ${BLOB_REFERENCE_PREFIX}<prefix>sha256/<64 hex digits>`);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    const bytes = await this.#store.get(key);
    if (bytes === undefined) throw new BlobNotFoundError(key, this.#store.locate(key));
    const actual = sha256Hex(bytes);
    if (actual !== hash) throw new BlobIntegrityError(key, this.#store.locate(key), actual);
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    this.#cache.set(key, text);
    return text;
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function integerOption(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`BlobOffloadCodec ${name} must be an integer >= 0, got ${value}`);
  return value;
}

/** Least recently used payloads out first, bounded by their total length. */
class PayloadCache {
  readonly #entries = new Map<string, string>();
  readonly #capacity: number;
  #size = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  get(key: string): string | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: string): void {
    if (value.length > this.#capacity || this.#entries.has(key)) return;
    this.#entries.set(key, value);
    this.#size += value.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#size <= this.#capacity) break;
      this.#entries.delete(oldest);
      this.#size -= old.length;
    }
  }
}
