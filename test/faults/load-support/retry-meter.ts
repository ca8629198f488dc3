/**
 * Counts the retries the AWS SDK made inside each call (`$metadata.attempts` - 1), per operation,
 * and the calls that failed after all of them: how much the client backed off under faults.
 */
import type { SWFClient } from '@aws-sdk/client-swf';

export interface RetryCounts {
  /** Extra attempts the SDK's retry strategy made, by operation. */
  readonly sdkRetries: Readonly<Record<string, number>>;
  /** Calls that still failed after the SDK's attempts (the worker's own backoff takes over), by operation. */
  readonly failedCalls: Readonly<Record<string, number>>;
}

export class RetryMeter {
  readonly #retries = new Map<string, number>();
  readonly #failed = new Map<string, number>();

  attach(client: SWFClient): SWFClient {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = context.commandName?.replace(/Command$/, '') ?? 'unknown';
        try {
          const result = await next(args);
          this.#count(this.#retries, operation, attemptsOf(result.output) - 1);
          return result;
        } catch (error) {
          this.#count(this.#retries, operation, attemptsOf(error) - 1);
          this.#count(this.#failed, operation, 1);
          throw error;
        }
      },
      { step: 'initialize', name: 'swirlFaultsRetryMeter' },
    );
    return client;
  }

  counts(): RetryCounts {
    return { sdkRetries: Object.fromEntries(this.#retries), failedCalls: Object.fromEntries(this.#failed) };
  }

  #count(map: Map<string, number>, operation: string, by: number): void {
    if (by > 0) map.set(operation, (map.get(operation) ?? 0) + by);
  }
}

function attemptsOf(value: unknown): number {
  const attempts = (value as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts;
  return typeof attempts === 'number' && attempts > 0 ? attempts : 1;
}

/** Adds per-operation counts of several processes together. */
export function sumCounts(all: ReadonlyArray<Readonly<Record<string, number>>>): Record<string, number> {
  const total: Record<string, number> = {};
  for (const counts of all) for (const [key, value] of Object.entries(counts)) total[key] = (total[key] ?? 0) + value;
  return total;
}
