/**
 * The contract between the `Workflow` base class and the runtime that drives it: every workflow
 * API call goes through this interface, so the base class holds no state of its own.
 */
import type { DurationInput, ResolvedActivityType } from '@swirl/core';
import type { CancellationScope } from './cancellation-scope.js';
import type { ChildWorkflowHandle, ExternalWorkflowHandle } from './handles.js';
import type { WorkflowLogger } from './logger.js';
import type { ActivityOptions, ChildWorkflowOptions, ContinueAsNewOptions, ExternalExecution, LambdaOptions, TimerOptions } from './options.js';
import type { WorkflowClass } from './workflow-class.js';
import type { WorkflowInfo } from './workflow-info.js';

export interface WorkflowContext {
  readonly info: WorkflowInfo;
  readonly isReplaying: boolean;
  readonly cancelRequested: boolean;
  readonly rootScope: CancellationScope;
  readonly log: WorkflowLogger;
  now(): Date;
  random(): number;
  uuid4(): string;
  scheduleActivity(type: ResolvedActivityType, input: unknown, options: ActivityOptions): Promise<unknown>;
  sleep(duration: DurationInput, options: TimerOptions): Promise<void>;
  condition(predicate: () => boolean, timeout: DurationInput | undefined): Promise<boolean>;
  setSignalHandler(name: string, handler: ((input: unknown) => unknown) | undefined): void;
  startChild(workflowClass: WorkflowClass, options: ChildWorkflowOptions<unknown>): Promise<ChildWorkflowHandle<unknown>>;
  externalWorkflow(execution: ExternalExecution): ExternalWorkflowHandle;
  recordMarker(name: string, details: unknown): void;
  sideEffect<T>(fn: () => T): T;
  patched(patchId: string): boolean;
  deprecatePatch(patchId: string): void;
  continueAsNew(input: unknown, options: ContinueAsNewOptions): Promise<never>;
  lambda(name: string, input: unknown, options: LambdaOptions): Promise<unknown>;
}
