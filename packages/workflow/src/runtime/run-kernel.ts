/**
 * `RunKernel`, the `ExecutionKernel` of one run and the only place its commands are ordered: it
 * queues what the per-kind modules push, puts the close decision last and splits responses too
 * large for one task, links recorded event ids to the operations that own them, runs each batch's
 * events with microtask drains between them, and counts the progress those drains watch. What the
 * run means (its start, which close decision, its cancel request) is the lifecycle's; the kernel
 * reaches it only through `KernelHooks`, so it depends on none of the modules built on it.
 */
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import { NonDeterminismError, type DecisionBatch, type PayloadConverter } from '@swirl/core';
import { CancellationScope } from '../cancellation-scope.js';
import { buildDecision } from '../decisions.js';
import { replayAwareLogger, type WorkflowLogger } from '../logger.js';
import type { WorkflowInfo } from '../workflow-info.js';
import { CommandOutbox, MAX_DECISIONS_PER_RESPONSE } from './command-outbox.js';
import { confirmRecordedDecisions } from './determinism.js';
import type { ExecutionKernel, SequenceKind } from './execution-kernel.js';
import { drainMicrotasks } from './microtask-drain.js';
import { CloseOperation, TimerOperation, type Command, type Operation } from './operations.js';

/** What the kernel needs from the run around it, supplied where the run is put together. */
export interface KernelHooks {
  readonly converter: PayloadConverter;
  readonly logger: WorkflowLogger;
  /** The run's facts; throws until WorkflowExecutionStarted has been applied. */
  info(): WorkflowInfo;
  /** Decides what an error from workflow code does: close the run, or fail the decision task. */
  classify(error: unknown): void;
  /** Re-checks what waits on workflow state once the workflow is quiet; true when that woke something. */
  onIdle(): boolean;
}

export class RunKernel implements ExecutionKernel {
  readonly rootScope = new CancellationScope();
  readonly converter: PayloadConverter;
  readonly log: WorkflowLogger;
  readonly #hooks: KernelHooks;
  readonly #outbox = new CommandOutbox();
  readonly #owners = new Map<number, Operation>();
  readonly #ids: Record<SequenceKind, number> = { activity: 0, timer: 0, child: 0, lambda: 0, sideEffect: 0, retry: 0, continuation: 0 };
  #progress = 0;
  #taskStartedAt = new Date(0);
  #replaying = true;
  #close: CloseOperation | undefined;
  #taskFailure: { error: unknown } | undefined;

  constructor(hooks: KernelHooks) {
    this.#hooks = hooks;
    this.converter = hooks.converter;
    this.log = replayAwareLogger(hooks.logger, () => this.#replaying);
  }

  get info(): WorkflowInfo {
    return this.#hooks.info();
  }

  get replaying(): boolean {
    return this.#replaying;
  }

  /** When the decision task being run started: the workflow's clock, identical on every replay. */
  get taskStartedAt(): Date {
    return this.#taskStartedAt;
  }

  nextId(kind: SequenceKind): number {
    return ++this.#ids[kind];
  }

  touch(): void {
    this.#progress++;
  }

  push(decision: Decision, operation: Operation): Command {
    this.#progress++;
    return this.#outbox.push({ decision, operation, sent: false, dropped: false });
  }

  owns(eventId: number | undefined): boolean {
    return eventId !== undefined && this.#owners.has(eventId);
  }

  owner<T extends Operation>(eventId: number | undefined, kind: T['kind'], event: HistoryEvent): T {
    const operation = eventId ? this.#owners.get(eventId) : undefined;
    if (!operation || operation.kind !== kind) {
      throw new NonDeterminismError({
        eventId: event.eventId ?? 0,
        recorded: `${event.eventType ?? 'event'} naming event ${eventId ?? 0}`,
        produced: `no ${kind} operation started by this workflow at event ${eventId ?? 0}`,
      });
    }
    return operation as T;
  }

  // ---- batches ----------------------------------------------------------------------------------

  /** Delivers a batch's events in order, draining after each that resolved something; returns the commands to send. */
  async runBatch(batch: DecisionBatch, replaying: boolean, handle: (event: HistoryEvent) => boolean): Promise<Command[]> {
    this.#taskStartedAt = batch.startedAt;
    this.#replaying = replaying;
    let drainedAt = this.#progress;
    for (const event of batch.events) {
      const woke = handle(event);
      this.#throwTaskFailure();
      if (woke || this.#progress !== drainedAt) {
        await this.#drain();
        drainedAt = this.#progress;
      }
    }
    return this.#takeCommands();
  }

  /** Checks a decided batch against its recorded decisions and links their event ids to operations. */
  confirm(batch: DecisionBatch, sent: readonly Command[]): void {
    confirmRecordedDecisions(batch, sent, (eventId, operation) => this.#owners.set(eventId, operation));
  }

  async #drain(): Promise<void> {
    await drainMicrotasks(
      () => this.#progress,
      () => this.#hooks.onIdle(),
    );
    this.#throwTaskFailure();
  }

  #throwTaskFailure(): void {
    if (this.#taskFailure) throw this.#taskFailure.error;
  }

  #takeCommands(): Command[] {
    const pending = this.#outbox.takeAll();
    const close = this.#close && !this.#close.sent ? this.#close : undefined;
    let out: Command[];
    if (pending.length + (close ? 1 : 0) <= MAX_DECISIONS_PER_RESPONSE) {
      out = pending;
      if (close) {
        out.push({ decision: close.decision, operation: close, sent: false, dropped: false });
        close.sent = true;
      }
    } else {
      // Too many for one response: send the first 99, then a zero-second timer whose firing starts the next task.
      out = pending.slice(0, MAX_DECISIONS_PER_RESPONSE - 1);
      this.#outbox.putBack(pending.slice(MAX_DECISIONS_PER_RESPONSE - 1));
      const timer = new TimerOperation(`swirl.continue.${this.nextId('continuation')}`, {
        onFired: () => undefined,
        onCancelled: () => undefined,
        onFailed: (error) => this.workflowError(error),
      });
      const decision = buildDecision('StartTimer', { timerId: timer.timerId, startToFireTimeout: '0' });
      timer.command = { decision, operation: timer, sent: false, dropped: false };
      out.push(timer.command);
    }
    for (const command of out) command.sent = true;
    return out;
  }

  // ---- outcomes of workflow code ----------------------------------------------------------------

  /**
   * Runs workflow code (execute or a handler) in a microtask, so it starts on a fresh stack: errors it
   * throws carry no runtime frames and encode identically in sticky and full replays. A thrown or
   * rejected error is classified by `workflowError`.
   */
  runUserCode(code: () => unknown, onValue: (value: unknown) => void = () => undefined): void {
    this.#progress++;
    Promise.resolve()
      .then(code)
      .then(
        (value) => {
          this.#progress++;
          onValue(value);
        },
        (error: unknown) => this.workflowError(error),
      );
  }

  workflowError(error: unknown): void {
    this.#progress++;
    this.#hooks.classify(error);
  }

  /** Sets the close decision, sent after every other command; the first outcome closes the run, later ones (a handler failing after return) are moot. */
  close(decision: Decision): void {
    if (this.#close) return;
    this.#close = new CloseOperation(decision);
  }

  /** Sends a close decision again with the next commands (SWF refused it for UNHANDLED_DECISION). */
  resendClose(close: CloseOperation): void {
    close.sent = false;
  }

  /** Replaces the close decision even once sent, for a close SWF refused that must become another. */
  replaceClose(decision: Decision): void {
    this.#close = new CloseOperation(decision);
  }

  /** Fails the decision task once the event being applied is done; the first failure is the one thrown. */
  failTask(error: unknown): void {
    this.#taskFailure ??= { error };
  }
}
