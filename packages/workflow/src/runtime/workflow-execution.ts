/**
 * The state of one workflow run inside the runtime. It drives batches (events in, commands out,
 * microtask drains), owns the run's lifecycle (start, cancel request, close decision), and is the
 * `WorkflowContext` the `Workflow` base class calls; each kind of operation lives in its own module.
 */
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import {
  ApplicationFailure,
  CancelledFailure,
  encodeFailure,
  NonDeterminismError,
  SwfCauseFailure,
  SwirlFailure,
  toOptionalSwfDuration,
  type DecisionBatch,
  type DurationInput,
  type EventAttributes,
  type PayloadConverter,
  type ResolvedActivityType,
} from '@swirl/core';
import { CancellationScope } from '../cancellation-scope.js';
import { isCancellation } from '../cancellation.js';
import { constructWithContext } from '../construction-context.js';
import { ContinueAsNewRequest } from '../continue-as-new.js';
import { buildDecision } from '../decisions.js';
import { DeterministicRandom } from '../deterministic-random.js';
import type { ChildWorkflowHandle, ExternalWorkflowHandle } from '../handles.js';
import { replayAwareLogger, type WorkflowLogger } from '../logger.js';
import type { ActivityOptions, ChildWorkflowOptions, ContinueAsNewOptions, ExternalExecution, LambdaOptions, TimerOptions } from '../options.js';
import type { ExecutableWorkflow, WorkflowClass } from '../workflow-class.js';
import type { WorkflowContext } from '../workflow-context.js';
import { workflowInfoOf, type WorkflowInfo } from '../workflow-info.js';
import { ActivityScheduler } from './activities.js';
import { ChildWorkflows } from './child-workflows.js';
import { CommandOutbox, MAX_DECISIONS_PER_RESPONSE } from './command-outbox.js';
import { Conditions } from './conditions.js';
import { confirmRecordedDecisions } from './determinism.js';
import { wirePriority, type ExecutionKernel, type SequenceKind } from './execution-kernel.js';
import { ExternalExecutions } from './external-executions.js';
import { LambdaFunctions } from './lambda-functions.js';
import { Markers } from './markers.js';
import { drainMicrotasks } from './microtask-drain.js';
import { CloseOperation, TimerOperation, type Command, type Operation } from './operations.js';
import { SignalInbox } from './signal-inbox.js';
import { stabilizeStack } from './stable-stack.js';
import { Timers } from './timers.js';

export class WorkflowRuntimeError extends Error {
  override readonly name = 'WorkflowRuntimeError';
}

export interface ExecutionSettings {
  readonly workflowClass: WorkflowClass;
  readonly execution: { readonly workflowId: string; readonly runId: string };
  readonly converter: PayloadConverter;
  readonly logger: WorkflowLogger;
  readonly failWorkflowOn: ReadonlyArray<new (...args: any[]) => Error>;
}

export class WorkflowExecution implements WorkflowContext, ExecutionKernel {
  readonly rootScope = new CancellationScope();
  readonly log: WorkflowLogger;
  readonly converter: PayloadConverter;
  readonly timers: Timers;
  readonly conditions: Conditions;
  readonly activities: ActivityScheduler;
  readonly externals: ExternalExecutions;
  readonly children: ChildWorkflows;
  readonly lambdas: LambdaFunctions;
  readonly markers: Markers;
  readonly signals: SignalInbox;
  readonly #settings: ExecutionSettings;
  readonly #outbox = new CommandOutbox();
  readonly #owners = new Map<number, Operation>();
  readonly #ids: Record<SequenceKind, number> = { activity: 0, timer: 0, child: 0, lambda: 0, sideEffect: 0, retry: 0, continuation: 0 };
  readonly #random: DeterministicRandom;
  #progress = 0;
  #now = new Date(0);
  #replaying = true;
  #info: WorkflowInfo | undefined;
  #instance: ExecutableWorkflow | undefined;
  #close: CloseOperation | undefined;
  #cancelRequested = false;
  #taskFailure: { error: unknown } | undefined;

  constructor(settings: ExecutionSettings) {
    this.#settings = settings;
    this.converter = settings.converter;
    this.#random = new DeterministicRandom(settings.execution.runId);
    this.log = replayAwareLogger(settings.logger, () => this.#replaying);
    this.timers = new Timers(this);
    this.conditions = new Conditions(this, this.timers);
    this.activities = new ActivityScheduler(this, this.timers);
    this.externals = new ExternalExecutions(this);
    this.children = new ChildWorkflows(this, this.timers, this.externals);
    this.lambdas = new LambdaFunctions(this);
    this.markers = new Markers(this);
    this.signals = new SignalInbox(this);
  }

  // ---- driving: batches, draining, decisions -------------------------------------------------

  /** Observable workflow progress, for the microtask drain. */
  get progress(): number {
    return this.#progress;
  }

  /** Indexes an arriving event before any batch runs (markers that replays read back). */
  indexEvent(event: HistoryEvent): void {
    this.markers.index(event);
  }

  /** Delivers a batch's events in order, draining after each that resolved something; returns the commands to send. */
  async runBatch(batch: DecisionBatch, replaying: boolean, handle: (event: HistoryEvent) => boolean): Promise<Command[]> {
    this.#now = batch.startedAt;
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

  /** The published state as `executionContext`, or undefined when the workflow publishes none. */
  executionContext(): string | undefined {
    const state = (this.#instance as { state?: unknown } | undefined)?.state;
    return state === undefined ? undefined : this.converter.toPayload(state);
  }

  async #drain(): Promise<void> {
    await drainMicrotasks(
      () => this.#progress,
      () => this.conditions.check(),
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

  // ---- outcomes of workflow code ---------------------------------------------------------------

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

  #isWorkflowFailure(error: unknown): boolean {
    if (error instanceof NonDeterminismError) return false;
    if (error instanceof SwirlFailure) return true;
    return this.#settings.failWorkflowOn.some((type) => error instanceof type);
  }

  workflowError(error: unknown): void {
    this.#progress++;
    if (error instanceof ContinueAsNewRequest) return this.#setClose(error.decision);
    if (this.#cancelRequested && isCancellation(error)) {
      const details = error instanceof CancelledFailure ? this.converter.toPayload(error.details) : undefined;
      return this.#setClose(buildDecision('CancelWorkflowExecution', { details }));
    }
    if (this.#isWorkflowFailure(error)) {
      const { reason, details } = encodeFailure(error);
      return this.#setClose(buildDecision('FailWorkflowExecution', { reason, details }));
    }
    this.#taskFailure ??= { error };
  }

  #setClose(decision: Decision): void {
    if (this.#close) return; // the first outcome closes the run; later ones (a handler failing after return) are moot
    this.#close = new CloseOperation(decision);
  }

  // ---- ExecutionKernel ------------------------------------------------------------------------

  get replaying(): boolean {
    return this.#replaying;
  }

  nextId(kind: SequenceKind): number {
    return ++this.#ids[kind];
  }

  touch(): void {
    this.#progress++;
  }

  // ---- WorkflowContext: facts and determinism helpers ----------------------------------------

  get info(): WorkflowInfo {
    if (!this.#info) throw new WorkflowRuntimeError('Workflow info is available once WorkflowExecutionStarted has been applied');
    return this.#info;
  }

  get isReplaying(): boolean {
    this.#progress++;
    return this.#replaying;
  }

  get cancelRequested(): boolean {
    this.#progress++;
    return this.#cancelRequested;
  }

  now(): Date {
    this.#progress++;
    return new Date(this.#now.getTime());
  }

  random(): number {
    this.#progress++;
    return this.#random.next();
  }

  uuid4(): string {
    this.#progress++;
    return this.#random.uuid4();
  }

  // ---- WorkflowContext: operations, each in its own module ------------------------------------

  scheduleActivity(type: ResolvedActivityType, input: unknown, options: ActivityOptions): Promise<unknown> {
    return this.activities.schedule(type, input, options);
  }

  sleep(after: DurationInput, options: TimerOptions): Promise<void> {
    return this.timers.sleep(after, options);
  }

  condition(predicate: () => boolean, timeout: DurationInput | undefined): Promise<boolean> {
    return this.conditions.wait(predicate, timeout);
  }

  setSignalHandler(name: string, handler: ((input: unknown) => unknown) | undefined): void {
    this.signals.setHandler(name, handler);
  }

  startChild(workflowClass: WorkflowClass, options: ChildWorkflowOptions<unknown>): Promise<ChildWorkflowHandle<unknown>> {
    return this.children.start(workflowClass, options);
  }

  externalWorkflow(execution: ExternalExecution): ExternalWorkflowHandle {
    return this.externals.handle(execution);
  }

  lambda(name: string, input: unknown, options: LambdaOptions): Promise<unknown> {
    return this.lambdas.schedule(name, input, options);
  }

  recordMarker(name: string, details: unknown): void {
    this.markers.record(name, details);
  }

  sideEffect<T>(fn: () => T): T {
    return this.markers.sideEffect(fn);
  }

  patched(patchId: string): boolean {
    return this.markers.patched(patchId);
  }

  deprecatePatch(patchId: string): void {
    this.markers.deprecatePatch(patchId);
  }

  // ---- the run itself --------------------------------------------------------------------------

  continueAsNew(input: unknown, options: ContinueAsNewOptions): Promise<never> {
    this.#progress++;
    const info = this.info;
    // SWF fills omitted fields from the type defaults, not from this run; carry this run's settings.
    const executionTimeout = toOptionalSwfDuration(options.executionStartToCloseTimeout) ?? info.executionStartToCloseTimeout;
    const decision = buildDecision('ContinueAsNewWorkflowExecution', {
      input: this.converter.toPayload(input),
      workflowTypeVersion: options.workflowTypeVersion,
      taskList: { name: options.taskList ?? info.taskList },
      taskPriority: wirePriority(options.taskPriority) ?? info.taskPriority,
      executionStartToCloseTimeout: executionTimeout === 'NONE' ? undefined : executionTimeout,
      taskStartToCloseTimeout: toOptionalSwfDuration(options.taskStartToCloseTimeout) ?? info.taskStartToCloseTimeout,
      childPolicy: options.childPolicy ?? info.childPolicy,
      tagList: options.tagList ? [...options.tagList] : info.tagList.length > 0 ? [...info.tagList] : undefined,
      lambdaRole: options.lambdaRole ?? info.lambdaRole,
    });
    const request = Promise.reject(new ContinueAsNewRequest(decision));
    // Not propagating the request is a workflow bug, but must not become an unhandled rejection in the worker.
    request.catch(() => undefined);
    return request;
  }

  executionStarted(event: HistoryEvent, attributes: EventAttributes<'WorkflowExecutionStarted'>): boolean {
    this.#info = workflowInfoOf(this.#settings.execution, event, attributes);
    const workflowClass = this.#settings.workflowClass;
    const instance = constructWithContext(this, () => new workflowClass());
    this.#instance = instance;
    this.runUserCode(
      () => instance.execute(this.#parseInput(attributes.input)),
      (value) => {
        try {
          this.#setClose(buildDecision('CompleteWorkflowExecution', { result: this.converter.toPayload(value) }));
        } catch (error) {
          this.workflowError(error);
        }
      },
    );
    return true;
  }

  #parseInput(payload: string | undefined): unknown {
    const value = this.converter.fromPayload(payload);
    const schema = this.#settings.workflowClass.inputSchema;
    if (!schema) return value;
    try {
      return schema.parse(value);
    } catch (error) {
      // Bad input never becomes good on retry: fail the execution, not the task.
      throw stabilizeStack(
        new ApplicationFailure({
          message: `Invalid input for workflow ${this.#settings.workflowClass.name}: ${error instanceof Error ? error.message : String(error)}`,
          type: 'InvalidWorkflowInput',
          nonRetryable: true,
          cause: error instanceof Error ? stabilizeStack(error) : error,
        }),
      );
    }
  }

  cancelRequestedEvent(): boolean {
    this.#cancelRequested = true;
    this.#progress++;
    this.rootScope.cancel();
    return true;
  }

  closeFailed(event: HistoryEvent, cause: string | undefined): boolean {
    const close = this.owner<CloseOperation>(event.eventId, 'close', event);
    if (cause === 'UNHANDLED_DECISION') {
      // New events arrived while deciding: they are delivered in this batch, then the close goes out again.
      close.sent = false;
      return true;
    }
    const failure = stabilizeStack(new SwfCauseFailure({ eventType: event.eventType as 'CompleteWorkflowExecutionFailed', cause: String(cause), eventId: event.eventId }));
    if (event.eventType === 'ContinueAsNewWorkflowExecutionFailed') {
      // The new run cannot start (type deprecated, defaults undefined): fail this one with the reason.
      const { reason, details } = encodeFailure(failure);
      this.#close = new CloseOperation(buildDecision('FailWorkflowExecution', { reason, details }));
      return true;
    }
    this.#taskFailure ??= { error: failure };
    return true;
  }

  /** Events that need no action from the runtime (closed run, confirmations of fire-and-forget decisions). */
  nothing(): boolean {
    return false;
  }
}
