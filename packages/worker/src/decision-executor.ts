/**
 * Runs one decision task: pages its history (only the new pages when the sticky cache holds the run),
 * decodes payloads, activates the run's runtime (a WorkflowRuntime, or a DeciderRuntime for a
 * `Decider`), encodes and size-checks the decisions, and
 * answers RespondDecisionTaskCompleted, asking for sticky execution on this worker's own task list.
 * A task that throws is not answered: SWF times it out and a full replay retries it.
 */
import {
  RespondDecisionTaskCompletedCommand,
  type HistoryEvent,
  type PollForDecisionTaskCommandOutput,
  type SWFClient,
} from '@aws-sdk/client-swf';
import {
  CLOSE_DECISION_TYPES,
  NonDeterminismError,
  assertPayloadSize,
  type PayloadPipeline,
} from '@swirl/core';
import type { Activation } from '@swirl/workflow';
import type { Logger } from 'pino';
import type { HistoryPager } from './history-pager.js';
import { describeError, isSwfError } from './sdk-errors.js';
import type { StickyCache } from './sticky-cache.js';
import type { DecisionTaskRef, WorkerEvents } from './worker-events.js';

/** What the executor needs of a run's runtime (WorkflowRuntime or DeciderRuntime in production, a fake in tests). */
export interface DecidingRuntime {
  /** The DecisionTaskStarted id of the last task this runtime decided. */
  readonly processedStartedEventId: number;
  activate(events: HistoryEvent[]): Promise<Activation> | Activation;
}

/** Builds a fresh runtime for a run; throws when this worker does not have the workflow type. */
export type RuntimeFactory = (
  workflowType: { name: string; version: string },
  execution: { workflowId: string; runId: string },
  logger: Logger,
) => DecidingRuntime;

export interface DecisionExecutorOptions {
  readonly client: SWFClient;
  readonly pager: HistoryPager;
  readonly cache: StickyCache<DecidingRuntime>;
  readonly createRuntime: RuntimeFactory;
  readonly payloads: PayloadPipeline;
  /** The worker's own task list for sticky execution, or undefined when sticky execution is off. */
  readonly stickyTaskList: string | undefined;
  readonly stickyScheduleToStartTimeoutMs: number;
  /** Aborted at shutdown: a stopping worker asks for no sticky execution, so no task waits on its list. */
  readonly stopSignal?: AbortSignal;
  readonly logger: Logger;
  readonly events: WorkerEvents;
  readonly logPayloads: boolean;
}

const CLOSE_TYPES: ReadonlySet<string> = new Set(CLOSE_DECISION_TYPES);

export class DecisionExecutor {
  readonly #options: DecisionExecutorOptions;
  #running = 0;

  constructor(options: DecisionExecutorOptions) {
    this.#options = options;
  }

  /** Decision tasks being executed right now (polls in flight not included). */
  get runningTasks(): number {
    return this.#running;
  }

  /** Executes a polled decision task. `taskList` is the list it was polled from (for paging). */
  async execute(task: PollForDecisionTaskCommandOutput, taskList: string): Promise<void> {
    const { events, cache } = this.#options;
    const execution = { workflowId: task.workflowExecution!.workflowId!, runId: task.workflowExecution!.runId! };
    const workflowType = { name: task.workflowType!.name!, version: task.workflowType!.version! };
    const ref: DecisionTaskRef = {
      kind: 'decision',
      ...execution,
      workflowType: `${workflowType.name}@${workflowType.version}`,
      startedEventId: task.startedEventId ?? 0,
    };
    const logger = this.#options.logger.child(execution);
    const startedAt = performance.now();
    events.emit('taskStarted', ref);
    this.#running += 1;

    let runtime: DecidingRuntime | undefined;
    /** True once the runtime is back in the cache for the run's next task (before the respond is sent). */
    let cachedForNextTask = false;
    try {
      runtime = this.#takeCachedRuntime(task, execution.runId);
      const history = await this.#options.pager.collect(task, taskList, runtime?.processedStartedEventId);
      if (runtime && history.mode === 'full') {
        events.emit('cacheMiss', { runId: execution.runId, reason: 'HISTORY_GAP' });
        cache.countDropped(execution.runId, 'FALLBACK');
        runtime = undefined;
      }
      const cameFromCache = runtime !== undefined;
      if (runtime) events.emit('cacheHit', { runId: execution.runId, newEvents: history.events.length });
      runtime ??= this.#options.createRuntime(workflowType, execution, logger);
      const decoded = await Promise.all(history.events.map((event) => this.#options.payloads.decodeEvent(event)));
      const activation = await runtime.activate(decoded);
      const decisions = await Promise.all(activation.decisions.map((decision) => this.#options.payloads.encodeDecision(decision)));
      if (activation.executionContext !== undefined) assertPayloadSize('executionContext', activation.executionContext);
      if (this.#options.logPayloads && logger.isLevelEnabled('debug')) logger.debug({ decisions }, 'decisions');

      const closes = decisions.some((decision) => CLOSE_TYPES.has(decision.decisionType!));
      const stopping = this.#options.stopSignal?.aborted ?? false;
      const sticky = this.#options.stickyTaskList !== undefined && cache.enabled && !closes && !stopping;
      // Cached before the respond: once SWF records these decisions, a fast activity can complete and
      // the run's next task reach the sticky poller before this respond's answer arrives.
      if (sticky) {
        cache.put(execution.runId, runtime);
        cachedForNextTask = true;
      }
      await this.#options.client.send(
        new RespondDecisionTaskCompletedCommand({
          taskToken: task.taskToken!,
          decisions,
          ...(activation.executionContext !== undefined && { executionContext: activation.executionContext }),
          ...(sticky && {
            taskList: { name: this.#options.stickyTaskList! },
            taskListScheduleToStartTimeout: String(Math.max(1, Math.ceil(this.#options.stickyScheduleToStartTimeoutMs / 1_000))),
          }),
        }),
      );
      // A runtime taken from the cache that does not go back is counted, so evictions add up.
      if (!sticky && cameFromCache) cache.countDropped(execution.runId, closes ? 'CLOSED' : 'SHUTDOWN');
      logger.debug({ decisions: decisions.map((decision) => decision.decisionType), sticky }, 'decision task completed');
      events.emit('taskCompleted', { ...ref, outcome: 'decided', durationMs: performance.now() - startedAt });
    } catch (error) {
      if (runtime && cachedForNextTask) {
        // The respond failed, so SWF may not have recorded these decisions: the next task replays in full.
        // Unless a next task already advanced the runtime, which proves they were recorded.
        if (runtime.processedStartedEventId === ref.startedEventId) cache.evictEntry(execution.runId, runtime, 'FALLBACK');
      } else if (runtime) {
        // The runtime may be half-advanced: never reuse it. The next task of this run replays in full.
        cache.countDropped(execution.runId, 'FALLBACK');
      }
      this.#reportFailure(ref, logger, error);
    } finally {
      this.#running -= 1;
    }
  }

  /** The cached runtime when it processed exactly the task SWF says came before this one. */
  #takeCachedRuntime(task: PollForDecisionTaskCommandOutput, runId: string): DecidingRuntime | undefined {
    const { cache, events } = this.#options;
    if (!cache.enabled) return undefined;
    const held = cache.has(runId);
    const cached = cache.take(runId, (runtime) => runtime.processedStartedEventId === (task.previousStartedEventId ?? 0));
    if (!cached) events.emit('cacheMiss', { runId, reason: held ? 'PREVIOUS_STARTED_MISMATCH' : 'NOT_CACHED' });
    return cached;
  }

  #reportFailure(ref: DecisionTaskRef, logger: Logger, error: unknown): void {
    const { events } = this.#options;
    if (isSwfError(error, 'UnknownResourceFault')) {
      logger.warn({ err: describeError(error) }, 'SWF no longer knows the decision task (timed out or run closed); answer dropped');
      events.emit('respondDropped', { ...ref, error });
      return;
    }
    if (error instanceof NonDeterminismError) events.emit('nonDeterminism', { ...ref, error });
    logger.error(
      { err: describeError(error), stack: error instanceof Error ? error.stack : undefined },
      'decision task failed and is left unanswered; SWF will time it out and retry it',
    );
    events.emit('taskFailed', { ...ref, error });
  }
}
