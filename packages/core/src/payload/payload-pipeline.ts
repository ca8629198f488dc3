/**
 * The payload path both ends of SWF walk: a value goes through the converter, then the codecs, and
 * a read runs the same way back. The client and the worker each hold one over the same converter
 * and codecs, so what one writes the other reads. Size limits apply to the encoded string, the one
 * SWF sees.
 */
import type { Decision, EventType, HistoryEvent } from '@aws-sdk/client-swf';
import { encodeFailure } from '../failure/encode-failure.js';
import { SWF_LIMITS } from '../schemas/limits.js';
import { eventAttributesKey } from '../schemas/event-types.js';
import { mapDecisionPayloads, mapEventPayloads } from './map-payloads.js';
import { EVENT_PAYLOAD_FIELDS } from './payload-fields.js';
import { chainCodecs, type PayloadCodec } from './payload-codec.js';
import { jsonPayloadConverter, type PayloadConverter } from './payload-converter.js';
import { assertPayloadSize } from './payload-errors.js';
import { detachHeaders, hasHeaders } from './payload-headers.js';

export interface PayloadPipelineOptions {
  /** Turns values into strings and back. @default jsonPayloadConverter */
  readonly converter?: PayloadConverter | undefined;
  /** Applied in order after the converter on the way out, in reverse on the way in. @default [] */
  readonly codecs?: readonly PayloadCodec[] | undefined;
}

/** Which field an encoded payload fills, and its limit: a longer one throws `PayloadTooLargeError`. */
export interface PayloadSizeCheck {
  readonly field: string;
  /** @default SWF_LIMITS.payload (32768) */
  readonly limit?: number;
}

/** Smallest `details` budget the failure encoder is asked for before the codecs' output must fit. */
const MIN_FAILURE_BUDGET = 256;

export class PayloadPipeline {
  readonly converter: PayloadConverter;
  readonly #codec: PayloadCodec | undefined;

  constructor(options: PayloadPipelineOptions = {}) {
    this.converter = options.converter ?? jsonPayloadConverter;
    this.#codec = options.codecs && options.codecs.length > 0 ? chainCodecs([...options.codecs]) : undefined;
  }

  /** A value as it travels in SWF: converted, then encoded. `undefined` stays absent. With `check`, the result's size is checked. */
  async encode(value: unknown, check?: PayloadSizeCheck): Promise<string | undefined> {
    const payload = this.converter.toPayload(value);
    if (payload === undefined) return undefined;
    const encoded = await this.encodeString(payload);
    if (check) assertPayloadSize(check.field, encoded, check.limit);
    return encoded;
  }

  /** A payload read from SWF: its headers dropped, decoded, then converted back to a value. */
  async decode<T = unknown>(field: string | undefined): Promise<T> {
    const payload = detachHeaders(field).payload;
    const decoded = payload === undefined ? undefined : await this.decodeString(payload);
    return this.converter.fromPayload<T>(decoded);
  }

  /** Converts text that carries no codec encoding (published state, `executionContext`). */
  fromUncoded<T = unknown>(payload: string | undefined): T {
    return this.converter.fromPayload<T>(payload);
  }

  /** Applies the codecs only, to text that is already a payload (operator-written details). */
  async encodeString(payload: string): Promise<string> {
    return this.#codec ? this.#codec.encode(payload) : payload;
  }

  /**
   * Drops the headers (payload-headers.ts) and undoes the codecs, leaving the converter's string
   * (what histories show and replay reads). A field that held only headers decodes to `''`.
   */
  async decodeString(payload: string): Promise<string> {
    const inner = hasHeaders(payload) ? (detachHeaders(payload).payload ?? '') : payload;
    return this.#codec ? this.#codec.decode(inner) : inner;
  }

  /** The event with every user payload field stripped of its headers and passed back through the codecs. */
  async decodeEvent(event: HistoryEvent): Promise<HistoryEvent> {
    const stripped = stripEventHeaders(event);
    if (!this.#codec) return stripped;
    return mapEventPayloads(stripped, (value) => this.decodeString(value));
  }

  /** The decision with every user payload field encoded, each checked against SWF's payload limit (`<decisionType>.<field>`). */
  async encodeDecision(decision: Decision): Promise<Decision> {
    return mapDecisionPayloads(decision, async (value, field) => {
      const encoded = await this.encodeString(value);
      assertPayloadSize(`${decision.decisionType}.${field}`, encoded, SWF_LIMITS.payload);
      return encoded;
    });
  }

  /**
   * An error as `reason` and encoded `details` (RespondActivityTaskFailed, FailWorkflowExecution). A
   * codec can grow the details past SWF's limit, so the serialized error is shrunk (core truncates it
   * keeping valid JSON) until its encoded form fits.
   */
  async encodeFailure(error: unknown): Promise<{ reason: string; details: string }> {
    for (let limit: number = SWF_LIMITS.payload; ; limit = Math.floor(limit / 2)) {
      const { reason, details } = encodeFailure(error, { limit });
      const encoded = await this.encodeString(details);
      if (encoded.length <= SWF_LIMITS.payload || limit < MIN_FAILURE_BUDGET) {
        assertPayloadSize('details', encoded);
        return { reason, details: encoded };
      }
    }
  }
}

/**
 * Without codecs an event is passed through as it is unless a field carries headers: most events
 * carry none, and copying every event of a long history would cost the decision path for nothing.
 * A field that held only headers becomes absent.
 */
function stripEventHeaders(event: HistoryEvent): HistoryEvent {
  if (!isKnownEventType(event.eventType)) return event;
  const key = eventAttributesKey(event.eventType);
  const attributes = event[key] as Record<string, unknown> | undefined;
  if (attributes === undefined) return event;
  let copy: Record<string, unknown> | undefined;
  for (const field of EVENT_PAYLOAD_FIELDS[event.eventType] as readonly string[]) {
    const value = attributes[field];
    if (typeof value !== 'string' || !hasHeaders(value)) continue;
    copy ??= { ...attributes };
    const { payload } = detachHeaders(value);
    if (payload === undefined) delete copy[field];
    else copy[field] = payload;
  }
  return copy === undefined ? event : { ...event, [key]: copy };
}

function isKnownEventType(type: string | undefined): type is EventType {
  return type !== undefined && Object.prototype.hasOwnProperty.call(EVENT_PAYLOAD_FIELDS, type);
}
