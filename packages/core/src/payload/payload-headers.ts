/**
 * Headers: small string key/value pairs (trace context, a tenant id) that travel in front of a
 * payload, outside the converter and the codecs, so a reader can take them without decoding or
 * decrypting the value. SWF has no header field, so they ride in the payload field itself:
 *
 *     swirl-h1:{"traceparent":"00-..."}\n<the encoded payload>
 *
 * JSON never holds a raw newline, so the first one ends the headers; with no newline the payload is
 * absent. Headers are written once, when the field is first written, and read back unchanged on
 * every replay, which is what makes them deterministic. `PayloadPipeline` strips them on every
 * read, so workflow code and the runtime never see them.
 */
import { PayloadCodecError } from './payload-errors.js';

/** Header names and values, both strings. */
export type PayloadHeaders = Readonly<Record<string, string>>;

/** Marks a payload field that carries headers. */
export const HEADERS_PREFIX = 'swirl-h1:';

const NO_HEADERS: PayloadHeaders = Object.freeze({});

/** A payload field with `headers` in front of `payload`; the payload unchanged when there are none. */
export function attachHeaders(payload: string | undefined, headers: PayloadHeaders): string | undefined {
  const names = Object.keys(headers);
  if (names.length === 0) return payload;
  for (const name of names) {
    if (typeof headers[name] !== 'string') {
      throw new TypeError(`Payload header "${name}" must be a string, got ${typeof headers[name]}`);
    }
  }
  const head = HEADERS_PREFIX + JSON.stringify(headers);
  return payload === undefined ? head : `${head}\n${payload}`;
}

/**
 * Whether a payload field carries headers. A field that is not a string (a damaged history) has
 * none; reading its payload then fails with the converter's typed error.
 */
export function hasHeaders(field: string | undefined): field is string {
  return typeof field === 'string' && field.startsWith(HEADERS_PREFIX);
}

/** The headers of a payload field (none when it has none) and the payload behind them. */
export function detachHeaders(field: string | undefined): { readonly headers: PayloadHeaders; readonly payload: string | undefined } {
  if (!hasHeaders(field)) return { headers: NO_HEADERS, payload: field };
  const end = field.indexOf('\n');
  const json = field.slice(HEADERS_PREFIX.length, end === -1 ? undefined : end);
  return { headers: parseHeaders(json), payload: end === -1 ? undefined : field.slice(end + 1) };
}

/** The headers of a payload field, or none. */
export function readHeaders(field: string | undefined): PayloadHeaders {
  return detachHeaders(field).headers;
}

function parseHeaders(json: string): PayloadHeaders {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new PayloadCodecError(`A payload starts with "${HEADERS_PREFIX}" but its headers are not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.values(value).every((item) => typeof item === 'string')) {
    throw new PayloadCodecError(`A payload's headers must be a JSON object of strings, got ${json.slice(0, 100)}`);
  }
  return value as PayloadHeaders;
}
