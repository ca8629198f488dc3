/**
 * Errors the CLI reports as one line: `error: <Name>: <message>`. Usage mistakes are `CliUsageError`.
 */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** One line for the terminal: the SDK fault or error name, then its message. */
export function formatErrorLine(error: unknown): string {
  if (error instanceof CliUsageError) return `error: ${error.message}`;
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
    const message = error.message.replace(/\s*\n\s*/g, ' ').trim() || '(no message)';
    return `error: ${name}${message}`;
  }
  return `error: ${String(error)}`;
}
