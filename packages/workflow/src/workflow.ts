/**
 * `Workflow<Input, Result>`: the base class of workflow definitions. Subclasses declare a static
 * SWF `type` (and optionally a zod `inputSchema`) and implement `execute`; every SWF capability is a
 * method here. The runtime replays `execute` from history, so workflow code must be deterministic:
 * use `this.now()`, `this.random()` and `this.sleep()` instead of the clock, `Math.random` and timers.
 */
import { activityMethodNames, resolveActivityType, type DurationInput } from '@swirl/core';
import type { ActivitiesClass, ActivityProxy } from './activity-proxy.js';
import { CancellationScope } from './cancellation-scope.js';
import { takeConstructionContext } from './construction-context.js';
import type { ChildWorkflowHandle, ExternalWorkflowHandle } from './handles.js';
import type { WorkflowLogger } from './logger.js';
import type { ActivityOptions, ChildWorkflowOptions, ContinueAsNewOptions, ExternalExecution, LambdaOptions, TimerOptions } from './options.js';
import type { SignalDefinition } from './signals.js';
import type { ExecutableWorkflow, WorkflowClass, WorkflowInput, WorkflowResult } from './workflow-class.js';
import type { WorkflowContext } from './workflow-context.js';
import type { WorkflowInfo } from './workflow-info.js';

export abstract class Workflow<Input = void, Result = void> implements ExecutableWorkflow<Input, Result> {
  readonly #context: WorkflowContext;
  #publishedState: unknown;

  constructor() {
    this.#context = takeConstructionContext(new.target.name);
  }

  /**
   * The workflow's body: its resolved value completes the execution. A thrown `SwirlFailure`
   * (`ApplicationFailure`, or an `ActivityFailure` left uncaught, ...) fails the execution; any other
   * error fails only the decision task, which SWF hands out again.
   */
  abstract execute(input: Input): Promise<Result>;

  /** Facts about this execution: ids, type, task list, parent, start time. */
  get info(): WorkflowInfo {
    return this.#context.info;
  }

  /** True while the runtime replays decisions already recorded in history. */
  get isReplaying(): boolean {
    return this.#context.isReplaying;
  }

  /** True once someone requested this workflow's cancellation. */
  get cancelRequested(): boolean {
    return this.#context.cancelRequested;
  }

  /** The scope a cancel request for the workflow cancels; the default scope of every operation. */
  get rootScope(): CancellationScope {
    return this.#context.rootScope;
  }

  /** A logger that is silent while replaying. */
  get log(): WorkflowLogger {
    return this.#context.log;
  }

  /** The workflow clock: the start time of the decision task being decided. */
  now(): Date {
    return this.#context.now();
  }

  /** A random float in [0, 1), seeded from the run id. */
  random(): number {
    return this.#context.random();
  }

  /** A random UUID v4, seeded from the run id. */
  uuid4(): string {
    return this.#context.uuid4();
  }

  /** A typed proxy of an activities class: `await this.activities(Payments, { startToCloseTimeout: '5m' }).charge(order)`. */
  activities<A>(activitiesClass: ActivitiesClass<A>, options: ActivityOptions = {}): ActivityProxy<A> {
    const context = this.#context;
    const proxy: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const method of activityMethodNames(activitiesClass)) {
      const type = resolveActivityType(activitiesClass, method);
      proxy[method] = (input?: unknown) => context.scheduleActivity(type, input, options);
    }
    return Object.freeze(proxy) as ActivityProxy<A>;
  }

  /** A durable timer. Rejects with `CancelledFailure` when its scope is cancelled. */
  sleep(duration: DurationInput, options: TimerOptions = {}): Promise<void> {
    return this.#context.sleep(duration, options);
  }

  /**
   * Resolves `true` once `predicate()` holds (checked after every event), or `false` when the
   * optional timeout (a durable timer) fires first.
   */
  condition(predicate: () => boolean, timeout?: DurationInput): Promise<boolean> {
    return this.#context.condition(predicate, timeout);
  }

  /** Handles a signal; signals that arrived before the handler was set are delivered to it at once, in order. */
  setHandler<I>(signal: SignalDefinition<I>, handler: ((input: I) => void | Promise<void>) | undefined): void {
    this.#context.setSignalHandler(signal.name, handler as ((input: unknown) => unknown) | undefined);
  }

  /** Starts a child workflow; resolves with its handle once SWF reports it started. */
  startChild<W extends ExecutableWorkflow>(
    workflowClass: WorkflowClass<W>,
    options: ChildWorkflowOptions<WorkflowInput<W>>,
  ): Promise<ChildWorkflowHandle<WorkflowResult<W>>> {
    return this.#context.startChild(workflowClass, options) as Promise<ChildWorkflowHandle<WorkflowResult<W>>>;
  }

  /** Starts a child workflow and waits for its result. */
  async executeChild<W extends ExecutableWorkflow>(
    workflowClass: WorkflowClass<W>,
    options: ChildWorkflowOptions<WorkflowInput<W>>,
  ): Promise<WorkflowResult<W>> {
    const handle = await this.startChild(workflowClass, options);
    return handle.result();
  }

  /** A handle to signal or cancel another execution. */
  getExternalWorkflow(execution: ExternalExecution): ExternalWorkflowHandle {
    return this.#context.externalWorkflow(execution);
  }

  /** Records a marker in history; `details` goes through the payload converter. */
  recordMarker(name: string, details?: unknown): void {
    this.#context.recordMarker(name, details);
  }

  /** Runs `fn` once and records its value in a marker; replays return the recorded value without running it. */
  sideEffect<T>(fn: () => T): T {
    return this.#context.sideEffect(fn);
  }

  /**
   * Versioning: true when this run takes the patched code path. New runs record a marker and get
   * true; a replay of history from before the patch gets false.
   */
  patched(patchId: string): boolean {
    return this.#context.patched(patchId);
  }

  /** Declares that no run from before `patched(patchId)` remains; old code paths can then be deleted. */
  deprecatePatch(patchId: string): void {
    this.#context.deprecatePatch(patchId);
  }

  /** Closes this run and starts a new one with `input`: `return this.continueAsNew(next)`. */
  continueAsNew(input: Input, options: ContinueAsNewOptions = {}): Promise<never> {
    return this.#context.continueAsNew(input, options);
  }

  /** Runs an AWS Lambda function through SWF (the execution needs a lambda role). */
  lambda<O = unknown>(name: string, input?: unknown, options: LambdaOptions = {}): Promise<O> {
    return this.#context.lambda(name, input, options) as Promise<O>;
  }

  /** A new cancellation scope: a child of the root scope, or `detached` so a workflow cancel does not reach it. */
  cancellationScope(options: { readonly parent?: CancellationScope; readonly detached?: boolean } = {}): CancellationScope {
    return new CancellationScope(options.detached ? undefined : (options.parent ?? this.#context.rootScope));
  }

  /** Publishes `state`: its payload goes out as `executionContext` with every decision (DescribeWorkflowExecution shows it). */
  publishState(state: unknown): void {
    this.#publishedState = state;
  }

  /** The published state; override this getter to derive it instead of calling `publishState`. */
  get state(): unknown {
    return this.#publishedState;
  }
}
