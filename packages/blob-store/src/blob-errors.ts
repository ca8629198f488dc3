/** Errors reading offloaded payloads back; each names the key and where it was looked for. */

/** A reference names a blob the store does not have (deleted, expired by a lifecycle rule, or another store). */
export class BlobNotFoundError extends Error {
  override readonly name = 'BlobNotFoundError';
  readonly key: string;
  readonly location: string;

  constructor(key: string, location: string) {
    super(
      `Offloaded payload ${key} is not in the blob store (looked at ${location}): it was deleted or expired, or this worker ` +
        'or client is configured with another store or bucket than the one that wrote it; keep blobs at least as long as the domain retains histories',
    );
    this.key = key;
    this.location = location;
  }
}

/** A blob's bytes do not hash to the address in its key: the stored object was changed or truncated. */
export class BlobIntegrityError extends Error {
  override readonly name = 'BlobIntegrityError';
  readonly key: string;
  readonly location: string;

  constructor(key: string, location: string, actualSha256: string) {
    super(`Offloaded payload ${key} at ${location} is corrupt: its bytes hash to sha256 ${actualSha256}, not the address in its key`);
    this.key = key;
    this.location = location;
  }
}
