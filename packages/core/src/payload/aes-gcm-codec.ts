/**
 * Encrypts payloads with AES-256-GCM: a random 96-bit IV per payload and a 128-bit auth tag, so a
 * wrong key or tampered data is detected, never silently decoded. Output: `swirl-aes256gcm:<keyId>:<base64>`.
 */
import type { PayloadCodec } from './payload-codec.js';
import { PayloadCodecError } from './payload-errors.js';
import { concatBytes, fromBase64, toBase64, utf8Decode, utf8Encode, webPlatform, type AesKey } from './web-platform.js';

export const AES_GCM_PREFIX = 'swirl-aes256gcm:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BITS = 128;
const TAG_BYTES = TAG_BITS / 8;

export interface AesGcmCodecOptions {
  /** 32 bytes, or their base64. */
  readonly key: Uint8Array | string;
  /** Written with every payload so a payload names the key it needs. No colons. @default 'default' */
  readonly keyId?: string;
  /** Let unencrypted payloads through `decode` (histories written before encryption was turned on). @default false */
  readonly acceptUnencrypted?: boolean;
}

function keyBytes(key: Uint8Array | string): Uint8Array {
  const bytes = typeof key === 'string' ? fromBase64(key) : Uint8Array.from(key);
  if (bytes.length !== KEY_BYTES) {
    throw new RangeError(`AesGcmCodec needs a 256-bit key (32 bytes), got ${bytes.length} bytes; create one with crypto.randomBytes(32)`);
  }
  return bytes;
}

export class AesGcmCodec implements PayloadCodec {
  readonly #key: Promise<AesKey>;
  readonly #keyId: string;
  readonly #acceptUnencrypted: boolean;

  constructor(options: AesGcmCodecOptions) {
    const bytes = keyBytes(options.key);
    this.#keyId = options.keyId ?? 'default';
    if (this.#keyId.length === 0 || this.#keyId.includes(':')) {
      throw new RangeError(`AesGcmCodec keyId must be non-empty and contain no ':', got ${JSON.stringify(this.#keyId)}`);
    }
    this.#acceptUnencrypted = options.acceptUnencrypted ?? false;
    this.#key = webPlatform().crypto.subtle.importKey('raw', bytes, 'AES-GCM', false, ['encrypt', 'decrypt']);
    // Surface an import failure at first use, not as an unhandled rejection now.
    this.#key.catch(() => undefined);
  }

  async encode(payload: string): Promise<string> {
    const { crypto } = webPlatform();
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, tagLength: TAG_BITS }, await this.#key, utf8Encode(payload));
    return `${AES_GCM_PREFIX}${this.#keyId}:${toBase64(concatBytes([iv, new Uint8Array(sealed)]))}`;
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
    const keyId = separator < 0 ? '?' : rest.slice(0, separator);
    if (keyId !== this.#keyId) {
      throw new PayloadCodecError(`Payload was encrypted with key "${keyId}", but this codec holds key "${this.#keyId}"`);
    }
    let sealed: Uint8Array;
    try {
      sealed = fromBase64(rest.slice(separator + 1));
    } catch (error) {
      throw new PayloadCodecError('Encrypted payload is not valid base64', { cause: error });
    }
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new PayloadCodecError('Encrypted payload is truncated');
    const params = { name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES), tagLength: TAG_BITS } as const;
    let plain: ArrayBuffer;
    try {
      plain = await webPlatform().crypto.subtle.decrypt(params, await this.#key, sealed.subarray(IV_BYTES));
    } catch (error) {
      throw new PayloadCodecError(
        `Cannot decrypt payload with key "${this.#keyId}": authentication failed (wrong key, or the payload was altered)`,
        { cause: error },
      );
    }
    return utf8Decode(new Uint8Array(plain));
  }
}
