/**
 * The client's side of the payload path: values go through the converter, then the codecs, exactly
 * as the worker does, so what one side writes the other can read.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import {
  chainCodecs,
  jsonPayloadConverter,
  mapEventPayloads,
  type PayloadCodec,
  type PayloadConverter,
} from '@swirl/core';

export interface PayloadPipelineOptions {
  /** Turns values into strings and back. @default jsonPayloadConverter */
  readonly converter?: PayloadConverter | undefined;
  /** Applied in order after the converter on the way out, in reverse on the way in. @default [] */
  readonly codecs?: readonly PayloadCodec[] | undefined;
}

export class PayloadPipeline {
  readonly #converter: PayloadConverter;
  readonly #codec: PayloadCodec | undefined;

  constructor(options: PayloadPipelineOptions = {}) {
    this.#converter = options.converter ?? jsonPayloadConverter;
    this.#codec = options.codecs && options.codecs.length > 0 ? chainCodecs([...options.codecs]) : undefined;
  }

  /** A value as it travels in SWF: converted, then encoded. `undefined` stays absent. */
  async encode(value: unknown): Promise<string | undefined> {
    const payload = this.#converter.toPayload(value);
    if (payload === undefined || !this.#codec) return payload;
    return this.#codec.encode(payload);
  }

  /** A payload read from SWF: decoded, then converted back to a value. */
  async decode<T>(payload: string | undefined): Promise<T> {
    const decoded = payload === undefined ? undefined : await this.decodeString(payload);
    return this.#converter.fromPayload<T>(decoded);
  }

  /** Converts text that carries no codec encoding (published state, `executionContext`). */
  fromUncoded<T>(payload: string | undefined): T {
    return this.#converter.fromPayload<T>(payload);
  }

  /** Applies the codecs only, to text that is already a payload (operator-written details). */
  async encodeString(payload: string): Promise<string> {
    return this.#codec ? this.#codec.encode(payload) : payload;
  }

  /** Undoes the codecs only, leaving the converter's string (what histories show and replay reads). */
  async decodeString(payload: string): Promise<string> {
    return this.#codec ? this.#codec.decode(payload) : payload;
  }

  /** The event with every user payload field passed back through the codecs. */
  async decodeEvent(event: HistoryEvent): Promise<HistoryEvent> {
    if (!this.#codec) return event;
    return mapEventPayloads(event, (value: string) => this.decodeString(value));
  }
}
