/** Calls made by a test's own client while the server it talks to may be down for a restart. */

/** True for what a call meets while the server is down or restarting: no connection, a reset, a 5xx, a throttle. */
export function isOutage(error: unknown): boolean {
  const { name, code, message, $metadata } = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (code !== undefined && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  if (($metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (name === 'ThrottlingException' || name === 'TimeoutError') return true;
  return /socket hang up|ECONNREFUSED|ECONNRESET/.test(message ?? '');
}

/**
 * Runs `call` until it is answered, trying again (every 100 ms) while the server is down, for at
 * most `timeoutMs`. Any other error is thrown at once. `onAttempt` is called before each try.
 */
export async function untilAnswered<T>(call: () => Promise<T>, timeoutMs = 60_000, onAttempt?: () => void): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    onAttempt?.();
    try {
      return await call();
    } catch (error) {
      if (!isOutage(error) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
