import { createHash } from 'node:crypto';
import { PayloadPipeline } from '@swirl/core';
import { describe, expect, it } from 'vitest';
import { BLOB_REFERENCE_PREFIX, BlobIntegrityError, BlobNotFoundError, BlobOffloadCodec, MemoryBlobStore, type BlobStore } from '../src/index.js';

const big = (length: number, fill = 'b') => fill.repeat(length);

/** A store that counts its calls, around a memory store. */
function countingStore() {
  const inner = new MemoryBlobStore();
  const calls = { put: 0, get: 0 };
  const store: BlobStore = {
    put: (key, data) => ((calls.put += 1), inner.put(key, data)),
    get: (key) => ((calls.get += 1), inner.get(key)),
    locate: (key) => inner.locate(key),
  };
  return { inner, store, calls };
}

describe('BlobOffloadCodec', () => {
  it('keeps payloads up to 16 KB inline and offloads longer ones under the SHA-256 of their bytes', async () => {
    const store = new MemoryBlobStore();
    const codec = new BlobOffloadCodec({ store });
    expect(await codec.encode(big(16 * 1024))).toBe(big(16 * 1024));
    const payload = big(16 * 1024 + 1, 'é');
    const reference = await codec.encode(payload);
    const hash = createHash('sha256').update(Buffer.from(payload, 'utf8')).digest('hex');
    expect(reference).toBe(`${BLOB_REFERENCE_PREFIX}swirl-payloads/sha256/${hash}`);
    expect(reference.length).toBeLessThan(100);
    expect(store.keys()).toEqual([`swirl-payloads/sha256/${hash}`]);
    expect(await new BlobOffloadCodec({ store }).decode(reference)).toBe(payload);
  });

  it('gives the same reference for the same payload, so a retried or replayed write names one blob', async () => {
    const store = new MemoryBlobStore();
    const [first, second] = [new BlobOffloadCodec({ store, threshold: 10 }), new BlobOffloadCodec({ store, threshold: 10 })];
    expect(await first.encode(big(50))).toBe(await second.encode(big(50)));
    expect(await first.encode(big(51))).not.toBe(await first.encode(big(50)));
    expect(store.keys()).toHaveLength(2);
  });

  it('takes a threshold and a key prefix; the prefix travels in the reference', async () => {
    const store = new MemoryBlobStore();
    const reference = await new BlobOffloadCodec({ store, threshold: 4, keyPrefix: 'orders/blobs/' }).encode('12345');
    expect(reference).toMatch(/^swirl-blob:orders\/blobs\/sha256\/[0-9a-f]{64}$/);
    // A codec with another prefix still reads it.
    expect(await new BlobOffloadCodec({ store, keyPrefix: 'other/' }).decode(reference)).toBe('12345');
  });

  it('passes through payloads it did not write', async () => {
    const codec = new BlobOffloadCodec({ store: new MemoryBlobStore() });
    expect(await codec.decode('{"plain":true}')).toBe('{"plain":true}');
    await expect(codec.decode('swirl-blob:nothing-here')).rejects.toThrow(/^Not a blob reference: "swirl-blob:nothing-here"; expected swirl-blob:<prefix>sha256\/<64 hex digits>$/);
  });

  it('reads from its cache after a write or read, and from the store once the cache is off', async () => {
    const { store, calls } = countingStore();
    const cached = new BlobOffloadCodec({ store, threshold: 10 });
    const reference = await cached.encode(big(100));
    await cached.encode(big(100));
    expect(await cached.decode(reference)).toBe(big(100));
    expect(calls).toEqual({ put: 1, get: 0 });
    const uncached = new BlobOffloadCodec({ store, threshold: 10, cacheSize: 0 });
    await uncached.decode(reference);
    await uncached.decode(reference);
    expect(calls.get).toBe(2);
  });

  it('keeps the cache within its size, dropping the least recently used payload first', async () => {
    const { store, calls } = countingStore();
    const codec = new BlobOffloadCodec({ store, threshold: 10, cacheSize: 250 });
    const [a, b, c] = [await codec.encode(big(100, 'a')), await codec.encode(big(100, 'b')), await codec.encode(big(100, 'c'))];
    expect(calls.put).toBe(3);
    await codec.decode(c);
    await codec.decode(b);
    expect(calls.get).toBe(0);
    expect(await codec.decode(a)).toBe(big(100, 'a'));
    expect(calls.get).toBe(1);
  });

  it('names the key and the place it looked when the blob is gone', async () => {
    const store = new MemoryBlobStore();
    const reference = await new BlobOffloadCodec({ store, threshold: 10 }).encode(big(100));
    const key = reference.slice(BLOB_REFERENCE_PREFIX.length);
    store.delete(key);
    const error = await new BlobOffloadCodec({ store }).decode(reference).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BlobNotFoundError);
    expect(error).toMatchObject({ name: 'BlobNotFoundError', key, location: `memory:${key}` });
    expect((error as Error).message).toMatch(new RegExp(`^Offloaded payload ${key} is not in the blob store \\(looked at memory:${key}\\)`));
  });

  it('refuses a blob whose bytes no longer match its address', async () => {
    const store = new MemoryBlobStore();
    const reference = await new BlobOffloadCodec({ store, threshold: 10 }).encode(big(100));
    const key = reference.slice(BLOB_REFERENCE_PREFIX.length);
    await store.put(key, Buffer.from(big(99)));
    await expect(new BlobOffloadCodec({ store }).decode(reference)).rejects.toBeInstanceOf(BlobIntegrityError);
  });

  it('refuses bad options with what is allowed', () => {
    const store = new MemoryBlobStore();
    expect(() => new BlobOffloadCodec({ store, threshold: -1 })).toThrow('BlobOffloadCodec threshold must be an integer >= 0, got -1');
    expect(() => new BlobOffloadCodec({ store, cacheSize: 1.5 })).toThrow('BlobOffloadCodec cacheSize must be an integer >= 0, got 1.5');
    expect(() => new BlobOffloadCodec({ store, keyPrefix: '../up/' })).toThrow(/is not allowed/);
  });

  it('runs last in a PayloadPipeline, so the stored blob is what the codecs before it wrote', async () => {
    const store = new MemoryBlobStore();
    const upper = { encode: async (text: string) => text.toUpperCase(), decode: async (text: string) => text.toLowerCase() };
    const pipeline = new PayloadPipeline({ codecs: [upper, new BlobOffloadCodec({ store, threshold: 100 })] });
    const encoded = await pipeline.encode({ text: big(1_000, 'q') }, { field: 'result' });
    expect(encoded).toMatch(/^swirl-blob:/);
    const stored = await store.get(store.keys()[0]!);
    expect(Buffer.from(stored!).toString('utf8')).toBe(JSON.stringify({ text: big(1_000, 'Q') }).toUpperCase());
    expect(await pipeline.decode(encoded)).toEqual({ text: big(1_000, 'q') });
  });
});
