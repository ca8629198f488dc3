/**
 * One long-poll loop. The executor's p-queue bounds its tasks: each poll runs as a queue job, so it
 * starts only once the job holds a slot (SWF starts a task's timeouts the moment the poll returns
 * it, so a task must never wait for capacity), and a task the poll returns runs in that same slot.
 * Empty polls loop at once (the long poll itself is the wait); failures back off with full jitter
 * outside the slot. Stopping opens no new poll; a poll already held runs on (the task it returns
 * is still executed) until `endPolls` aborts it, which the worker does once nothing is left to run
 * or the grace time is over, so a 60 s long poll never holds up an exit.
 */
import type PQueue from 'p-queue';
import type { Logger } from 'pino';
import { Backoff, sleep } from './backoff.js';
import { describeError, isSwfError } from './sdk-errors.js';
import type { PollRef, WorkerEvents } from './worker-events.js';

export interface PollLoopOptions<Task> {
  readonly ref: PollRef;
  /** The executor's queue: its `concurrency` bounds polls in flight plus tasks running, shared by every loop feeding it. */
  readonly queue: PQueue;
  /** One long poll, cancelled through `abortSignal`; `undefined` when it answered empty. */
  readonly poll: (abortSignal: AbortSignal) => Promise<Task | undefined>;
  /** Runs a task to its end; must not reject (executors handle and report their own errors). */
  readonly execute: (task: Task) => Promise<void>;
  readonly logger: Logger;
  readonly events: WorkerEvents;
  readonly backoff?: Backoff;
  /** Aborted at shutdown: no new poll starts, and backoff waits end early. */
  readonly stopSignal: AbortSignal;
  /** Aborted after `stopSignal` when polls still held must end: their requests are cancelled. */
  readonly endPolls: AbortSignal;
  /**
   * A poll whose connection failed after it was held this long reached a live service: its failure
   * starts the backoff over instead of widening it. @default 1000 ms
   */
  readonly heldPollMs?: number;
}

/** True when the service answered the call (with an error status); false for a connection that failed. */
function answeredByService(error: unknown): boolean {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode !== undefined;
}

/** How one poll ended, reported to the loop as soon as the poll answers. */
type PollResult<Task> =
  | { readonly kind: 'task'; readonly task: Task }
  | { readonly kind: 'empty' }
  | { readonly kind: 'failed'; readonly retryInMs: number }
  /** The job got its slot after shutdown started (it did not poll), or its poll was ended at shutdown. */
  | { readonly kind: 'stopped' };

export class PollLoop<Task> {
  readonly #options: PollLoopOptions<Task>;
  readonly #backoff: Backoff;
  readonly #jobs = new Set<Promise<void>>();

  constructor(options: PollLoopOptions<Task>) {
    this.#options = options;
    this.#backoff = options.backoff ?? new Backoff();
  }

  /** Polls until stopped; resolves once the last poll returned and every task it started has finished. */
  async run(): Promise<void> {
    const { stopSignal } = this.#options;
    while (!stopSignal.aborted) {
      const result = await this.#pollInSlot();
      if (result.kind === 'failed') await sleep(result.retryInMs, stopSignal);
      // An empty poll normally took the long-poll time; one that answers at once must not starve the event loop.
      if (result.kind === 'empty') await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(this.#jobs);
  }

  /** Queues a job that polls once it holds a slot and runs the polled task in it; resolves when the poll answers. */
  #pollInSlot(): Promise<PollResult<Task>> {
    return new Promise((answered) => {
      const job = this.#options.queue.add(async () => {
        if (this.#options.stopSignal.aborted) return answered({ kind: 'stopped' });
        const result = await this.#pollOnce();
        answered(result);
        if (result.kind === 'task') await this.#execute(result.task);
      });
      this.#jobs.add(job);
      void job.finally(() => this.#jobs.delete(job));
    });
  }

  async #pollOnce(): Promise<PollResult<Task>> {
    const { ref, events, logger } = this.#options;
    const startedAt = performance.now();
    events.emit('pollStarted', ref);
    let task: Task | undefined;
    try {
      task = await this.#options.poll(this.#options.endPolls);
    } catch (error) {
      if (this.#options.endPolls.aborted) {
        logger.debug('poll ended at shutdown');
        return { kind: 'stopped' };
      }
      // A long poll the service held, then lost (a restart, a proxy cutting idle connections), is not
      // one more failure in a row: counting it so widened the wait at each cut, and after a few
      // restarts of the service the pollers came back up to 30 s late.
      if (performance.now() - startedAt >= (this.#options.heldPollMs ?? 1_000) && !answeredByService(error)) this.#backoff.reset();
      const retryInMs = this.#backoff.next();
      events.emit('pollFailed', { ...ref, error, retryInMs });
      this.#logPollError(error, retryInMs);
      return { kind: 'failed', retryInMs };
    }
    this.#backoff.reset();
    events.emit('pollReturned', { ...ref, gotTask: task !== undefined, durationMs: performance.now() - startedAt });
    if (task === undefined) {
      logger.trace('empty poll');
      return { kind: 'empty' };
    }
    return { kind: 'task', task };
  }

  async #execute(task: Task): Promise<void> {
    try {
      await this.#options.execute(task);
    } catch (error) {
      // Executors report their own failures; reaching here is a bug, and it must not stop the loop's drain.
      this.#options.logger.error({ err: describeError(error) }, 'task executor threw instead of reporting the failure');
    }
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
