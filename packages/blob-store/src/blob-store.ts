/**
 * Where offloaded payloads live. Keys are content addresses the codec makes
 * (`<prefix>sha256/<hex>`), so a key always names the same bytes: writing one twice, from a retried
 * activity or two workers at once, is harmless, and a read never sees another payload.
 */
export interface BlobStore {
  /** Stores `data` under `key`, replacing what is there (by construction, the same bytes). */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes under `key`, or `undefined` when there are none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Where `key` is kept, for error messages: a file path, `s3://bucket/key`. */
  locate(key: string): string;
}

/** Keys the stores accept: path-like, no `..` or empty segments, so no store can be led outside its root. */
const SAFE_KEY = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

/** Throws a `RangeError` naming `key` when it is not a safe store key. */
export function assertBlobKey(key: string): void {
  if (!SAFE_KEY.test(key)) {
    throw new RangeError(`Blob key ${JSON.stringify(key)} is not allowed: use segments of letters, digits, ".", "_" or "-" joined by "/", without "." or ".." segments`);
  }
}
