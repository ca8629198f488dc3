import type { ServerResponse } from 'node:http';

/** The content type of every AWS JSON 1.0 response. */
export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

/** An error answered on the wire: the `__type` body field plus the bare name for `x-amzn-ErrorType`. */
export interface WireError {
  readonly status: number;
  /** Namespaced type, e.g. `com.amazonaws.swf.base.model#UnknownResourceFault`. */
  readonly wireType: string;
  readonly message: string;
}

/** Extra response headers as name/value pairs: `['Allow', 'POST']`. */
export type HeaderPairs = readonly string[];

/** Answers 200 with a JSON body, or an empty body (Content-Length 0) for operations without output. */
export function sendResult(response: ServerResponse, requestId: string, result: Record<string, unknown> | undefined): void {
  if (result === undefined) {
    response.writeHead(200, jsonHead(requestId, 0));
    response.end();
    return;
  }
  sendJson(response, requestId, 200, result);
}

/**
 * Answers an error so both SDKs type it: botocore reads the body's `__type` (text after `#`), the
 * JS SDK v3 reads `x-amzn-ErrorType` first, so that header carries the bare name.
 */
export function sendError(response: ServerResponse, requestId: string, error: WireError, headers: HeaderPairs = []): void {
  const bareName = error.wireType.slice(error.wireType.indexOf('#') + 1);
  sendJson(response, requestId, error.status, { __type: error.wireType, message: error.message }, ['x-amzn-ErrorType', bareName, ...headers]);
}

/** Writes a JSON body with an exact Content-Length and the call's `x-amzn-RequestId`. */
export function sendJson(response: ServerResponse, requestId: string, status: number, body: unknown, headers: HeaderPairs = []): void {
  const text = JSON.stringify(body);
  response.writeHead(status, jsonHead(requestId, Buffer.byteLength(text), headers));
  response.end(text);
}

/**
 * The head of every response: one flat header list, which `writeHead` serializes without merging
 * header objects.
 */
function jsonHead(requestId: string, contentLength: number, headers: HeaderPairs = []): string[] {
  return ['x-amzn-RequestId', requestId, 'Content-Type', AWS_JSON_CONTENT_TYPE, 'Content-Length', String(contentLength), ...headers];
}
