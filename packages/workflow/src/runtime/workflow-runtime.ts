/**
 * `WorkflowRuntime`: replays one workflow run from its history and decides its open decision
 * task, exactly as ARCHITECTURE.md "Replay, exactly" prescribes. Feed it the whole history once,
 * or (sticky cache) the same history in contiguous slices: the decisions are identical.
 */
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { DecisionBatcher, jsonPayloadConverter, type DecisionBatch, type PayloadConverter } from '@swirl/core';
import { validateDecisionShapes } from '../decisions.js';
import { silentLogger, type WorkflowLogger } from '../logger.js';
import type { WorkflowClass } from '../workflow-class.js';
import { applyEvent } from './event-handlers.js';
import type { Command } from './operations.js';
import { WorkflowRuntimeError } from './runtime-error.js';
import { WorkflowExecution } from './workflow-execution.js';

export interface WorkflowRuntimeOptions {
  /** The workflow class this run executes. */
  readonly workflow: WorkflowClass;
  readonly execution: { readonly workflowId: string; readonly runId: string };
  /** Turns values into payload strings and back. @default jsonPayloadConverter */
  readonly converter?: PayloadConverter;
  /** Where workflow code logs (silent during replay). @default silentLogger */
  readonly logger?: WorkflowLogger;
  /**
   * Error classes that fail the execution instead of the decision task when workflow code throws
   * them. Every `SwirlFailure` (ApplicationFailure, ActivityFailure, ...) always fails the execution.
   * @default []
   */
  readonly failWorkflowOn?: ReadonlyArray<new (...args: any[]) => Error>;
}

/** The response to one decision task. */
export interface Activation {
  readonly decisions: Decision[];
  /** The workflow's published state, to send as RespondDecisionTaskCompleted.executionContext. */
  readonly executionContext?: string;
}

export class WorkflowRuntime {
  readonly #execution: WorkflowExecution;
  readonly #batcher = new DecisionBatcher();
  #processedStartedEventId = 0;
  #liveCommands: readonly Command[] = [];
  #broken: unknown;
  #busy = false;

  constructor(options: WorkflowRuntimeOptions) {
    this.#execution = new WorkflowExecution({
      workflowClass: options.workflow,
      execution: options.execution,
      converter: options.converter ?? jsonPayloadConverter,
      logger: options.logger ?? silentLogger,
      failWorkflowOn: options.failWorkflowOn ?? [],
    });
  }

  /** The DecisionTaskStarted id of the last task this runtime decided (0 before any): compare with `previousStartedEventId`. */
  get processedStartedEventId(): number {
    return this.#processedStartedEventId;
  }

  /** The id of the last event fed in, 0 before any. */
  get lastEventId(): number {
    return this.#batcher.lastEventId;
  }

  /**
   * Applies `events` (oldest first, contiguous with everything fed before, payloads decoded): replays
   * every completed batch, checking its recorded decisions, then decides the open task the events
   * end with. Throws `NonDeterminismError`, or the error that fails this decision task; after a throw
   * the runtime is unusable and the run must be replayed by a new one.
   */
  async activate(events: readonly HistoryEvent[]): Promise<Activation> {
    if (this.#broken !== undefined) {
      throw new WorkflowRuntimeError('This runtime failed an earlier activation: replay the full history with a new WorkflowRuntime', { cause: this.#broken });
    }
    if (this.#busy) throw new WorkflowRuntimeError('activate() called while a previous activation is still running: await each activation');
    this.#busy = true;
    try {
      return await this.#activate(events);
    } catch (error) {
      this.#broken = error;
      throw error;
    } finally {
      this.#busy = false;
    }
  }

  async #activate(events: readonly HistoryEvent[]): Promise<Activation> {
    const first = events[0];
    if (this.#batcher.lastEventId === 0 && first && first.eventId !== 1) {
      throw new WorkflowRuntimeError(`A new runtime needs the whole history from event 1, got events from ${String(first.eventId)}: fetch all pages for a full replay`);
    }
    const completed: DecisionBatch[] = [];
    for (const event of events) {
      this.#guardAgainstLostDecision(event);
      this.#execution.markers.index(event);
      const batch = this.#batcher.push(event);
      if (batch) completed.push(batch);
    }
    for (const batch of completed) {
      const commands = batch.startedEventId === this.#processedStartedEventId ? this.#liveCommands : await this.#run(batch, true);
      this.#execution.kernel.confirm(batch, commands);
      this.#processedStartedEventId = batch.startedEventId;
    }
    const live = this.#batcher.openBatch;
    // A closed history (or one whose next task has not started) has nothing to decide.
    if (!live) return { decisions: [] };
    if (live.startedEventId === this.#processedStartedEventId) {
      throw new WorkflowRuntimeError(`Decision task ${live.startedEventId} was already decided by this runtime: feed only new events`);
    }
    const commands = await this.#run(live, false);
    const decisions = commands.map((command) => command.decision);
    validateDecisionShapes(decisions);
    this.#liveCommands = commands;
    this.#processedStartedEventId = live.startedEventId;
    const executionContext = this.#execution.lifecycle.executionContext();
    return executionContext === undefined ? { decisions } : { decisions, executionContext };
  }

  #run(batch: DecisionBatch, replaying: boolean): Promise<Command[]> {
    return this.#execution.kernel.runBatch(batch, replaying, (event) => applyEvent(this.#execution, event));
  }

  // The task this runtime decided timed out: SWF dropped those decisions, but this runtime already
  // applied them. Only a fresh replay (where the timed-out task's events roll forward) is correct.
  #guardAgainstLostDecision(event: HistoryEvent): void {
    if (event.eventType !== 'DecisionTaskTimedOut' || this.#processedStartedEventId === 0) return;
    if (event.decisionTaskTimedOutEventAttributes?.startedEventId !== this.#processedStartedEventId) return;
    throw new WorkflowRuntimeError(
      `Decision task ${this.#processedStartedEventId} decided by this runtime timed out (event ${event.eventId}): replay the full history with a new WorkflowRuntime`,
    );
  }
}
