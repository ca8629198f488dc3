import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSystemBlobStore, MemoryBlobStore, type BlobStore } from '../src/index.js';
import { S3BlobStore } from '../src/s3-blob-store.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const text = (data: Uint8Array | undefined) => (data === undefined ? undefined : Buffer.from(data).toString('utf8'));

/** The contract every store keeps, run against each one. */
function storeContract(name: string, open: () => BlobStore) {
  describe(name, () => {
    it('gives back what was put, and undefined for a key never put', async () => {
      const store = open();
      await store.put('p/sha256/one', bytes('first'));
      expect(text(await store.get('p/sha256/one'))).toBe('first');
      expect(await store.get('p/sha256/none')).toBeUndefined();
    });

    it('accepts the same key written twice', async () => {
      const store = open();
      await Promise.all([store.put('twice', bytes('same')), store.put('twice', bytes('same'))]);
      expect(text(await store.get('twice'))).toBe('same');
    });

    it('keeps 5 MB byte for byte', async () => {
      const store = open();
      const data = new Uint8Array(5 * 1024 * 1024).map((_, index) => index % 251);
      await store.put('large', data);
      expect(Buffer.compare(Buffer.from((await store.get('large'))!), Buffer.from(data))).toBe(0);
    });

    it('refuses keys that could leave its root', async () => {
      const store = open();
      await expect(store.put('../escape', bytes('x'))).rejects.toThrow(/Blob key "\.\.\/escape" is not allowed/);
      await expect(store.get('a//b')).rejects.toThrow(/is not allowed/);
    });
  });
}

let folder: string;
let s3rver: S3rver;
let s3: S3Client;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'swirl-blobs-'));
  // s3rver (npm) speaks the S3 REST API and checks SigV4 with its own S3RVER keys.
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(folder, 's3rver'), configureBuckets: [{ name: 'payloads' }] });
  const { port } = await s3rver.run();
  s3 = new S3Client({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }, maxAttempts: 1 });
});
afterAll(async () => {
  s3?.destroy();
  await s3rver?.close();
  await rm(folder, { recursive: true, force: true });
});

storeContract('MemoryBlobStore', () => new MemoryBlobStore());
storeContract('FileSystemBlobStore', () => new FileSystemBlobStore({ directory: join(folder, 'fs') }));
storeContract('S3BlobStore (against s3rver)', () => new S3BlobStore({ client: s3, bucket: 'payloads' }));

describe('FileSystemBlobStore', () => {
  it('lays keys out as folders under its directory and leaves no partial files', async () => {
    const directory = join(folder, 'layout');
    const store = new FileSystemBlobStore({ directory });
    await store.put('app/sha256/abc', bytes('x'));
    expect(store.locate('app/sha256/abc')).toBe(join(directory, 'app', 'sha256', 'abc'));
    expect(await readdir(join(directory, 'app', 'sha256'))).toEqual(['abc']);
  });
});

describe('S3BlobStore', () => {
  it('locates keys as s3:// URLs', () => {
    expect(new S3BlobStore({ client: s3, bucket: 'payloads' }).locate('a/b')).toBe('s3://payloads/a/b');
  });

  it('lets a missing bucket fail loudly instead of reading as a missing blob', async () => {
    await expect(new S3BlobStore({ client: s3, bucket: 'no-such-bucket' }).get('a')).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });
});
