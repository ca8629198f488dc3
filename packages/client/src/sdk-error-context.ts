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

/** The pages of an SDK paginator; a page request that fails names the operation and target in its error. */
export async function* withSdkContextPages<Page>(operation: string, target: string, pages: AsyncIterable<Page>): AsyncGenerator<Page> {
  try {
    for await (const page of pages) yield page;
  } catch (error) {
    throw addSdkContext(error, operation, target);
  }
}

/** Prefixes an SDK error's message with the operation and target, once; returns the same error. */
export function addSdkContext(error: unknown, operation: string, target: string): unknown {
  if (error instanceof Error && !error.message.startsWith(`${operation} `)) {
    error.message = `${operation} ${target}: ${error.message}`;
  }
  return error;
}
