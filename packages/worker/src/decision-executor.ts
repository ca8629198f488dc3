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
import { NonDeterminismError, assertPayloadSize, fromSwfDuration, type PayloadHeaders, type PayloadPipeline } from '@swirl/core';
import type { Activation } from '@swirl/workflow';
import type { Logger } from 'pino';
import { sendAnswer } from './answer-retry.js';
import type { HistoryPager, PagedHistory } from './history-pager.js';
import { describeError, isSwfError } from './sdk-errors.js';
import type { StickyCache } from './sticky-cache.js';
import { StickySession } from './sticky-session.js';
import { signalHeaders, startHeaders, withOutboundHeaders } from './task-headers.js';
import type { DecisionTaskRef, WorkerEvents } from './worker-events.js';
import { WorkerInterceptors, type DecisionTaskCall, type DecisionTaskResult } from './worker-interceptors.js';

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
  readonly domain: string;
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
  /** Hooks around each decision task. @default none */
  readonly interceptors?: WorkerInterceptors;
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
  readonly #interceptors: WorkerInterceptors;
  /** The start headers of each runtime's run, read once from its full history and kept while the cache holds it. */
  readonly #runHeaders = new WeakMap<DecidingRuntime, PayloadHeaders>();
  #running = 0;

  constructor(options: DecisionExecutorOptions) {
    this.#options = options;
    this.#interceptors = options.interceptors ?? new WorkerInterceptors();
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
    const receivedAt = Date.now();
    try {
      const cached = session.take(task.previousStartedEventId ?? 0);
      const history = await this.#options.pager.collect(task, taskList, cached?.processedStartedEventId);
      const runtime = session.resume(history, () => this.#options.createRuntime(workflowType, execution, logger));
      const call = this.#decisionTaskCall(task, taskList, history, runtime, runtime === cached, receivedAt);
      const decide = (intercepted: DecisionTaskCall): Promise<DecisionTaskResult> =>
        this.#decide(task, history, runtime, session, intercepted.outboundHeaders, logger, ref, deadline);
      await this.#interceptors.run('decisionTask', call, decide);
      events.emit('taskCompleted', { ...ref, outcome: 'decided', durationMs: performance.now() - startedAt });
    } catch (error) {
      session.failed(ref.startedEventId);
      this.#reportFailure(ref, logger, error);
    } finally {
      this.#running -= 1;
    }
  }

  #decisionTaskCall(
    task: PollForDecisionTaskCommandOutput,
    taskList: string,
    history: PagedHistory,
    runtime: DecidingRuntime,
    cacheHit: boolean,
    receivedAt: number,
  ): DecisionTaskCall {
    const previousStartedEventId = task.previousStartedEventId ?? 0;
    let workflowHeaders = this.#runHeaders.get(runtime);
    if (workflowHeaders === undefined) {
      workflowHeaders = startHeaders(history.events);
      this.#runHeaders.set(runtime, workflowHeaders);
    }
    const fresh = history.events.filter((event) => (event.eventId ?? 0) > previousStartedEventId);
    return {
      domain: this.#options.domain,
      taskList,
      workflowExecution: { workflowId: task.workflowExecution!.workflowId!, runId: task.workflowExecution!.runId! },
      workflowType: { name: task.workflowType!.name!, version: task.workflowType!.version! },
      startedEventId: task.startedEventId ?? 0,
      previousStartedEventId,
      replayedEvents: history.events.length - fresh.length,
      newEvents: fresh.length,
      cacheHit,
      workflowHeaders,
      newSignals: signalHeaders(fresh),
      outboundHeaders: {},
      receivedAt,
    };
  }

  /** Decodes, activates, encodes and answers: the part of a decision task the interceptors wrap. */
  async #decide(
    task: PollForDecisionTaskCommandOutput,
    history: PagedHistory,
    runtime: DecidingRuntime,
    session: StickySession<DecidingRuntime>,
    outboundHeaders: PayloadHeaders,
    logger: Logger,
    ref: DecisionTaskRef,
    deadline: number | undefined,
  ): Promise<DecisionTaskResult> {
    const { events } = this.#options;
    const decoded = await Promise.all(history.events.map((event) => this.#options.payloads.decodeEvent(event)));
    const activation = await runtime.activate(decoded);
    const encoded = await Promise.all(activation.decisions.map((decision) => this.#options.payloads.encodeDecision(decision)));
    const decisions = encoded.map((decision) => withOutboundHeaders(decision, outboundHeaders));
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
    const types = decisions.map((decision) => decision.decisionType!);
    logger.debug({ decisions: types, sticky }, 'decision task completed');
    return { decisions: types, sticky };
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
