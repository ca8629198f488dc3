/**
 * The few Web platform APIs the codecs need (WebCrypto, CompressionStream, TextEncoder, base64),
 * present in Node 20, browsers and Deno. Core compiles without Node or DOM typings because the
 * workflow package type-checks core's sources and must not see IO APIs, so the shapes used are
 * declared here and read from `globalThis`.
 */

export type AesKey = { readonly __brand: 'CryptoKey' };

interface AesGcmParams {
  readonly name: 'AES-GCM';
  readonly iv: Uint8Array;
  readonly tagLength: number;
}

interface StreamReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
}
interface StreamWriter {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}
interface TransformStreamLike {
  readonly readable: { getReader(): StreamReader };
  readonly writable: { getWriter(): StreamWriter };
}

export interface WebPlatform {
  readonly crypto: {
    getRandomValues(array: Uint8Array): Uint8Array;
    readonly subtle: {
      importKey(format: 'raw', key: Uint8Array, algorithm: 'AES-GCM', extractable: false, usages: string[]): Promise<AesKey>;
      encrypt(params: AesGcmParams, key: AesKey, data: Uint8Array): Promise<ArrayBuffer>;
      decrypt(params: AesGcmParams, key: AesKey, data: Uint8Array): Promise<ArrayBuffer>;
    };
  };
  readonly CompressionStream: new (format: 'gzip') => TransformStreamLike;
  readonly DecompressionStream: new (format: 'gzip') => TransformStreamLike;
  readonly TextEncoder: new () => { encode(text: string): Uint8Array };
  readonly TextDecoder: new (label: 'utf-8', options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };
  btoa(binary: string): string;
  atob(base64: string): string;
}

const REQUIRED = ['crypto', 'CompressionStream', 'DecompressionStream', 'TextEncoder', 'TextDecoder', 'btoa', 'atob'] as const;

/** The platform APIs, or a clear error naming what this runtime lacks. */
export function webPlatform(): WebPlatform {
  const platform = globalThis as unknown as Partial<WebPlatform>;
  const missing = REQUIRED.filter((name) => platform[name] === undefined);
  if (platform.crypto !== undefined && platform.crypto.subtle === undefined) missing.push('crypto');
  if (missing.length > 0) {
    throw new Error(`Swirl's payload codecs need ${missing.join(', ')} (Node 20+, Deno or a modern browser); this runtime lacks them`);
  }
  return platform as WebPlatform;
}

export function utf8Encode(text: string): Uint8Array {
  return new (webPlatform().TextEncoder)().encode(text);
}

export function utf8Decode(bytes: Uint8Array): string {
  return new (webPlatform().TextDecoder)('utf-8', { fatal: true }).decode(bytes);
}

// btoa takes a "binary string"; chunks keep String.fromCharCode under the argument-count limit.
const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  }
  return webPlatform().btoa(binary);
}

/** Decodes base64; throws on characters outside the base64 alphabet. */
export function fromBase64(base64: string): Uint8Array {
  const binary = webPlatform().atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/** Pushes `input` through a (de)compression stream and collects the output. */
export async function transformBytes(stream: TransformStreamLike, input: Uint8Array): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // Write and read concurrently: a stream's internal queue is small and would stall a sequential copy.
  const written = (async () => {
    await writer.write(input);
    await writer.close();
  })();
  // A corrupt input fails both sides; the read side reports it, so the write side must not go unhandled.
  written.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    if (next.value) chunks.push(next.value);
  }
  await written;
  return concatBytes(chunks);
}
