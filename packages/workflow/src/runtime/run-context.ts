/**
 * `RunContext`: the `WorkflowContext` the `Workflow` base class calls. It keeps no run state but the
 * seeded random source: facts come from the kernel and the lifecycle, each operation goes to its
 * module, and every call that workflow code can observe counts as progress for the microtask drain.
 */
import type { DurationInput, ResolvedActivityType } from '@swirl/core';
import type { CancellationScope } from '../cancellation-scope.js';
import { DeterministicRandom } from '../deterministic-random.js';
import type { ChildWorkflowHandle, ExternalWorkflowHandle } from '../handles.js';
import type { WorkflowLogger } from '../logger.js';
import type { ActivityOptions, ChildWorkflowOptions, ContinueAsNewOptions, ExternalExecution, LambdaOptions, TimerOptions } from '../options.js';
import type { WorkflowClass } from '../workflow-class.js';
import type { WorkflowContext } from '../workflow-context.js';
import type { WorkflowInfo } from '../workflow-info.js';
import type { ActivityScheduler } from './activities.js';
import type { ChildWorkflows } from './child-workflows.js';
import type { Conditions } from './conditions.js';
import type { ExternalExecutions } from './external-executions.js';
import type { LambdaFunctions } from './lambda-functions.js';
import type { Markers } from './markers.js';
import type { RunKernel } from './run-kernel.js';
import type { RunLifecycle } from './run-lifecycle.js';
import type { SignalInbox } from './signal-inbox.js';
import type { Timers } from './timers.js';

/** The per-kind modules the context hands each operation to. */
export interface RunModules {
  readonly timers: Timers;
  readonly conditions: Conditions;
  readonly activities: ActivityScheduler;
  readonly externals: ExternalExecutions;
  readonly children: ChildWorkflows;
  readonly lambdas: LambdaFunctions;
  readonly markers: Markers;
  readonly signals: SignalInbox;
}

export class RunContext implements WorkflowContext {
  readonly #kernel: RunKernel;
  readonly #lifecycle: RunLifecycle;
  readonly #modules: RunModules;
  readonly #random: DeterministicRandom;

  constructor(kernel: RunKernel, lifecycle: RunLifecycle, modules: RunModules, runId: string) {
    this.#kernel = kernel;
    this.#lifecycle = lifecycle;
    this.#modules = modules;
    this.#random = new DeterministicRandom(runId);
  }

  // ---- facts and determinism helpers -------------------------------------------------------------

  get info(): WorkflowInfo {
    return this.#lifecycle.info;
  }

  get rootScope(): CancellationScope {
    return this.#kernel.rootScope;
  }

  get log(): WorkflowLogger {
    return this.#kernel.log;
  }

  get isReplaying(): boolean {
    this.#kernel.touch();
    return this.#kernel.replaying;
  }

  get cancelRequested(): boolean {
    this.#kernel.touch();
    return this.#lifecycle.cancelRequested;
  }

  now(): Date {
    this.#kernel.touch();
    return new Date(this.#kernel.taskStartedAt.getTime());
  }

  random(): number {
    this.#kernel.touch();
    return this.#random.next();
  }

  uuid4(): string {
    this.#kernel.touch();
    return this.#random.uuid4();
  }

  // ---- operations, each in its own module --------------------------------------------------------

  scheduleActivity(type: ResolvedActivityType, input: unknown, options: ActivityOptions): Promise<unknown> {
    return this.#modules.activities.schedule(type, input, options);
  }

  sleep(after: DurationInput, options: TimerOptions): Promise<void> {
    return this.#modules.timers.sleep(after, options);
  }

  condition(predicate: () => boolean, timeout: DurationInput | undefined): Promise<boolean> {
    return this.#modules.conditions.wait(predicate, timeout);
  }

  setSignalHandler(name: string, handler: ((input: unknown) => unknown) | undefined): void {
    this.#modules.signals.setHandler(name, handler);
  }

  startChild(workflowClass: WorkflowClass, options: ChildWorkflowOptions<unknown>): Promise<ChildWorkflowHandle<unknown>> {
    return this.#modules.children.start(workflowClass, options);
  }

  externalWorkflow(execution: ExternalExecution): ExternalWorkflowHandle {
    return this.#modules.externals.handle(execution);
  }

  lambda(name: string, input: unknown, options: LambdaOptions): Promise<unknown> {
    return this.#modules.lambdas.schedule(name, input, options);
  }

  recordMarker(name: string, details: unknown): void {
    this.#modules.markers.record(name, details);
  }

  sideEffect<T>(fn: () => T): T {
    return this.#modules.markers.sideEffect(fn);
  }

  patched(patchId: string): boolean {
    return this.#modules.markers.patched(patchId);
  }

  deprecatePatch(patchId: string): void {
    this.#modules.markers.deprecatePatch(patchId);
  }

  continueAsNew(input: unknown, options: ContinueAsNewOptions): Promise<never> {
    return this.#lifecycle.continueAsNew(input, options);
  }
}
