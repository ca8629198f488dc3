/**
 * One long-poll loop: take a slot, poll, hand a task to its executor (which keeps the slot until the
 * task ends), repeat. Empty polls loop at once (the long poll itself is the wait); failures back off
 * with full jitter. Stopping never cuts a poll short: the task it returns is still executed.
 */
import type { Logger } from 'pino';
import { Backoff, sleep } from './backoff.js';
import { describeError, isSwfError } from './sdk-errors.js';
import type { TaskSlots } from './task-slots.js';
import type { PollRef, WorkerEvents } from './worker-events.js';

export interface PollLoopOptions<Task> {
  readonly ref: PollRef;
  readonly slots: TaskSlots;
  /** One long poll; `undefined` when it answered empty. */
  readonly poll: () => Promise<Task | undefined>;
  /** Runs a task to its end; must not reject (executors handle and report their own errors). */
  readonly execute: (task: Task) => Promise<void>;
  readonly logger: Logger;
  readonly events: WorkerEvents;
  readonly backoff?: Backoff;
  /** Aborted at shutdown: no new poll starts, and backoff waits end early. */
  readonly stopSignal: AbortSignal;
}

export class PollLoop<Task> {
  readonly #options: PollLoopOptions<Task>;
  readonly #backoff: Backoff;
  readonly #running = new Set<Promise<void>>();

  constructor(options: PollLoopOptions<Task>) {
    this.#options = options;
    this.#backoff = options.backoff ?? new Backoff();
  }

  /** Tasks this loop handed to its executor that have not finished yet. */
  get runningTasks(): number {
    return this.#running.size;
  }

  /** Polls until stopped; resolves once the last poll returned and every task it started has finished. */
  async run(): Promise<void> {
    const { slots, stopSignal } = this.#options;
    while (!stopSignal.aborted) {
      const release = await slots.acquire();
      if (stopSignal.aborted) {
        release();
        break;
      }
      const task = await this.#pollOnce(release);
      if (task === undefined) continue;
      const running = this.#options.execute(task).finally(release);
      this.#running.add(running);
      void running.finally(() => this.#running.delete(running));
    }
    await Promise.all(this.#running);
  }

  /** Returns the task, or undefined after an empty or failed poll (with the slot released). */
  async #pollOnce(release: () => void): Promise<Task | undefined> {
    const { ref, events, logger, stopSignal } = this.#options;
    const startedAt = performance.now();
    events.emit('pollStarted', ref);
    let task: Task | undefined;
    try {
      task = await this.#options.poll();
    } catch (error) {
      release();
      const retryInMs = this.#backoff.next();
      events.emit('pollFailed', { ...ref, error, retryInMs });
      this.#logPollError(error, retryInMs);
      await sleep(retryInMs, stopSignal);
      return undefined;
    }
    this.#backoff.reset();
    events.emit('pollReturned', { ...ref, gotTask: task !== undefined, durationMs: performance.now() - startedAt });
    if (task === undefined) {
      release();
      logger.trace('empty poll');
      // An empty poll normally took the long-poll time; one that answers at once must not starve the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return task;
  }

  #logPollError(error: unknown, retryInMs: number): void {
    const { logger } = this.#options;
    const err = describeError(error);
    if (isSwfError(error, 'ThrottlingException')) {
      logger.warn({ err, retryInMs }, 'poll throttled by SWF; backing off');
    } else if (isSwfError(error, 'LimitExceededFault')) {
      logger.warn(
        { err, retryInMs },
        'SWF refused the poll: too many concurrent pollers on this task list (limit 1000 per list). Lower the pollers option or run fewer workers on it; backing off',
      );
    } else if (isSwfError(error, 'UnknownResourceFault')) {
      logger.error({ err, retryInMs }, 'poll failed: the domain is unknown to SWF; register it or fix the domain option');
    } else {
      logger.error({ err, retryInMs }, 'poll failed; backing off');
    }
  }
}
