/**
 * `StickySession`: the sticky-cache bookkeeping of one decision task, kept out of
 * `DecisionExecutor.execute()`. It takes the run's cached runtime when that runtime decided exactly
 * the previous task, keeps it only when the pages continue it, decides whether the answer asks for
 * sticky execution (putting the runtime back before the respond), and counts every runtime that
 * leaves the cache, so evictions add up.
 */
import type { Decision, RespondDecisionTaskCompletedCommandInput } from '@aws-sdk/client-swf';
import { CLOSE_DECISION_TYPES } from '@swirl/core';
import type { PagedHistory } from './history-pager.js';
import type { StickyCache } from './sticky-cache.js';
import type { WorkerEvents } from './worker-events.js';

/** What the session needs of a runtime: the DecisionTaskStarted id of the last task it decided. */
export interface StickyRuntime {
  readonly processedStartedEventId: number;
}

export interface StickySessionOptions<R extends StickyRuntime> {
  readonly cache: StickyCache<R>;
  readonly events: WorkerEvents;
  /** The worker's own task list for sticky execution, or undefined when sticky execution is off. */
  readonly stickyTaskList: string | undefined;
  readonly stickyScheduleToStartTimeoutMs: number;
  /** Aborted at shutdown: a stopping worker asks for no sticky execution, so no task waits on its list. */
  readonly stopSignal?: AbortSignal | undefined;
}

/** The sticky-execution fields of RespondDecisionTaskCompleted: none when the answer is not sticky. */
export type StickyRespondFields = Pick<RespondDecisionTaskCompletedCommandInput, 'taskList' | 'taskListScheduleToStartTimeout'>;

const CLOSE_TYPES: ReadonlySet<string> = new Set(CLOSE_DECISION_TYPES);

export class StickySession<R extends StickyRuntime> {
  readonly #options: StickySessionOptions<R>;
  readonly #runId: string;
  /** The runtime this task uses once known: the cached one, then (after paging) the one it activates. */
  #runtime: R | undefined;
  #sticky = false;
  #closes = false;
  #fromCache = false;
  /** True once the runtime is back in the cache for the run's next task (before the respond is sent). */
  #cachedForNextTask = false;

  constructor(options: StickySessionOptions<R>, runId: string) {
    this.#options = options;
    this.#runId = runId;
  }

  /** The cached runtime when it processed exactly the task SWF says came before this one. */
  take(previousStartedEventId: number): R | undefined {
    const { cache, events } = this.#options;
    if (!cache.enabled) return undefined;
    const held = cache.has(this.#runId);
    this.#runtime = cache.take(this.#runId, (runtime) => runtime.processedStartedEventId === previousStartedEventId);
    if (!this.#runtime) events.emit('cacheMiss', { runId: this.#runId, reason: held ? 'PREVIOUS_STARTED_MISMATCH' : 'NOT_CACHED' });
    return this.#runtime;
  }

  /** The runtime to activate: the cached one when the pages continue it, else a fresh one from `create`. */
  resume(history: PagedHistory, create: () => R): R {
    const { cache, events } = this.#options;
    if (this.#runtime && history.mode === 'full') {
      // The pages restart at event 1 (a gap in the new events): the cached runtime cannot apply them.
      events.emit('cacheMiss', { runId: this.#runId, reason: 'HISTORY_GAP' });
      cache.countDropped(this.#runId, 'FALLBACK');
      this.#runtime = undefined;
    }
    this.#fromCache = this.#runtime !== undefined;
    if (this.#runtime) events.emit('cacheHit', { runId: this.#runId, newEvents: history.events.length });
    this.#runtime ??= create();
    return this.#runtime;
  }

  /**
   * Whether the answer carrying `decisions` asks for sticky execution, and its fields. A sticky
   * answer's runtime goes back in the cache now, before the respond: once SWF records these
   * decisions, a fast activity can complete and the run's next task reach the sticky poller before
   * this respond's answer arrives.
   */
  answer(decisions: readonly Decision[]): { readonly sticky: boolean; readonly fields: StickyRespondFields } {
    const { cache, stickyTaskList, stopSignal } = this.#options;
    this.#closes = decisions.some((decision) => CLOSE_TYPES.has(decision.decisionType!));
    const stopping = stopSignal?.aborted ?? false;
    this.#sticky = stickyTaskList !== undefined && cache.enabled && !this.#closes && !stopping;
    if (!this.#sticky) return { sticky: false, fields: {} };
    cache.put(this.#runId, this.#runtime!);
    this.#cachedForNextTask = true;
    const timeoutSeconds = Math.max(1, Math.ceil(this.#options.stickyScheduleToStartTimeoutMs / 1_000));
    return { sticky: true, fields: { taskList: { name: stickyTaskList! }, taskListScheduleToStartTimeout: String(timeoutSeconds) } };
  }

  /** After the respond: a runtime taken from the cache that does not go back is counted. */
  answered(): void {
    if (!this.#sticky && this.#fromCache) this.#options.cache.countDropped(this.#runId, this.#closes ? 'CLOSED' : 'SHUTDOWN');
  }

  /** The task threw (`startedEventId` is its DecisionTaskStarted): the next task of the run replays in full. */
  failed(startedEventId: number): void {
    const { cache } = this.#options;
    const runtime = this.#runtime;
    if (runtime && this.#cachedForNextTask) {
      // The respond failed, so SWF may not have recorded these decisions: the next task replays in full.
      // Unless a next task already advanced the runtime, which proves they were recorded.
      if (runtime.processedStartedEventId === startedEventId) cache.evictEntry(this.#runId, runtime, 'FALLBACK');
    } else if (runtime) {
      // The runtime may be half-advanced: never reuse it.
      cache.countDropped(this.#runId, 'FALLBACK');
    }
  }
}
