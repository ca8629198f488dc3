/**
 * Compresses payloads with gzip and writes them as base64 behind a `swirl-gzip:` prefix. Decoding
 * leaves unprefixed payloads alone, so histories written before compression stay readable.
 */
import type { PayloadCodec } from './payload-codec.js';
import { PayloadCodecError } from './payload-errors.js';
import { fromBase64, toBase64, transformBytes, utf8Decode, utf8Encode, webPlatform } from './web-platform.js';

export const GZIP_PREFIX = 'swirl-gzip:';

export interface GzipCodecOptions {
  /** Payloads shorter than this stay as they are: compressing them would only add bytes. @default 512 */
  readonly minLength?: number;
}

export class GzipCodec implements PayloadCodec {
  readonly #minLength: number;

  constructor(options: GzipCodecOptions = {}) {
    this.#minLength = options.minLength ?? 512;
    if (!Number.isInteger(this.#minLength) || this.#minLength < 0) {
      throw new RangeError(`GzipCodec minLength must be an integer >= 0, got ${this.#minLength}`);
    }
    webPlatform();
  }

  async encode(payload: string): Promise<string> {
    if (payload.length < this.#minLength) return payload;
    const compressed = await transformBytes(new (webPlatform().CompressionStream)('gzip'), utf8Encode(payload));
    const encoded = GZIP_PREFIX + toBase64(compressed);
    // Incompressible data (already encrypted or random) would grow; keep it plain.
    return encoded.length < payload.length ? encoded : payload;
  }

  async decode(payload: string): Promise<string> {
    if (!payload.startsWith(GZIP_PREFIX)) return payload;
    try {
      const compressed = fromBase64(payload.slice(GZIP_PREFIX.length));
      return utf8Decode(await transformBytes(new (webPlatform().DecompressionStream)('gzip'), compressed));
    } catch (error) {
      throw new PayloadCodecError(`Cannot gunzip a ${GZIP_PREFIX} payload: ${(error as Error).message}`, { cause: error });
    }
  }
}
