/**
 * Blobs as S3 objects (`@swirl/blob-store/s3`, so only users of S3 load the SDK's S3 client). Pass
 * your own `S3Client`: region, credentials, endpoint and retries stay yours.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { assertBlobKey, type BlobStore } from './blob-store.js';

export interface S3BlobStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
}

export class S3BlobStore implements BlobStore {
  readonly #client: S3Client;
  readonly bucket: string;

  constructor(options: S3BlobStoreOptions) {
    if (typeof options.bucket !== 'string' || options.bucket === '') throw new TypeError(`S3BlobStore needs a bucket name, got ${JSON.stringify(options.bucket)}`);
    this.#client = options.client;
    this.bucket = options.bucket;
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    assertBlobKey(key);
    await this.#client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentType: 'application/octet-stream' }));
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    assertBlobKey(key);
    try {
      const object = await this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (object.Body === undefined) throw new Error(`S3 answered GetObject ${this.locate(key)} without a body`);
      return await object.Body.transformToByteArray();
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      throw error;
    }
  }

  locate(key: string): string {
    return `s3://${this.bucket}/${key}`;
  }
}

function isMissingObject(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NoSuchKey' || (error.name !== 'NoSuchBucket' && status === 404);
}
