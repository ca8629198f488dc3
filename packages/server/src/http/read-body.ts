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
 * Three listeners and no iterator: an async iterator over the stream cost several promise ticks
 * and allocations per request, a visible share of the server's per-call CPU. None is removed: the
 * request is done with once it ends or fails.
 */
export function readRequestBody(request: IncomingMessage, limitBytes = MAX_REQUEST_BYTES): Promise<RequestBody> {
  return new Promise<RequestBody>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    request.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limitBytes) chunks.push(chunk);
    });
    request.once('end', () => {
      if (bytes > limitBytes) resolve({ kind: 'too-large', bytes });
      else resolve({ kind: 'complete', text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, bytes).toString('utf8') });
    });
    // A client that disconnects mid-body destroys the request with an 'aborted' error.
    request.once('error', (error) => reject(new Error(`the client closed the connection after ${bytes} bytes of the request body`, { cause: error })));
  });
}
