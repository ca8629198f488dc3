/**
 * Knows when the in-process system is idle, so time skipping can move the clock safely.
 *
 * The engine's store is the source of truth: every task SWF hands out is marked started in the same
 * atomic step that hands it to a poller, and stays so until its answer is applied. So the system is
 * idle when no decision, activity or lambda task is started-and-unanswered, and no task waits on a
 * list that a running test worker polls (that worker will take it at once). Two exceptions keep a
 * stuck task from freezing time forever: a decision task the worker reported failing (SWF retries it
 * after its timeout, which only moving time can bring), and any task still outstanding after
 * `busyTaskTimeoutMs` of real time (an activity blocked until it is cancelled or times out).
 */
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import type { Store } from '@swirl/server';
import { outstandingTasks, type OutstandingTask } from './outstanding-work.js';

/** How often (real ms) the store is re-read while waiting for work to finish. */
const CHECK_INTERVAL_MS = 2;

export interface IdleWatchOptions {
  readonly store: Store;
  /** Real time one outstanding task may hold the clock back. */
  readonly busyTaskTimeoutMs: number;
  /** True when a running worker polls this list of this kind in this domain. */
  readonly isPolled: (domain: string, kind: 'decision' | 'activity', taskList: string) => boolean;
}

export class IdleWatch {
  readonly #options: IdleWatchOptions;
  /** Real time (performance.now) each task was first seen in its current state. */
  readonly #firstSeen = new Map<string, number>();
  /** Started decision tasks (`runId/startedEventId`) a worker failed and left unanswered. */
  readonly #failedDecisions = new Set<string>();

  constructor(options: IdleWatchOptions) {
    this.#options = options;
  }

  /** A worker failed this decision task: SWF will only retry it after its timeout, so time must move. */
  decisionTaskFailed(runId: string, startedEventId: number): void {
    this.#failedDecisions.add(`${runId}/${startedEventId}`);
  }

  /** The tasks that hold the clock back right now. */
  busyTasks(): OutstandingTask[] {
    const now = performance.now();
    const outstanding = outstandingTasks(this.#options.store);
    const current = new Set(outstanding.map((task) => `${task.key}/${task.state}`));
    for (const key of this.#firstSeen.keys()) if (!current.has(key)) this.#firstSeen.delete(key);
    const openDecisions = new Set(outstanding.filter((task) => task.kind === 'decision').map((task) => `${task.runId}/${task.startedEventId}`));
    for (const key of this.#failedDecisions) if (!openDecisions.has(key)) this.#failedDecisions.delete(key);

    return outstanding.filter((task) => {
      if (task.kind === 'decision' && task.state === 'started' && this.#failedDecisions.has(`${task.runId}/${task.startedEventId}`)) return false;
      if (task.state === 'queued' && task.kind !== 'lambda' && !this.#options.isPolled(task.domain, task.kind, task.taskList)) return false;
      const key = `${task.key}/${task.state}`;
      const firstSeen = this.#firstSeen.get(key) ?? now;
      this.#firstSeen.set(key, firstSeen);
      return now - firstSeen < this.#options.busyTaskTimeoutMs;
    });
  }

  /** Resolves once no task holds the clock back (see the module comment). */
  async waitUntilIdle(): Promise<void> {
    for (;;) {
      // Let answers already received by the engine's callers settle before reading the store.
      await nextTurn();
      if (this.busyTasks().length === 0) return;
      await delay(CHECK_INTERVAL_MS);
    }
  }
}
