/**
 * @swirl/blob-store: payloads bigger than SWF's fields, kept in a blob store. `BlobOffloadCodec` is a
 * payload codec: give the same one to the worker and the client, and anything over 16 KB travels as
 * a content-addressed reference; workflows and activities see the values as if it were inline.
 * `S3BlobStore` is in `@swirl/blob-store/s3`.
 *
 * @example
 * ```ts
 * import { BlobOffloadCodec, FileSystemBlobStore } from '@swirl/blob-store';
 *
 * const codec = new BlobOffloadCodec({ store: new FileSystemBlobStore({ directory: '/var/lib/app/payloads' }) });
 * // Worker.create({ ..., payloadCodecs: [codec] });  new WorkflowClient({ ..., codecs: [codec] });
 * const reference = await codec.encode('x'.repeat(100_000));
 * console.log(reference, (await codec.decode(reference)).length); // swirl-blob:swirl-payloads/sha256/... 100000
 * ```
 */
export { BlobOffloadCodec, BLOB_REFERENCE_PREFIX, DEFAULT_OFFLOAD_THRESHOLD } from './blob-offload-codec.js';
export type { BlobOffloadCodecOptions } from './blob-offload-codec.js';
export type { BlobStore } from './blob-store.js';
export { assertBlobKey } from './blob-store.js';
export { BlobIntegrityError, BlobNotFoundError } from './blob-errors.js';
export { FileSystemBlobStore } from './file-system-blob-store.js';
export type { FileSystemBlobStoreOptions } from './file-system-blob-store.js';
export { MemoryBlobStore } from './memory-blob-store.js';
