import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AES_GCM_PREFIX, AesGcmCodec, chainCodecs, GZIP_PREFIX, GzipCodec, PayloadCodecError } from '../../src/index.js';

const large = JSON.stringify({ rows: Array.from({ length: 500 }, (_, i) => ({ id: i, name: `customer ${i}`, note: 'é✓😀' })) });

describe('GzipCodec', () => {
  it('compresses large payloads behind a recognisable prefix and restores them exactly', async () => {
    const codec = new GzipCodec();
    const encoded = await codec.encode(large);
    expect(encoded.startsWith(GZIP_PREFIX)).toBe(true);
    expect(encoded.length).toBeLessThan(large.length / 5);
    expect(await codec.decode(encoded)).toBe(large);
  });

  it('leaves small payloads plain and decodes plain payloads as they are', async () => {
    const codec = new GzipCodec();
    expect(await codec.encode('{"a":1}')).toBe('{"a":1}');
    expect(await codec.decode('{"written":"before compression"}')).toBe('{"written":"before compression"}');
  });

  it('keeps incompressible payloads plain rather than growing them', async () => {
    const noise = randomBytes(3_000).toString('base64');
    expect(await new GzipCodec({ minLength: 0 }).encode(noise)).toBe(noise);
  });

  it('fails clearly on a corrupted gzip payload', async () => {
    await expect(new GzipCodec().decode(`${GZIP_PREFIX}bm90IGd6aXA=`)).rejects.toThrow(PayloadCodecError);
  });

  it('rejects a negative minLength', () => {
    expect(() => new GzipCodec({ minLength: -1 })).toThrow('GzipCodec minLength must be an integer >= 0, got -1');
  });
});

describe('AesGcmCodec', () => {
  const key = randomBytes(32);

  it('encrypts with a fresh IV each time and decrypts back', async () => {
    const codec = new AesGcmCodec({ key });
    const first = await codec.encode(large);
    const second = await codec.encode(large);
    expect(first.startsWith(`${AES_GCM_PREFIX}default:`)).toBe(true);
    expect(first).not.toBe(second);
    expect(first).not.toContain('customer');
    expect(await codec.decode(first)).toBe(large);
    expect(await codec.decode(await codec.encode(''))).toBe('');
  });

  it('accepts the key as base64', async () => {
    const encoded = await new AesGcmCodec({ key }).encode('secret');
    expect(await new AesGcmCodec({ key: key.toString('base64') }).decode(encoded)).toBe('secret');
  });

  it('fails with a clear error under the wrong key', async () => {
    const encoded = await new AesGcmCodec({ key }).encode('secret');
    await expect(new AesGcmCodec({ key: randomBytes(32) }).decode(encoded)).rejects.toThrow(
      'Cannot decrypt payload with key "default": authentication failed (wrong key, or the payload was altered)',
    );
  });

  it('detects tampering', async () => {
    const encoded = await new AesGcmCodec({ key }).encode('pay 10 EUR');
    const body = Buffer.from(encoded.slice(`${AES_GCM_PREFIX}default:`.length), 'base64');
    body[14] = (body[14] ?? 0) ^ 1;
    await expect(new AesGcmCodec({ key }).decode(`${AES_GCM_PREFIX}default:${body.toString('base64')}`)).rejects.toThrow(
      PayloadCodecError,
    );
  });

  it('names the key a payload needs when key ids differ', async () => {
    const encoded = await new AesGcmCodec({ key, keyId: 'k2024' }).encode('secret');
    await expect(new AesGcmCodec({ key, keyId: 'k2025' }).decode(encoded)).rejects.toThrow(
      'Payload was encrypted with key "k2024", but this codec holds key "k2025"',
    );
  });

  it('refuses unencrypted payloads unless told to accept them', async () => {
    await expect(new AesGcmCodec({ key }).decode('{"plain":true}')).rejects.toThrow('Payload is not encrypted by AesGcmCodec');
    expect(await new AesGcmCodec({ key, acceptUnencrypted: true }).decode('{"plain":true}')).toBe('{"plain":true}');
  });

  it('requires a 256-bit key', () => {
    expect(() => new AesGcmCodec({ key: randomBytes(16) })).toThrow('AesGcmCodec needs a 256-bit key (32 bytes), got 16 bytes');
  });
});

describe('chainCodecs', () => {
  it('encodes in order and decodes in reverse', async () => {
    const calls: string[] = [];
    const tag = (name: string) => ({
      encode: async (payload: string) => {
        calls.push(`encode ${name}`);
        return `${name}(${payload})`;
      },
      decode: async (payload: string) => {
        calls.push(`decode ${name}`);
        return payload.slice(name.length + 1, -1);
      },
    });
    const chain = chainCodecs([tag('a'), tag('b')]);
    expect(await chain.encode('x')).toBe('b(a(x))');
    expect(await chain.decode('b(a(x))')).toBe('x');
    expect(calls).toEqual(['encode a', 'encode b', 'decode b', 'decode a']);
  });

  it('compresses then encrypts, and round-trips', async () => {
    const chain = chainCodecs([new GzipCodec(), new AesGcmCodec({ key: randomBytes(32) })]);
    const encoded = await chain.encode(large);
    expect(encoded.length).toBeLessThan(large.length / 3);
    expect(await chain.decode(encoded)).toBe(large);
  });
});
