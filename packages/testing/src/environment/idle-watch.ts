/**
 * Knows when the in-process system is idle, so time skipping can move the clock safely.
 *
 * It reads the engine's ledger of outstanding work (`engine.stats()`, O(1)), never the store: the
 * engine marks a task started in the same atomic step that hands it to a poller, and keeps it so
 * until its answer is applied. So the system is idle when no decision, activity or lambda task is
 * started-and-unanswered, and no task waits on a list that a running test worker polls (that worker
 * will take it at once). Two exceptions keep a stuck task from freezing time forever: a decision
 * task the worker reported failing (SWF retries it after its timeout, which only moving time can
 * bring), and anything outstanding for `busyTaskTimeoutMs` of real time without progress (an
 * activity blocked until it is cancelled or times out, a list no slot is free to poll).
 */
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import type { SwfEngine } from '@swirl/server';

/** How often (real ms) the engine's counts are re-read while waiting for work to finish. */
const CHECK_INTERVAL_MS = 2;

/** What the watch reads: the engine's outstanding-work hooks. */
export type OutstandingWorkSource = Pick<SwfEngine, 'stats' | 'startedTasks' | 'queuedTaskLists'>;

export interface IdleWatchOptions {
  readonly engine: OutstandingWorkSource;
  /** Real time one outstanding task may hold the clock back. */
  readonly busyTaskTimeoutMs: number;
  /** True when a running worker polls this list of this kind in this domain. */
  readonly isPolled: (domain: string, kind: 'decision' | 'activity', taskList: string) => boolean;
}

export class IdleWatch {
  readonly #options: IdleWatchOptions;
  /** Real time (performance.now) each piece of work was first seen in its current state. */
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

  /** Keys of the work that holds the clock back right now (empty when idle). */
  busyWork(): string[] {
    const { engine, isPolled } = this.#options;
    const { startedTasks, queuedTasks } = engine.stats();
    if (startedTasks.decision + startedTasks.activity + startedTasks.lambda + queuedTasks.decision + queuedTasks.activity === 0) {
      this.#firstSeen.clear();
      this.#failedDecisions.clear();
      return [];
    }
    const now = performance.now();
    const seen = new Set<string>();
    const openDecisions = new Set<string>();
    const busy: string[] = [];
    const hold = (key: string): void => {
      seen.add(key);
      const firstSeen = this.#firstSeen.get(key) ?? now;
      this.#firstSeen.set(key, firstSeen);
      if (now - firstSeen < this.#options.busyTaskTimeoutMs) busy.push(key);
    };
    for (const task of engine.startedTasks()) {
      if (task.kind === 'decision') {
        const decision = `${task.runId}/${task.startedEventId}`;
        openDecisions.add(decision);
        if (this.#failedDecisions.has(decision)) continue;
      }
      hold(`started/${task.kind}/${task.runId}/${task.scheduledEventId}/${task.startedEventId}`);
    }
    for (const list of engine.queuedTaskLists()) {
      // A list nobody polls is the test's business (or a stopped worker's); a polled one is served at once.
      if (isPolled(list.domain, list.kind, list.taskList)) hold(`queued/${list.domain}/${list.kind}/${list.taskList}/${list.progress}`);
    }
    for (const key of this.#firstSeen.keys()) if (!seen.has(key)) this.#firstSeen.delete(key);
    for (const key of this.#failedDecisions) if (!openDecisions.has(key)) this.#failedDecisions.delete(key);
    return busy;
  }

  /** Resolves once no work holds the clock back (see the module comment). */
  async waitUntilIdle(): Promise<void> {
    for (;;) {
      // Let answers already received by the engine's callers settle before reading the counts.
      await nextTurn();
      if (this.busyWork().length === 0) return;
      await delay(CHECK_INTERVAL_MS);
    }
  }
}
