/**
 * Runs one decision task: pages its history (only the new pages when the sticky cache holds the run),
 * decodes payloads, activates the run's runtime (a WorkflowRuntime, or a DeciderRuntime for a
 * `Decider`), encodes and size-checks the decisions, and answers RespondDecisionTaskCompleted,
 * asking for sticky execution on this worker's own task list. The sticky-cache bookkeeping around
 * those steps is `StickySession`'s (sticky-session.ts).
 * A task that throws is not answered: SWF times it out and a full replay retries it.
 */
import {
  RespondDecisionTaskCompletedCommand,
  type HistoryEvent,
  type PollForDecisionTaskCommandOutput,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { NonDeterminismError, assertPayloadSize, fromSwfDuration, type PayloadPipeline } from '@swirl/core';
import type { Activation } from '@swirl/workflow';
import type { Logger } from 'pino';
import { sendAnswer } from './answer-retry.js';
import type { HistoryPager } from './history-pager.js';
import { describeError, isSwfError } from './sdk-errors.js';
import type { StickyCache } from './sticky-cache.js';
import { StickySession } from './sticky-session.js';
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
  /** Aborted when answers still failing must be given up (the shutdown grace time is over). @default never */
  readonly answersGiveUp?: AbortSignal;
}

/**
 * When SWF will time the task out: the poll's time plus the start-to-close timeout of its
 * DecisionTaskScheduled, which the first (newest-first) page holds. Undefined when not found.
 */
function decisionTaskDeadline(task: PollForDecisionTaskCommandOutput, polledAt: number): number | undefined {
  const events = task.events ?? [];
  const started = events.find((event) => event.eventId === task.startedEventId);
  const scheduledEventId = started?.decisionTaskStartedEventAttributes?.scheduledEventId;
  const timeout = events.find((event) => event.eventId === scheduledEventId)?.decisionTaskScheduledEventAttributes?.startToCloseTimeout;
  if (timeout === undefined) return undefined;
  const seconds = fromSwfDuration(timeout);
  return Number.isFinite(seconds) ? polledAt + seconds * 1_000 : undefined;
}

const NEVER = new AbortController().signal;

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
    const { events } = this.#options;
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
    const deadline = decisionTaskDeadline(task, Date.now());
    events.emit('taskStarted', ref);
    this.#running += 1;

    const session = new StickySession(this.#options, execution.runId);
    try {
      const cached = session.take(task.previousStartedEventId ?? 0);
      const history = await this.#options.pager.collect(task, taskList, cached?.processedStartedEventId);
      const runtime = session.resume(history, () => this.#options.createRuntime(workflowType, execution, logger));
      const decoded = await Promise.all(history.events.map((event) => this.#options.payloads.decodeEvent(event)));
      const activation = await runtime.activate(decoded);
      const decisions = await Promise.all(activation.decisions.map((decision) => this.#options.payloads.encodeDecision(decision)));
      if (activation.executionContext !== undefined) assertPayloadSize('executionContext', activation.executionContext);
      if (this.#options.logPayloads && logger.isLevelEnabled('debug')) logger.debug({ decisions }, 'decisions');

      const { sticky, fields } = session.answer(decisions);
      const respond = new RespondDecisionTaskCompletedCommand({
        taskToken: task.taskToken!,
        decisions,
        ...(activation.executionContext !== undefined && { executionContext: activation.executionContext }),
        ...fields,
      });
      // Sent again through an outage while the task can still be open, as activity answers are.
      await sendAnswer(async () => void (await this.#options.client.send(respond)), {
        deadline,
        giveUp: this.#options.answersGiveUp ?? NEVER,
        onRetry: ({ attempt, error, retryInMs }) => {
          logger.warn({ err: describeError(error), attempt, retryInMs }, 'could not answer the decision task yet; sending the answer again');
          events.emit('respondRetried', { ...ref, attempt, error, retryInMs });
        },
      });
      session.answered();
      logger.debug({ decisions: decisions.map((decision) => decision.decisionType), sticky }, 'decision task completed');
      events.emit('taskCompleted', { ...ref, outcome: 'decided', durationMs: performance.now() - startedAt });
    } catch (error) {
      session.failed(ref.startedEventId);
      this.#reportFailure(ref, logger, error);
    } finally {
      this.#running -= 1;
    }
  }

  #reportFailure(ref: DecisionTaskRef, logger: Logger, error: unknown): void {
    const { events } = this.#options;
    if (isSwfError(error, 'UnknownResourceFault')) {
      logger.warn({ err: describeError(error) }, 'SWF no longer knows the decision task (timed out or run closed); answer dropped');
      events.emit('respondDropped', { ...ref, error });
      return;
    }
    if (error instanceof NonDeterminismError) events.emit('nonDeterminism', { ...ref, error });
    logger.error({ err: describeError(error) }, 'decision task failed and is left unanswered; SWF will time it out and retry it');
    events.emit('taskFailed', { ...ref, error });
  }
}
