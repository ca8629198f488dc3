/**
 * The answer to HTTP that Node's parser rejects before any handler sees it (bad Content-Length,
 * broken chunked encoding, oversized headers...): an AWS JSON error, so an SDK reads a typed fault
 * with a reason instead of an empty 400.
 */
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { AWS_JSON_CONTENT_TYPE } from './responses.js';

const WIRE_TYPE = 'com.amazon.coral.service#MalformedHttpRequestException';

/** What each llhttp/Node error code means, in words a client can act on. */
const REASONS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: 'the request headers are larger than the server accepts (16 KB in all)',
  HPE_INVALID_CONTENT_LENGTH: 'the Content-Length header is not a valid length',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'Content-Length and Transfer-Encoding: chunked were both given',
  HPE_INVALID_CHUNK_SIZE: 'a chunk size of the chunked body is not hexadecimal',
  HPE_INVALID_TRANSFER_ENCODING: 'the Transfer-Encoding header is not one the server reads',
  HPE_INVALID_METHOD: 'the request method is not an HTTP method',
  HPE_INVALID_URL: 'the request target is not a valid path',
  HPE_INVALID_VERSION: 'the HTTP version is not HTTP/1.0 or HTTP/1.1',
  HPE_INVALID_HEADER_TOKEN: 'a header name or value holds a character HTTP does not allow',
  HPE_INVALID_CONSTANT: 'the request line or a header is not well-formed HTTP',
  HPE_LF_EXPECTED: 'a line of the request does not end with CRLF',
  HPE_CR_EXPECTED: 'a line of the request does not end with CRLF',
  HPE_STRICT: 'the request is not well-formed HTTP',
};

interface ParserError extends Error {
  readonly code?: string;
}

/** Status and message for a parser error; 431 for oversized headers, 400 otherwise. */
export function describeClientError(error: ParserError): { status: number; message: string } {
  const reason = (error.code !== undefined && REASONS[error.code]) || `the request is not well-formed HTTP (${error.code ?? error.message})`;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  return { status, message: `Malformed HTTP request: ${reason}. SWF calls are POST / with an AWS JSON 1.0 body.` };
}

const STATUS_TEXT: Readonly<Record<number, string>> = { 400: 'Bad Request', 431: 'Request Header Fields Too Large' };

/**
 * Handler for the http server's `clientError` event. Writes a whole response and closes the
 * connection when the socket can still take one (a reset or timed-out socket cannot).
 */
export function answerClientError(logger: Logger): (error: ParserError, socket: Duplex) => void {
  return (error, socket) => {
    logger.debug({ err: error, code: error.code }, 'malformed HTTP request');
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const { status, message } = describeClientError(error);
    const body = JSON.stringify({ __type: WIRE_TYPE, message });
    const head = [
      `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}`,
      `x-amzn-RequestId: ${randomUUID()}`,
      `Content-Type: ${AWS_JSON_CONTENT_TYPE}`,
      `x-amzn-ErrorType: ${WIRE_TYPE.slice(WIRE_TYPE.indexOf('#') + 1)}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
  };
}
