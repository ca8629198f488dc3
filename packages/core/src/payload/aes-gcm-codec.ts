/**
 * Encrypts payloads with AES-256-GCM: a random 96-bit IV per payload and a 128-bit auth tag, so a
 * wrong key or tampered data is detected, never silently decoded. Output: `swirl-aes256gcm:<keyId>:<base64>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PayloadCodec } from './payload-codec.js';
import { PayloadCodecError } from './payload-errors.js';

export const AES_GCM_PREFIX = 'swirl-aes256gcm:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface AesGcmCodecOptions {
  /** 32 bytes, or their base64. */
  readonly key: Uint8Array | string;
  /** Written with every payload so a payload names the key it needs. No colons. @default 'default' */
  readonly keyId?: string;
  /** Let unencrypted payloads through `decode` (histories written before encryption was turned on). @default false */
  readonly acceptUnencrypted?: boolean;
}

function keyBytes(key: Uint8Array | string): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : Buffer.from(key);
  if (bytes.length !== KEY_BYTES) {
    throw new RangeError(`AesGcmCodec needs a 256-bit key (32 bytes), got ${bytes.length} bytes; create one with crypto.randomBytes(32)`);
  }
  return bytes;
}

export class AesGcmCodec implements PayloadCodec {
  readonly #key: Buffer;
  readonly #keyId: string;
  readonly #acceptUnencrypted: boolean;

  constructor(options: AesGcmCodecOptions) {
    this.#key = keyBytes(options.key);
    this.#keyId = options.keyId ?? 'default';
    if (this.#keyId.length === 0 || this.#keyId.includes(':')) {
      throw new RangeError(`AesGcmCodec keyId must be non-empty and contain no ':', got ${JSON.stringify(this.#keyId)}`);
    }
    this.#acceptUnencrypted = options.acceptUnencrypted ?? false;
  }

  async encode(payload: string): Promise<string> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    const sealed = Buffer.concat([iv, cipher.update(payload, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${AES_GCM_PREFIX}${this.#keyId}:${sealed.toString('base64')}`;
  }

  async decode(payload: string): Promise<string> {
    if (!payload.startsWith(AES_GCM_PREFIX)) {
      if (this.#acceptUnencrypted) return payload;
      throw new PayloadCodecError(
        'Payload is not encrypted by AesGcmCodec; pass acceptUnencrypted: true to read payloads written before encryption was enabled',
      );
    }
    const rest = payload.slice(AES_GCM_PREFIX.length);
    const separator = rest.indexOf(':');
    const keyId = rest.slice(0, separator);
    if (separator < 0 || keyId !== this.#keyId) {
      throw new PayloadCodecError(`Payload was encrypted with key "${separator < 0 ? '?' : keyId}", but this codec holds key "${this.#keyId}"`);
    }
    const sealed = Buffer.from(rest.slice(separator + 1), 'base64');
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new PayloadCodecError('Encrypted payload is truncated');
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(sealed.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new PayloadCodecError(
        `Cannot decrypt payload with key "${this.#keyId}": authentication failed (wrong key, or the payload was altered)`,
        { cause: error },
      );
    }
  }
}
