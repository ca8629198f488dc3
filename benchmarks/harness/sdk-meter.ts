/**
 * An AWS SDK middleware that counts and times every SWF call of one client, and counts the history
 * events each PollForDecisionTask page carries (what the decider had transferred to it).
 */
import type { SWFClient } from '@aws-sdk/client-swf';

export interface OperationStats {
  readonly calls: number;
  readonly errors: number;
  /** Client-side duration of each call (serialize, HTTP round trip, deserialize), in ms. */
  readonly durationsMs: readonly number[];
}

export interface MeterSnapshot {
  readonly totalCalls: number;
  readonly operations: Readonly<Record<string, OperationStats>>;
  readonly decisionTaskEvents: number;
  readonly decisionTaskPages: number;
}

export class SdkMeter {
  readonly #operations = new Map<string, { calls: number; errors: number; durationsMs: number[] }>();
  #decisionTaskEvents = 0;
  #decisionTaskPages = 0;
  /** Keep per-call durations (for percentiles); off for very long runs to bound memory. */
  readonly keepDurations: boolean;

  constructor(options: { keepDurations?: boolean } = {}) {
    this.keepDurations = options.keepDurations ?? true;
  }

  /** Adds the meter to `client`'s middleware stack; returns the client. */
  attach(client: SWFClient): SWFClient {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = context.commandName?.replace(/Command$/, '') ?? 'unknown';
        const stats = this.#stats(operation);
        const started = performance.now();
        try {
          const result = await next(args);
          if (operation === 'PollForDecisionTask') {
            const events = (result.output as { events?: unknown[] }).events;
            this.#decisionTaskPages += 1;
            this.#decisionTaskEvents += events?.length ?? 0;
          }
          return result;
        } catch (error) {
          stats.errors += 1;
          throw error;
        } finally {
          stats.calls += 1;
          if (this.keepDurations) stats.durationsMs.push(performance.now() - started);
        }
      },
      { step: 'initialize', name: 'swirlBenchSdkMeter' },
    );
    return client;
  }

  /** Zeroes every counter; calls in flight are counted when they finish. */
  reset(): void {
    for (const stats of this.#operations.values()) {
      stats.calls = 0;
      stats.errors = 0;
      stats.durationsMs = [];
    }
    this.#decisionTaskEvents = 0;
    this.#decisionTaskPages = 0;
  }

  snapshot(): MeterSnapshot {
    const operations: Record<string, OperationStats> = {};
    let totalCalls = 0;
    for (const [name, stats] of this.#operations) {
      if (stats.calls === 0) continue;
      operations[name] = { calls: stats.calls, errors: stats.errors, durationsMs: [...stats.durationsMs] };
      totalCalls += stats.calls;
    }
    return { totalCalls, operations, decisionTaskEvents: this.#decisionTaskEvents, decisionTaskPages: this.#decisionTaskPages };
  }

  #stats(operation: string) {
    let stats = this.#operations.get(operation);
    if (!stats) {
      stats = { calls: 0, errors: 0, durationsMs: [] };
      this.#operations.set(operation, stats);
    }
    return stats;
  }
}
