/**
 * The state of one workflow run inside the runtime: the workflow instance, its pending operations,
 * the command outbox and the workflow clock. It implements the `WorkflowContext` that the
 * `Workflow` base class calls, and the per-event transitions that the event handlers call.
 */
import type { Decision, HistoryEvent } from '@aws-sdk/client-swf';
import {
  ActivityFailure,
  ApplicationFailure,
  CancelledFailure,
  ChildWorkflowFailure,
  encodeFailure,
  NonDeterminismError,
  resolveWorkflowType,
  SwfCauseFailure,
  SwirlFailure,
  TerminatedFailure,
  TimeoutFailure,
  toSwfDuration,
  type DecisionBatch,
  type DurationInput,
  type EventAttributes,
  type PayloadConverter,
  type ResolvedActivityType,
  type TimeoutType,
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
import { compileRetryPolicy, mayRetry, retryDelayMs, type CompiledRetryPolicy } from '../retry-policy.js';
import type { ExecutableWorkflow, WorkflowClass } from '../workflow-class.js';
import type { WorkflowContext } from '../workflow-context.js';
import type { WorkflowInfo } from '../workflow-info.js';
import { CommandOutbox, MAX_DECISIONS_PER_RESPONSE } from './command-outbox.js';
import { confirmRecordedDecisions } from './determinism.js';
import { Deferred } from './deferred.js';
import { drainMicrotasks } from './microtask-drain.js';
import { decodeRecordedFailure, stabilizeStack } from './stable-stack.js';
import {
  ActivityOperation,
  CancelRequestOperation,
  ChildOperation,
  CloseOperation,
  ExternalOperation,
  LambdaOperation,
  MarkerOperation,
  TimerOperation,
  type Command,
  type Operation,
  type TimerHandlers,
} from './operations.js';

/** Marker names the runtime records for `sideEffect` and `patched`. */
export const SIDE_EFFECT_MARKER = 'swirl.sideEffect';
export const PATCH_MARKER = 'swirl.patch';

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

interface PendingCondition {
  readonly predicate: () => boolean;
  readonly result: Deferred<boolean>;
  timer: TimerOperation | undefined;
  unsubscribe: () => void;
}

const duration = (value: DurationInput | undefined): string | undefined => (value === undefined ? undefined : toSwfDuration(value));
const priority = (value: number | undefined): string | undefined => (value === undefined ? undefined : String(value));

export class WorkflowExecution implements WorkflowContext {
  readonly rootScope = new CancellationScope();
  readonly log: WorkflowLogger;
  readonly #settings: ExecutionSettings;
  readonly #converter: PayloadConverter;
  readonly #outbox = new CommandOutbox();
  readonly #owners = new Map<number, Operation>();
  readonly #ids = { activity: 0, timer: 0, child: 0, lambda: 0, sideEffect: 0, retry: 0, continuation: 0 };
  readonly #signalHandlers = new Map<string, (input: unknown) => unknown>();
  readonly #bufferedSignals = new Map<string, unknown[]>();
  readonly #conditions = new Set<PendingCondition>();
  readonly #recordedMarkers = new Map<string, HistoryEvent>();
  readonly #patches = new Map<string, boolean>();
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
    this.#converter = settings.converter;
    this.#random = new DeterministicRandom(settings.execution.runId);
    this.log = replayAwareLogger(settings.logger, () => this.#replaying);
  }

  // ---- driving: batches, draining, decisions -------------------------------------------------

  /** Observable workflow progress, for the microtask drain. */
  get progress(): number {
    return this.#progress;
  }

  /** Remembers the markers `sideEffect` and `patched` replay from, as events arrive. */
  indexEvent(event: HistoryEvent): void {
    if (event.eventType !== 'MarkerRecorded') return;
    const { markerName, details } = event.markerRecordedEventAttributes ?? {};
    if (markerName !== SIDE_EFFECT_MARKER && markerName !== PATCH_MARKER) return;
    const recorded = this.#converter.fromPayload<{ id?: string; patchId?: string }>(details);
    const id = markerName === SIDE_EFFECT_MARKER ? recorded?.id : recorded?.patchId;
    if (typeof id === 'string') this.#recordedMarkers.set(`${markerName}|${id}`, event);
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
    return state === undefined ? undefined : this.#converter.toPayload(state);
  }

  async #drain(): Promise<void> {
    await drainMicrotasks(
      () => this.#progress,
      () => this.#checkConditions(),
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
      const timer = new TimerOperation(`swirl.continue.${++this.#ids.continuation}`, {
        onFired: () => undefined,
        onCancelled: () => undefined,
        onFailed: (error) => this.#workflowError(error),
      });
      const decision = buildDecision('StartTimer', { timerId: timer.timerId, startToFireTimeout: '0' });
      timer.command = { decision, operation: timer, sent: false, dropped: false };
      out.push(timer.command);
    }
    for (const command of out) command.sent = true;
    return out;
  }

  #push(decision: Decision, operation: Operation): Command {
    this.#progress++;
    return this.#outbox.push({ decision, operation, sent: false, dropped: false });
  }

  #owner<T extends Operation>(eventId: number | undefined, kind: T['kind'], event: HistoryEvent): T {
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
   * rejected error is classified by `#workflowError`.
   */
  #runUserCode(code: () => unknown, onValue: (value: unknown) => void = () => undefined): void {
    this.#progress++;
    Promise.resolve()
      .then(code)
      .then(
        (value) => {
          this.#progress++;
          onValue(value);
        },
        (error: unknown) => this.#workflowError(error),
      );
  }

  #isWorkflowFailure(error: unknown): boolean {
    if (error instanceof NonDeterminismError) return false;
    if (error instanceof SwirlFailure) return true;
    return this.#settings.failWorkflowOn.some((type) => error instanceof type);
  }

  #workflowError(error: unknown): void {
    this.#progress++;
    if (error instanceof ContinueAsNewRequest) return this.#setClose(error.decision);
    if (this.#cancelRequested && isCancellation(error)) {
      const details = error instanceof CancelledFailure ? this.#converter.toPayload(error.details) : undefined;
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

  // ---- activities --------------------------------------------------------------------------

  scheduleActivity(type: ResolvedActivityType, input: unknown, options: ActivityOptions): Promise<unknown> {
    this.#progress++;
    const activityId = options.activityId ?? `a${++this.#ids.activity}`;
    const attributes = {
      activityType: { name: type.name, version: type.version },
      activityId,
      input: this.#converter.toPayload(input),
      control: options.control,
      taskList: options.taskList === undefined ? type.defaultTaskList : { name: options.taskList },
      taskPriority: priority(options.taskPriority) ?? type.defaultTaskPriority,
      scheduleToStartTimeout: duration(options.scheduleToStartTimeout) ?? type.defaultTaskScheduleToStartTimeout,
      startToCloseTimeout: duration(options.startToCloseTimeout) ?? type.defaultTaskStartToCloseTimeout,
      scheduleToCloseTimeout: duration(options.scheduleToCloseTimeout) ?? type.defaultTaskScheduleToCloseTimeout,
      heartbeatTimeout: duration(options.heartbeatTimeout) ?? type.defaultTaskHeartbeatTimeout,
    };
    const retry = options.retry ? compileRetryPolicy(options.retry) : undefined;
    const operation = new ActivityOperation(attributes, retry, options.scope ?? this.rootScope);
    if (operation.scope.isCancelled) {
      operation.result.reject(this.#activityFailure(operation, stabilizeStack(new CancelledFailure(`Activity ${activityId} was not scheduled: its scope is cancelled`))));
      return operation.result.promise;
    }
    this.#sendActivity(operation);
    operation.unsubscribe = operation.scope.onCancel(() => this.#cancelActivity(operation));
    return operation.result.promise;
  }

  #sendActivity(operation: ActivityOperation): void {
    operation.state = 'queued';
    operation.command = this.#push(buildDecision('ScheduleActivityTask', operation.attributes), operation);
  }

  #activityFailure(operation: ActivityOperation, cause: Error): ActivityFailure {
    return stabilizeStack(new ActivityFailure({
      activityType: operation.attributes.activityType,
      activityId: operation.attributes.activityId,
      scheduledEventId: operation.scheduledEventId,
      startedEventId: operation.startedEventId,
      cause,
    }));
  }

  #settleActivity(operation: ActivityOperation, outcome: { value: unknown } | { error: Error }): void {
    operation.state = 'closed';
    operation.unsubscribe();
    if ('error' in outcome) operation.result.reject(this.#activityFailure(operation, outcome.error));
    else operation.result.resolve(outcome.value);
  }

  #cancelActivity(operation: ActivityOperation): void {
    if (operation.state === 'closed' || operation.cancelRequested) return;
    operation.cancelRequested = true;
    const cancelled = stabilizeStack(new CancelledFailure(`Activity ${operation.attributes.activityId} was cancelled`));
    if (operation.state === 'backoff' && operation.retryTimer) {
      this.#cancelTimer(operation.retryTimer);
      return this.#settleActivity(operation, { error: cancelled });
    }
    if (operation.command && !operation.command.sent) {
      operation.command.dropped = true;
      return this.#settleActivity(operation, { error: cancelled });
    }
    // Scheduled in SWF: ask for cancellation and let the activity's closing event settle the promise.
    this.#push(buildDecision('RequestCancelActivityTask', { activityId: operation.attributes.activityId }), new CancelRequestOperation(operation.attributes.activityId));
  }

  /** Starts the backoff timer of a retry when the policy allows one; undefined when the failure is final. */
  #scheduleRetry(retry: CompiledRetryPolicy | undefined, attempt: number, cancelled: boolean, cause: Error, restart: () => void, fail: (error: Error) => void): TimerOperation | undefined {
    const errorType = cause instanceof ApplicationFailure ? cause.type : cause.name;
    const nonRetryable = cause instanceof ApplicationFailure && cause.nonRetryable;
    if (!retry || cancelled || !mayRetry(retry, attempt, errorType, nonRetryable)) return undefined;
    return this.#startTimer(`r${++this.#ids.retry}`, retryDelayMs(retry, attempt), { onFired: restart, onCancelled: () => undefined, onFailed: fail });
  }

  activityScheduled(event: HistoryEvent): boolean {
    const operation = this.#owner<ActivityOperation>(event.eventId, 'activity', event);
    operation.state = 'scheduled';
    operation.scheduledEventId = event.eventId as number;
    return false;
  }

  activityScheduleFailed(event: HistoryEvent, attributes: EventAttributes<'ScheduleActivityTaskFailed'>): boolean {
    const operation = this.#owner<ActivityOperation>(event.eventId, 'activity', event);
    this.#settleActivity(operation, { error: stabilizeStack(new SwfCauseFailure({ eventType: 'ScheduleActivityTaskFailed', cause: String(attributes.cause), eventId: event.eventId })) });
    return true;
  }

  activityStarted(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskStarted'>): boolean {
    const operation = this.#owner<ActivityOperation>(attributes.scheduledEventId, 'activity', event);
    operation.state = 'started';
    operation.startedEventId = event.eventId as number;
    return false;
  }

  activityCompleted(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskCompleted'>): boolean {
    const operation = this.#owner<ActivityOperation>(attributes.scheduledEventId, 'activity', event);
    this.#settleActivity(operation, { value: this.#converter.fromPayload(attributes.result) });
    return true;
  }

  activityFailed(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskFailed'>): boolean {
    const operation = this.#owner<ActivityOperation>(attributes.scheduledEventId, 'activity', event);
    this.#activityAttemptFailed(operation, decodeRecordedFailure(attributes.reason, attributes.details));
    return true;
  }

  activityTimedOut(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskTimedOut'>): boolean {
    const operation = this.#owner<ActivityOperation>(attributes.scheduledEventId, 'activity', event);
    const timeoutType = attributes.timeoutType as TimeoutType;
    const cause = stabilizeStack(new TimeoutFailure(`Activity ${operation.attributes.activityId} timed out (${timeoutType})`, timeoutType, attributes.details));
    this.#activityAttemptFailed(operation, cause);
    return true;
  }

  activityCanceled(event: HistoryEvent, attributes: EventAttributes<'ActivityTaskCanceled'>): boolean {
    const operation = this.#owner<ActivityOperation>(attributes.scheduledEventId, 'activity', event);
    const details = this.#converter.fromPayload(attributes.details);
    this.#settleActivity(operation, { error: stabilizeStack(new CancelledFailure(`Activity ${operation.attributes.activityId} was cancelled`, details)) });
    return true;
  }

  #activityAttemptFailed(operation: ActivityOperation, cause: Error): void {
    const timer = this.#scheduleRetry(
      operation.retry,
      operation.attempt,
      operation.cancelRequested || operation.scope.isCancelled,
      cause,
      () => {
        operation.retryTimer = undefined;
        operation.attempt++;
        this.#sendActivity(operation);
      },
      (error) => this.#settleActivity(operation, { error }),
    );
    if (!timer) return this.#settleActivity(operation, { error: cause });
    operation.state = 'backoff';
    operation.retryTimer = timer;
  }

  // ---- timers and conditions -------------------------------------------------------------------

  #startTimer(timerId: string, after: DurationInput, handlers: TimerHandlers): TimerOperation {
    const timer = new TimerOperation(timerId, handlers);
    timer.command = this.#push(buildDecision('StartTimer', { timerId, startToFireTimeout: toSwfDuration(after) }), timer);
    return timer;
  }

  #cancelTimer(timer: TimerOperation): void {
    if (timer.state !== 'pending') return;
    timer.state = 'cancelled';
    if (timer.command && !timer.command.sent) timer.command.dropped = true;
    else this.#push(buildDecision('CancelTimer', { timerId: timer.timerId }), timer);
    timer.handlers.onCancelled();
  }

  sleep(after: DurationInput, options: TimerOptions): Promise<void> {
    this.#progress++;
    const result = new Deferred<void>();
    const scope = options.scope ?? this.rootScope;
    const timerId = options.timerId ?? `t${++this.#ids.timer}`;
    if (scope.isCancelled) {
      result.reject(stabilizeStack(new CancelledFailure(`Timer ${timerId} was not started: its scope is cancelled`)));
      return result.promise;
    }
    let unsubscribe = (): void => undefined;
    const timer = this.#startTimer(timerId, after, {
      onFired: () => {
        unsubscribe();
        result.resolve();
      },
      onCancelled: () => {
        unsubscribe();
        result.reject(stabilizeStack(new CancelledFailure(`Timer ${timerId} was cancelled`)));
      },
      onFailed: (error) => {
        unsubscribe();
        result.reject(error);
      },
    });
    unsubscribe = scope.onCancel(() => this.#cancelTimer(timer));
    return result.promise;
  }

  condition(predicate: () => boolean, timeout: DurationInput | undefined): Promise<boolean> {
    this.#progress++;
    const result = new Deferred<boolean>();
    if (this.rootScope.isCancelled) {
      result.reject(stabilizeStack(new CancelledFailure('Workflow cancellation was requested: condition not awaited')));
      return result.promise;
    }
    if (predicate()) {
      result.resolve(true);
      return result.promise;
    }
    const pending: PendingCondition = { predicate, result, timer: undefined, unsubscribe: () => undefined };
    this.#conditions.add(pending);
    if (timeout !== undefined) {
      pending.timer = this.#startTimer(`t${++this.#ids.timer}`, timeout, {
        onFired: () => {
          this.#conditions.delete(pending);
          pending.unsubscribe();
          result.resolve(false);
        },
        onCancelled: () => undefined,
        onFailed: (error) => {
          this.#conditions.delete(pending);
          pending.unsubscribe();
          result.reject(error);
        },
      });
    }
    pending.unsubscribe = this.rootScope.onCancel(() => {
      this.#conditions.delete(pending);
      if (pending.timer) this.#cancelTimer(pending.timer);
      result.reject(stabilizeStack(new CancelledFailure('Workflow cancellation was requested while waiting on a condition')));
    });
    return result.promise;
  }

  /** Resolves every condition whose predicate now holds; true when any did. */
  #checkConditions(): boolean {
    let woke = false;
    for (const pending of this.#conditions) {
      let satisfied: boolean;
      try {
        satisfied = pending.predicate();
      } catch (error) {
        // A predicate runs on the runtime's stack; its frames would differ between sticky and full replays.
        this.#conditions.delete(pending);
        this.#workflowError(error instanceof Error ? stabilizeStack(error) : error);
        woke = true;
        continue;
      }
      if (!satisfied) continue;
      this.#conditions.delete(pending);
      pending.unsubscribe();
      if (pending.timer) this.#cancelTimer(pending.timer);
      pending.result.resolve(true);
      woke = true;
    }
    if (woke) this.#progress++;
    return woke;
  }

  timerStarted(event: HistoryEvent): boolean {
    this.#owner<TimerOperation>(event.eventId, 'timer', event);
    return false;
  }

  timerStartFailed(event: HistoryEvent, attributes: EventAttributes<'StartTimerFailed'>): boolean {
    const timer = this.#owner<TimerOperation>(event.eventId, 'timer', event);
    if (timer.state !== 'pending') return false;
    timer.state = 'cancelled';
    // A timer SWF refused never fires: its awaiting code sees the SWF cause as a rejection.
    timer.handlers.onFailed(stabilizeStack(new SwfCauseFailure({ eventType: 'StartTimerFailed', cause: String(attributes.cause), eventId: event.eventId })));
    return true;
  }

  timerFired(event: HistoryEvent, attributes: EventAttributes<'TimerFired'>): boolean {
    const timer = this.#owner<TimerOperation>(attributes.startedEventId, 'timer', event);
    if (timer.state !== 'pending') return false; // cancelled in the same batch it fired: the cancel won
    timer.state = 'fired';
    timer.handlers.onFired();
    return true;
  }

  // ---- signals -------------------------------------------------------------------------------

  setSignalHandler(name: string, handler: ((input: unknown) => unknown) | undefined): void {
    this.#progress++;
    if (!handler) {
      this.#signalHandlers.delete(name);
      return;
    }
    this.#signalHandlers.set(name, handler);
    const buffered = this.#bufferedSignals.get(name);
    if (!buffered) return;
    this.#bufferedSignals.delete(name);
    for (const input of buffered) this.#runUserCode(() => handler(input));
  }

  signaled(_event: HistoryEvent, attributes: EventAttributes<'WorkflowExecutionSignaled'>): boolean {
    const name = attributes.signalName ?? '';
    const input = this.#converter.fromPayload(attributes.input);
    const handler = this.#signalHandlers.get(name);
    if (handler) {
      this.#runUserCode(() => handler(input));
      return true;
    }
    const buffered = this.#bufferedSignals.get(name);
    if (buffered) buffered.push(input);
    else this.#bufferedSignals.set(name, [input]);
    return false;
  }

  // ---- child workflows -----------------------------------------------------------------------

  startChild(workflowClass: WorkflowClass, options: ChildWorkflowOptions<unknown>): Promise<ChildWorkflowHandle<unknown>> {
    this.#progress++;
    const type = resolveWorkflowType(workflowClass);
    const workflowId = options.workflowId ?? `${this.info.workflowId}.c${++this.#ids.child}`;
    const attributes = {
      workflowType: { name: type.name, version: type.version },
      workflowId,
      input: this.#converter.toPayload(options.input),
      control: options.control,
      taskList: options.taskList === undefined ? undefined : { name: options.taskList },
      taskPriority: priority(options.taskPriority),
      executionStartToCloseTimeout: duration(options.executionStartToCloseTimeout),
      taskStartToCloseTimeout: duration(options.taskStartToCloseTimeout),
      childPolicy: options.childPolicy,
      tagList: options.tagList ? [...options.tagList] : undefined,
      lambdaRole: options.lambdaRole,
    };
    const retry = options.retry ? compileRetryPolicy(options.retry) : undefined;
    const operation = new ChildOperation(attributes, retry, options.scope ?? this.rootScope);
    if (operation.scope.isCancelled) {
      this.#settleChild(operation, stabilizeStack(new CancelledFailure(`Child workflow ${workflowId} was not started: its scope is cancelled`)));
      return operation.started.promise;
    }
    this.#sendChild(operation);
    operation.unsubscribe = operation.scope.onCancel(() => this.#cancelChild(operation));
    return operation.started.promise;
  }

  #sendChild(operation: ChildOperation): void {
    operation.state = 'queued';
    operation.command = this.#push(buildDecision('StartChildWorkflowExecution', operation.attributes), operation);
  }

  #childFailure(operation: ChildOperation, cause: Error): ChildWorkflowFailure {
    return stabilizeStack(new ChildWorkflowFailure({
      workflowType: operation.attributes.workflowType,
      execution: { workflowId: operation.attributes.workflowId, runId: operation.runId },
      initiatedEventId: operation.initiatedEventId,
      cause,
    }));
  }

  /** Closes a child operation: resolves its result, or rejects both its start and result with `cause`. */
  #settleChild(operation: ChildOperation, cause: Error | undefined, value?: unknown): void {
    operation.state = 'closed';
    operation.unsubscribe();
    if (cause === undefined) return operation.result.resolve(value);
    const failure = this.#childFailure(operation, cause);
    operation.started.reject(failure);
    operation.result.reject(failure);
  }

  #cancelChild(operation: ChildOperation): void {
    this.#progress++;
    if (operation.state === 'closed' || operation.cancelRequested) return;
    operation.cancelRequested = true;
    const cancelled = stabilizeStack(new CancelledFailure(`Child workflow ${operation.attributes.workflowId} was cancelled`));
    if (operation.state === 'backoff' && operation.retryTimer) {
      this.#cancelTimer(operation.retryTimer);
      return this.#settleChild(operation, cancelled);
    }
    if (operation.command && !operation.command.sent) {
      operation.command.dropped = true;
      return this.#settleChild(operation, cancelled);
    }
    // Started: request it now. Initiated but not started: ChildWorkflowExecutionStarted sends it.
    if (operation.state === 'started') this.#requestChildCancel(operation);
  }

  #requestChildCancel(operation: ChildOperation): void {
    const { workflowId } = operation.attributes;
    this.#push(
      buildDecision('RequestCancelExternalWorkflowExecution', { workflowId, runId: operation.runId }),
      new ExternalOperation('cancel', workflowId),
    );
  }

  #childHandle(operation: ChildOperation): ChildWorkflowHandle<unknown> {
    const workflowId = operation.attributes.workflowId;
    return {
      workflowId,
      get runId() {
        return operation.runId ?? '';
      },
      result: () => operation.result.promise,
      signal: (signal, input) => this.#signalExternal({ workflowId, ...(operation.runId && { runId: operation.runId }) }, signal.name, input),
      cancel: () => this.#cancelChild(operation),
    };
  }

  #childOf(event: HistoryEvent, initiatedEventId: number | undefined): ChildOperation {
    return this.#owner<ChildOperation>(initiatedEventId, 'child', event);
  }

  childInitiated(event: HistoryEvent): boolean {
    const operation = this.#owner<ChildOperation>(event.eventId, 'child', event);
    operation.state = 'initiated';
    operation.initiatedEventId = event.eventId as number;
    return false;
  }

  childStartFailed(event: HistoryEvent, attributes: EventAttributes<'StartChildWorkflowExecutionFailed'>): boolean {
    // Recorded as the decision itself (no Initiated event), or later as the outcome of an Initiated one.
    const owner = this.#owners.get(event.eventId as number) ? event.eventId : attributes.initiatedEventId;
    const operation = this.#owner<ChildOperation>(owner, 'child', event);
    this.#settleChild(operation, stabilizeStack(new SwfCauseFailure({ eventType: 'StartChildWorkflowExecutionFailed', cause: String(attributes.cause), eventId: event.eventId })));
    return true;
  }

  childStarted(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionStarted'>): boolean {
    const operation = this.#childOf(event, attributes.initiatedEventId);
    operation.state = 'started';
    operation.runId = attributes.workflowExecution?.runId;
    operation.handle ??= this.#childHandle(operation);
    operation.started.resolve(operation.handle);
    if (operation.cancelRequested) this.#requestChildCancel(operation);
    return true;
  }

  childCompleted(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionCompleted'>): boolean {
    const operation = this.#childOf(event, attributes.initiatedEventId);
    this.#settleChild(operation, undefined, this.#converter.fromPayload(attributes.result));
    return true;
  }

  childFailed(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionFailed'>): boolean {
    this.#childAttemptFailed(this.#childOf(event, attributes.initiatedEventId), decodeRecordedFailure(attributes.reason, attributes.details));
    return true;
  }

  childTimedOut(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionTimedOut'>): boolean {
    const operation = this.#childOf(event, attributes.initiatedEventId);
    const timeoutType = attributes.timeoutType as TimeoutType;
    this.#childAttemptFailed(operation, stabilizeStack(new TimeoutFailure(`Child workflow ${operation.attributes.workflowId} timed out (${timeoutType})`, timeoutType)));
    return true;
  }

  childCanceled(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionCanceled'>): boolean {
    const operation = this.#childOf(event, attributes.initiatedEventId);
    const details = this.#converter.fromPayload(attributes.details);
    this.#settleChild(operation, stabilizeStack(new CancelledFailure(`Child workflow ${operation.attributes.workflowId} was cancelled`, details)));
    return true;
  }

  childTerminated(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionTerminated'>): boolean {
    const operation = this.#childOf(event, attributes.initiatedEventId);
    this.#settleChild(operation, stabilizeStack(new TerminatedFailure(`Child workflow ${operation.attributes.workflowId} was terminated`)));
    return true;
  }

  #childAttemptFailed(operation: ChildOperation, cause: Error): void {
    const timer = this.#scheduleRetry(
      operation.retry,
      operation.attempt,
      operation.cancelRequested || operation.scope.isCancelled,
      cause,
      () => {
        operation.retryTimer = undefined;
        operation.attempt++;
        this.#sendChild(operation);
      },
      (error) => this.#settleChild(operation, error),
    );
    if (!timer) return this.#settleChild(operation, cause);
    operation.state = 'backoff';
    operation.retryTimer = timer;
  }

  // ---- external executions -----------------------------------------------------------------

  externalWorkflow(execution: ExternalExecution): ExternalWorkflowHandle {
    this.#progress++;
    return {
      workflowId: execution.workflowId,
      ...(execution.runId !== undefined && { runId: execution.runId }),
      signal: (signal, input) => this.#signalExternal(execution, signal.name, input),
      cancel: () => {
        this.#progress++;
        const operation = new ExternalOperation('cancel', execution.workflowId);
        this.#push(buildDecision('RequestCancelExternalWorkflowExecution', { workflowId: execution.workflowId, runId: execution.runId }), operation);
        return operation.done.promise;
      },
    };
  }

  #signalExternal(execution: ExternalExecution, signalName: string, input: unknown): Promise<void> {
    this.#progress++;
    const operation = new ExternalOperation('signal', execution.workflowId);
    const attributes = { workflowId: execution.workflowId, runId: execution.runId, signalName, input: this.#converter.toPayload(input) };
    this.#push(buildDecision('SignalExternalWorkflowExecution', attributes), operation);
    return operation.done.promise;
  }

  externalInitiated(event: HistoryEvent): boolean {
    this.#owner<ExternalOperation>(event.eventId, 'external', event);
    return false;
  }

  externalDone(event: HistoryEvent, initiatedEventId: number | undefined): boolean {
    this.#owner<ExternalOperation>(initiatedEventId, 'external', event).done.resolve();
    return true;
  }

  externalFailed(event: HistoryEvent, attributes: { cause?: string | undefined; initiatedEventId?: number | undefined }): boolean {
    const owner = this.#owners.get(event.eventId as number) ? event.eventId : attributes.initiatedEventId;
    const operation = this.#owner<ExternalOperation>(owner, 'external', event);
    const eventType = event.eventType as 'SignalExternalWorkflowExecutionFailed' | 'RequestCancelExternalWorkflowExecutionFailed';
    operation.done.reject(stabilizeStack(new SwfCauseFailure({ eventType, cause: String(attributes.cause), eventId: event.eventId })));
    return true;
  }

  // ---- lambda functions ----------------------------------------------------------------------

  lambda(name: string, input: unknown, options: LambdaOptions): Promise<unknown> {
    this.#progress++;
    const id = options.id ?? `l${++this.#ids.lambda}`;
    const operation = new LambdaOperation({
      id,
      name,
      input: this.#converter.toPayload(input),
      control: options.control,
      startToCloseTimeout: duration(options.startToCloseTimeout),
    });
    this.#push(buildDecision('ScheduleLambdaFunction', operation.attributes), operation);
    return operation.result.promise;
  }

  lambdaScheduled(event: HistoryEvent): boolean {
    this.#owner<LambdaOperation>(event.eventId, 'lambda', event).scheduledEventId = event.eventId as number;
    return false;
  }

  lambdaScheduleFailed(event: HistoryEvent, attributes: EventAttributes<'ScheduleLambdaFunctionFailed'>): boolean {
    const operation = this.#owner<LambdaOperation>(event.eventId, 'lambda', event);
    operation.result.reject(stabilizeStack(new SwfCauseFailure({ eventType: 'ScheduleLambdaFunctionFailed', cause: String(attributes.cause), eventId: event.eventId })));
    return true;
  }

  lambdaStarted(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionStarted'>): boolean {
    this.#owner<LambdaOperation>(attributes.scheduledEventId, 'lambda', event);
    return false;
  }

  lambdaStartFailed(event: HistoryEvent, attributes: EventAttributes<'StartLambdaFunctionFailed'>): boolean {
    const operation = this.#owner<LambdaOperation>(attributes.scheduledEventId, 'lambda', event);
    const failure = stabilizeStack(new SwfCauseFailure({
      eventType: 'StartLambdaFunctionFailed',
      cause: String(attributes.cause),
      eventId: event.eventId,
      ...(attributes.message !== undefined && { message: `Lambda ${operation.attributes.name} could not start (${String(attributes.cause)}): ${attributes.message}` }),
    }));
    operation.result.reject(failure);
    return true;
  }

  lambdaCompleted(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionCompleted'>): boolean {
    this.#owner<LambdaOperation>(attributes.scheduledEventId, 'lambda', event).result.resolve(this.#converter.fromPayload(attributes.result));
    return true;
  }

  lambdaFailed(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionFailed'>): boolean {
    this.#owner<LambdaOperation>(attributes.scheduledEventId, 'lambda', event).result.reject(decodeRecordedFailure(attributes.reason, attributes.details));
    return true;
  }

  lambdaTimedOut(event: HistoryEvent, attributes: EventAttributes<'LambdaFunctionTimedOut'>): boolean {
    const operation = this.#owner<LambdaOperation>(attributes.scheduledEventId, 'lambda', event);
    const timeoutType = attributes.timeoutType as TimeoutType;
    operation.result.reject(stabilizeStack(new TimeoutFailure(`Lambda ${operation.attributes.name} timed out (${timeoutType})`, timeoutType)));
    return true;
  }

  // ---- markers, side effects, versioning ---------------------------------------------------

  recordMarker(markerName: string, details: unknown): void {
    this.#push(buildDecision('RecordMarker', { markerName, details: this.#converter.toPayload(details) }), new MarkerOperation(markerName));
  }

  sideEffect<T>(fn: () => T): T {
    this.#progress++;
    const id = `se${++this.#ids.sideEffect}`;
    const recorded = this.#recordedMarkers.get(`${SIDE_EFFECT_MARKER}|${id}`);
    const details = recorded?.markerRecordedEventAttributes?.details;
    const value = recorded ? this.#converter.fromPayload<{ value: T }>(details).value : fn();
    const payload = recorded ? details : this.#converter.toPayload({ id, value });
    this.#push(buildDecision('RecordMarker', { markerName: SIDE_EFFECT_MARKER, details: payload }), new MarkerOperation(SIDE_EFFECT_MARKER));
    return value;
  }

  patched(patchId: string): boolean {
    this.#progress++;
    const known = this.#patches.get(patchId);
    if (known !== undefined) return known;
    // New code paths run in new runs; a replay takes them only if history recorded the patch marker.
    const value = this.#recordedMarkers.has(`${PATCH_MARKER}|${patchId}`) || !this.#replaying;
    this.#patches.set(patchId, value);
    if (value) this.#pushPatchMarker(patchId);
    return value;
  }

  deprecatePatch(patchId: string): void {
    this.#progress++;
    if (this.#patches.has(patchId)) return;
    this.#patches.set(patchId, true);
    // Runs from before the deprecation recorded the marker here; replay it so they still match.
    if (this.#replaying && this.#recordedMarkers.has(`${PATCH_MARKER}|${patchId}`)) this.#pushPatchMarker(patchId);
  }

  #pushPatchMarker(patchId: string): void {
    this.#push(buildDecision('RecordMarker', { markerName: PATCH_MARKER, details: this.#converter.toPayload({ patchId }) }), new MarkerOperation(PATCH_MARKER));
  }

  markerRecorded(event: HistoryEvent): boolean {
    this.#owner<MarkerOperation>(event.eventId, 'marker', event);
    return false;
  }

  markerFailed(event: HistoryEvent, attributes: EventAttributes<'RecordMarkerFailed'>): boolean {
    this.#owner<MarkerOperation>(event.eventId, 'marker', event);
    this.log.warn({ markerName: attributes.markerName, cause: attributes.cause, eventId: event.eventId }, 'SWF refused to record a marker');
    return false;
  }

  // ---- the run itself --------------------------------------------------------------------------

  continueAsNew(input: unknown, options: ContinueAsNewOptions): Promise<never> {
    this.#progress++;
    const info = this.info;
    // SWF fills omitted fields from the type defaults, not from this run; carry this run's settings.
    const executionTimeout = duration(options.executionStartToCloseTimeout) ?? info.executionStartToCloseTimeout;
    const decision = buildDecision('ContinueAsNewWorkflowExecution', {
      input: this.#converter.toPayload(input),
      workflowTypeVersion: options.workflowTypeVersion,
      taskList: { name: options.taskList ?? info.taskList },
      taskPriority: priority(options.taskPriority) ?? info.taskPriority,
      executionStartToCloseTimeout: executionTimeout === 'NONE' ? undefined : executionTimeout,
      taskStartToCloseTimeout: duration(options.taskStartToCloseTimeout) ?? info.taskStartToCloseTimeout,
      childPolicy: options.childPolicy ?? info.childPolicy,
      tagList: options.tagList ? [...options.tagList] : info.tagList.length > 0 ? [...info.tagList] : undefined,
      lambdaRole: options.lambdaRole ?? info.lambdaRole,
    });
    return Promise.reject(new ContinueAsNewRequest(decision));
  }

  executionStarted(event: HistoryEvent, attributes: EventAttributes<'WorkflowExecutionStarted'>): boolean {
    const { workflowId, runId } = this.#settings.execution;
    this.#info = {
      workflowId,
      runId,
      workflowType: { name: attributes.workflowType?.name ?? '', version: attributes.workflowType?.version ?? '' },
      taskList: attributes.taskList?.name ?? '',
      tagList: attributes.tagList ?? [],
      startedAt: event.eventTimestamp as Date,
      ...(attributes.taskPriority !== undefined && { taskPriority: attributes.taskPriority }),
      ...(attributes.executionStartToCloseTimeout !== undefined && { executionStartToCloseTimeout: attributes.executionStartToCloseTimeout }),
      ...(attributes.taskStartToCloseTimeout !== undefined && { taskStartToCloseTimeout: attributes.taskStartToCloseTimeout }),
      ...(attributes.childPolicy !== undefined && { childPolicy: attributes.childPolicy }),
      ...(attributes.lambdaRole !== undefined && { lambdaRole: attributes.lambdaRole }),
      ...(attributes.parentWorkflowExecution?.workflowId !== undefined && {
        parent: { workflowId: attributes.parentWorkflowExecution.workflowId, runId: attributes.parentWorkflowExecution.runId ?? '' },
      }),
      ...(attributes.continuedExecutionRunId !== undefined && { continuedExecutionRunId: attributes.continuedExecutionRunId }),
    };
    const workflowClass = this.#settings.workflowClass;
    const instance = constructWithContext(this, () => new workflowClass());
    this.#instance = instance;
    this.#runUserCode(
      () => instance.execute(this.#parseInput(attributes.input)),
      (value) => {
        try {
          this.#setClose(buildDecision('CompleteWorkflowExecution', { result: this.#converter.toPayload(value) }));
        } catch (error) {
          this.#workflowError(error);
        }
      },
    );
    return true;
  }

  #parseInput(payload: string | undefined): unknown {
    const value = this.#converter.fromPayload(payload);
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
    const close = this.#owner<CloseOperation>(event.eventId, 'close', event);
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
