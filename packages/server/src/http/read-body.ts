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
 * Listens to 'data'/'end' directly: an async iterator over the stream cost several promise ticks
 * and allocations per request, a visible share of the server's per-call CPU.
 */
export function readRequestBody(request: IncomingMessage, limitBytes = MAX_REQUEST_BYTES): Promise<RequestBody> {
  return new Promise<RequestBody>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer): void => {
      bytes += chunk.length;
      if (bytes <= limitBytes) chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      if (bytes > limitBytes) resolve({ kind: 'too-large', bytes });
      else resolve({ kind: 'complete', text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, bytes).toString('utf8') });
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    // A client that disconnects mid-body ends the request without 'end'.
    const onClose = (): void => {
      if (!request.complete) onError(new Error(`the client closed the connection after ${bytes} bytes of the request body`));
    };
    const cleanup = (): void => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
