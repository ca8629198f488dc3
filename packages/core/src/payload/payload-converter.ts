/** Values <-> payload strings. JSON by default; `undefined` is an absent payload, not the text "undefined". */
import { PayloadConversionError } from './payload-errors.js';

export interface PayloadConverter {
  /** The payload string of `value`, or `undefined` for no payload. */
  toPayload(value: unknown): string | undefined;
  /** The value of `payload`; an absent payload gives `undefined`. */
  fromPayload<T = unknown>(payload: string | undefined): T;
}

// Quoted in errors so a bad payload can be recognised without dumping all of it into a log.
const SNIPPET_CHARS = 80;

export const jsonPayloadConverter: PayloadConverter = {
  toPayload(value: unknown): string | undefined {
    if (value === undefined) return undefined;
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (error) {
      throw new PayloadConversionError(`Cannot convert value to JSON: ${(error as Error).message}`, { cause: error });
    }
    // JSON.stringify returns undefined for functions and symbols instead of throwing.
    if (text === undefined) throw new PayloadConversionError(`Cannot convert a ${typeof value} to JSON`);
    return text;
  },

  fromPayload<T = unknown>(payload: string | undefined): T {
    // SWF has no null payload: an absent field, and an empty one, both mean "no value".
    if (payload === undefined || payload === '') return undefined as T;
    try {
      return JSON.parse(payload) as T;
    } catch (error) {
      const snippet = payload.length > SNIPPET_CHARS ? `${payload.slice(0, SNIPPET_CHARS)}...` : payload;
      throw new PayloadConversionError(
        `Payload is not JSON (${(error as Error).message}): ${JSON.stringify(snippet)}. ` +
          'Was it written with another converter, or is a codec missing?',
        { cause: error },
      );
    }
  },
};
