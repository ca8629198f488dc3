/**
 * Events as the page shows them: SWF's wire JSON (the format `swirl replay` reads), with payload
 * fields decoded by the configured codec when the UI has one. A payload the codec cannot decode stays
 * raw and is named in `swirlDecodeFailures`, so the page says so instead of hiding it.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { mapEventPayloads, type PayloadCodec } from '@swirl/core';
import { serializeHistoryEvent } from '@swirl/testing';

export type WireEvent = Record<string, unknown>;

export class PayloadView {
  readonly #codec: PayloadCodec | undefined;

  constructor(codec: PayloadCodec | undefined) {
    this.#codec = codec;
  }

  get decoding(): boolean {
    return this.#codec !== undefined;
  }

  async event(event: HistoryEvent): Promise<WireEvent> {
    const codec = this.#codec;
    if (codec === undefined) return serializeHistoryEvent(event);
    const failures: string[] = [];
    const decoded = await mapEventPayloads(event, async (value, field) => {
      try {
        return await codec.decode(value);
      } catch (error) {
        failures.push(`${field}: ${error instanceof Error ? error.message : String(error)}`);
        return value;
      }
    });
    const wire = serializeHistoryEvent(decoded);
    return failures.length === 0 ? wire : { ...wire, swirlDecodeFailures: failures };
  }

  /** The published state (executionContext) is written by the decider as is: decoded only when it decodes. */
  async executionContext(value: string | undefined): Promise<string | undefined> {
    if (value === undefined || this.#codec === undefined) return value;
    try {
      return await this.#codec.decode(value);
    } catch {
      return value;
    }
  }
}
