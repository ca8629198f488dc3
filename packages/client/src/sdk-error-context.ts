/**
 * SDK errors stay the SDK's own objects (so `err.name` and `instanceof` checks keep working); the
 * client only prefixes the message with the operation and the resource it was about.
 */

/** Runs an SDK call and, if it fails, names the operation and target in the error's message. */
export async function withSdkContext<T>(operation: string, target: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw addSdkContext(error, operation, target);
  }
}

export function addSdkContext(error: unknown, operation: string, target: string): unknown {
  if (error instanceof Error && !error.message.startsWith(`${operation} `)) {
    error.message = `${operation} ${target}: ${error.message}`;
  }
  return error;
}
