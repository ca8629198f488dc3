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

/** Answers 200 with a JSON body, or an empty body (Content-Length 0) for operations without output. */
export function sendResult(response: ServerResponse, result: Record<string, unknown> | undefined): void {
  if (result === undefined) {
    response.writeHead(200, { 'Content-Type': AWS_JSON_CONTENT_TYPE, 'Content-Length': 0 });
    response.end();
    return;
  }
  sendJson(response, 200, result);
}

/**
 * Answers an error so both SDKs type it: botocore reads the body's `__type` (text after `#`), the
 * JS SDK v3 reads `x-amzn-ErrorType` first, so that header carries the bare name.
 */
export function sendError(response: ServerResponse, error: WireError): void {
  const bareName = error.wireType.slice(error.wireType.indexOf('#') + 1);
  sendJson(response, error.status, { __type: error.wireType, message: error.message }, { 'x-amzn-ErrorType': bareName });
}

/** Writes a JSON body with an exact Content-Length. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Content-Type': AWS_JSON_CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}
