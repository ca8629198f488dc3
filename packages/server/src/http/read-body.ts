import type { IncomingMessage } from 'node:http';

/** SWF's documented request size limit (1 MB). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/** The request body, or how big it was when it exceeded the limit. */
export type RequestBody =
  | { readonly kind: 'complete'; readonly text: string }
  | { readonly kind: 'too-large'; readonly bytes: number };

/**
 * Reads the whole request body, keeping at most `limitBytes`. An oversized body is still read to
 * its end (and discarded) so the client receives our 400 rather than a reset connection.
 */
export async function readRequestBody(request: IncomingMessage, limitBytes = MAX_REQUEST_BYTES): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes <= limitBytes) chunks.push(chunk);
  }
  if (bytes > limitBytes) return { kind: 'too-large', bytes };
  return { kind: 'complete', text: Buffer.concat(chunks, bytes).toString('utf8') };
}
