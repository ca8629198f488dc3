/**
 * The worker's side of payloads: the converter turns values into strings, the codecs (compression,
 * encryption) transform those strings. Every size limit is checked on the encoded string, the one SWF sees.
 */
import {
  SWF_LIMITS,
  assertPayloadSize,
  chainCodecs,
  encodeFailure,
  type PayloadCodec,
  type PayloadConverter,
} from '@swirl/core';

const identityCodec: PayloadCodec = { encode: async (payload) => payload, decode: async (payload) => payload };

export class PayloadPipeline {
  readonly converter: PayloadConverter;
  readonly codec: PayloadCodec;

  constructor(converter: PayloadConverter, codecs: ReadonlyArray<PayloadCodec>) {
    this.converter = converter;
    this.codec = codecs.length === 0 ? identityCodec : chainCodecs([...codecs]);
  }

  /** Value -> payload string as SWF stores it; throws PayloadTooLargeError naming `field` when too big. */
  async encode(field: string, value: unknown, limit: number = SWF_LIMITS.payload): Promise<string | undefined> {
    const payload = this.converter.toPayload(value);
    if (payload === undefined) return undefined;
    const encoded = await this.codec.encode(payload);
    assertPayloadSize(field, encoded, limit);
    return encoded;
  }

  /** Payload string as SWF stores it -> value. */
  async decode<T = unknown>(payload: string | undefined): Promise<T> {
    return this.converter.fromPayload<T>(payload === undefined ? undefined : await this.codec.decode(payload));
  }

  /**
   * An error as RespondActivityTaskFailed's `reason` and `details`. A codec can grow the details past
   * SWF's limit, so the serialized error is shrunk (core truncates it keeping valid JSON) until it fits.
   */
  async encodeFailure(error: unknown): Promise<{ reason: string; details: string }> {
    for (let limit: number = SWF_LIMITS.payload; ; limit = Math.floor(limit / 2)) {
      const { reason, details } = encodeFailure(error, { limit });
      const encoded = await this.codec.encode(details);
      if (encoded.length <= SWF_LIMITS.payload || limit < 256) {
        assertPayloadSize('details', encoded);
        return { reason, details: encoded };
      }
    }
  }
}
