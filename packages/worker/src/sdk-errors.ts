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

/** A short description for logs: the fault name and message, never a request body. */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: typeof error, message: String(error) };
}
