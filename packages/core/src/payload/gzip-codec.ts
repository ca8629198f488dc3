/**
 * Compresses payloads with gzip and writes them as base64 behind a `swirl-gzip:` prefix. Decoding
 * leaves unprefixed payloads alone, so histories written before compression stay readable.
 */
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { PayloadCodec } from './payload-codec.js';
import { PayloadCodecError } from './payload-errors.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export const GZIP_PREFIX = 'swirl-gzip:';

export interface GzipCodecOptions {
  /** Payloads shorter than this stay as they are: compressing them would only add bytes. @default 512 */
  readonly minLength?: number;
  /** zlib compression level, 1 (fastest) to 9 (smallest). @default 6 */
  readonly level?: number;
}

export class GzipCodec implements PayloadCodec {
  readonly #minLength: number;
  readonly #level: number;

  constructor(options: GzipCodecOptions = {}) {
    this.#minLength = options.minLength ?? 512;
    this.#level = options.level ?? 6;
    if (!Number.isInteger(this.#level) || this.#level < 1 || this.#level > 9) {
      throw new RangeError(`GzipCodec level must be an integer from 1 to 9, got ${this.#level}`);
    }
  }

  async encode(payload: string): Promise<string> {
    if (payload.length < this.#minLength) return payload;
    const compressed = await gzipAsync(Buffer.from(payload, 'utf8'), { level: this.#level });
    const encoded = GZIP_PREFIX + compressed.toString('base64');
    // Incompressible data (already encrypted or random) would grow; keep it plain.
    return encoded.length < payload.length ? encoded : payload;
  }

  async decode(payload: string): Promise<string> {
    if (!payload.startsWith(GZIP_PREFIX)) return payload;
    try {
      const compressed = Buffer.from(payload.slice(GZIP_PREFIX.length), 'base64');
      return (await gunzipAsync(compressed)).toString('utf8');
    } catch (error) {
      throw new PayloadCodecError(`Cannot gunzip a ${GZIP_PREFIX} payload: ${(error as Error).message}`, { cause: error });
    }
  }
}
