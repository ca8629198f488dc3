/**
 * SWF faults as the AWS SDK v3 raises them. The SDK maps faults by name, so checking `error.name`
 * works for modeled faults (UnknownResourceFault) and unmodeled ones (ThrottlingException) alike.
 */

export type SwfErrorName =
  | 'UnknownResourceFault'
  | 'LimitExceededFault'
  | 'ThrottlingException'
  | 'DomainAlreadyExistsFault'
  | 'TypeAlreadyExistsFault'
  | 'TypeDeprecatedFault'
  | 'DomainDeprecatedFault'
  | 'OperationNotPermittedFault';

export function isSwfError(error: unknown, name: SwfErrorName): boolean {
  return error instanceof Error && error.name === name;
}

/** An error as the worker logs it under `err`: its type, message and stack, never a request or response body. */
export interface LoggedError {
  readonly type: string;
  readonly message: string;
  readonly stack?: string;
  /** Node's error code, such as ECONNREFUSED. */
  readonly code?: string;
  /** For SWF faults: the HTTP status and the request id to quote to AWS support. */
  readonly httpStatusCode?: number;
  readonly requestId?: string;
  readonly cause?: LoggedError;
}

const MAX_CAUSES = 5;

/** The log form of any thrown value; causes are followed a few levels deep. */
export function describeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: error === null ? 'null' : typeof error, message: String(error) };
  const { code, $metadata } = error as { code?: unknown; $metadata?: { httpStatusCode?: number; requestId?: string } };
  return {
    type: error.name,
    message: error.message,
    ...(error.stack !== undefined && { stack: error.stack }),
    ...(typeof code === 'string' && { code }),
    ...($metadata?.httpStatusCode !== undefined && { httpStatusCode: $metadata.httpStatusCode }),
    ...($metadata?.requestId !== undefined && { requestId: $metadata.requestId }),
    ...(error.cause !== undefined && depth < MAX_CAUSES && { cause: describeError(error.cause, depth + 1) }),
  };
}

/**
 * The `err` serializer of the worker's loggers. pino's own would turn the plain object of
 * `describeError` into `{"type":"Object","stack":""}`; this keeps it, and describes a raw error.
 */
export function serializeLoggedError(value: unknown): unknown {
  return value instanceof Error ? describeError(value) : value;
}
