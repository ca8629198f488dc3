/**
 * `RunLifecycle`: what a run is from start to close. WorkflowExecutionStarted constructs the
 * workflow instance and calls `execute` with the parsed input; an outcome of workflow code becomes
 * a close decision (complete, fail, cancel, continue as new) or fails the decision task; a cancel
 * request cancels the root scope; SWF's refusals of a close decision are answered (UNHANDLED_DECISION
 * sends it again). It decides which close decision; the kernel decides where it goes in the list.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import {
  ApplicationFailure,
  CancelledFailure,
  encodeFailure,
  NonDeterminismError,
  SwfCauseFailure,
  SwirlFailure,
  toOptionalSwfDuration,
  type EventAttributes,
} from '@swirl/core';
import { isCancellation } from '../cancellation.js';
import { constructWithContext } from '../construction-context.js';
import { ContinueAsNewRequest } from '../continue-as-new.js';
import { buildDecision } from '../decisions.js';
import type { ContinueAsNewOptions } from '../options.js';
import type { ExecutableWorkflow, WorkflowClass } from '../workflow-class.js';
import type { WorkflowContext } from '../workflow-context.js';
import { workflowInfoOf, type WorkflowInfo } from '../workflow-info.js';
import { wirePriority } from './execution-kernel.js';
import type { CloseOperation } from './operations.js';
import type { RunKernel } from './run-kernel.js';
import { WorkflowRuntimeError } from './runtime-error.js';
import { stabilizeStack } from './stable-stack.js';

export interface LifecycleSettings {
  readonly workflowClass: WorkflowClass;
  readonly execution: { readonly workflowId: string; readonly runId: string };
  readonly failWorkflowOn: ReadonlyArray<new (...args: any[]) => Error>;
}

export class RunLifecycle {
  readonly #kernel: RunKernel;
  readonly #settings: LifecycleSettings;
  #info: WorkflowInfo | undefined;
  #instance: ExecutableWorkflow | undefined;
  #cancelRequested = false;

  constructor(kernel: RunKernel, settings: LifecycleSettings) {
    this.#kernel = kernel;
    this.#settings = settings;
  }

  get info(): WorkflowInfo {
    if (!this.#info) throw new WorkflowRuntimeError('Workflow info is available once WorkflowExecutionStarted has been applied');
    return this.#info;
  }

  get cancelRequested(): boolean {
    return this.#cancelRequested;
  }

  /** The published state as `executionContext`, or undefined when the workflow publishes none. */
  executionContext(): string | undefined {
    const state = (this.#instance as { state?: unknown } | undefined)?.state;
    return state === undefined ? undefined : this.#kernel.converter.toPayload(state);
  }

  /** What an error from workflow code does: a close decision when it ends the run, else a failed decision task. */
  classify(error: unknown): void {
    const kernel = this.#kernel;
    if (error instanceof ContinueAsNewRequest) return kernel.close(error.decision);
    if (this.#cancelRequested && isCancellation(error)) {
      const details = error instanceof CancelledFailure ? kernel.converter.toPayload(error.details) : undefined;
      return kernel.close(buildDecision('CancelWorkflowExecution', { details }));
    }
    if (this.#isWorkflowFailure(error)) {
      const { reason, details } = encodeFailure(error);
      return kernel.close(buildDecision('FailWorkflowExecution', { reason, details }));
    }
    kernel.failTask(error);
  }

  #isWorkflowFailure(error: unknown): boolean {
    if (error instanceof NonDeterminismError) return false;
    if (error instanceof SwirlFailure) return true;
    return this.#settings.failWorkflowOn.some((type) => error instanceof type);
  }

  /** A rejected promise carrying the continue-as-new decision; workflow code returns or throws it to close the run. */
  continueAsNew(input: unknown, options: ContinueAsNewOptions): Promise<never> {
    this.#kernel.touch();
    const info = this.info;
    // SWF fills omitted fields from the type defaults, not from this run; carry this run's settings.
    const executionTimeout = toOptionalSwfDuration(options.executionStartToCloseTimeout) ?? info.executionStartToCloseTimeout;
    const decision = buildDecision('ContinueAsNewWorkflowExecution', {
      input: this.#kernel.converter.toPayload(input),
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

  /** WorkflowExecutionStarted: constructs the instance with `context` as its context and runs `execute`. */
  started(event: HistoryEvent, attributes: EventAttributes<'WorkflowExecutionStarted'>, context: WorkflowContext): boolean {
    const kernel = this.#kernel;
    this.#info = workflowInfoOf(this.#settings.execution, event, attributes);
    const workflowClass = this.#settings.workflowClass;
    const instance = constructWithContext(context, () => new workflowClass());
    this.#instance = instance;
    kernel.runUserCode(
      () => instance.execute(this.#parseInput(attributes.input)),
      (value) => {
        try {
          kernel.close(buildDecision('CompleteWorkflowExecution', { result: kernel.converter.toPayload(value) }));
        } catch (error) {
          kernel.workflowError(error);
        }
      },
    );
    return true;
  }

  #parseInput(payload: string | undefined): unknown {
    const value = this.#kernel.converter.fromPayload(payload);
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
    this.#kernel.touch();
    this.#kernel.rootScope.cancel();
    return true;
  }

  closeFailed(event: HistoryEvent, cause: string | undefined): boolean {
    const close = this.#kernel.owner<CloseOperation>(event.eventId, 'close', event);
    if (cause === 'UNHANDLED_DECISION') {
      // New events arrived while deciding: they are delivered in this batch, then the close goes out again.
      this.#kernel.resendClose(close);
      return true;
    }
    const failure = stabilizeStack(new SwfCauseFailure({ eventType: event.eventType as 'CompleteWorkflowExecutionFailed', cause: String(cause), eventId: event.eventId }));
    if (event.eventType === 'ContinueAsNewWorkflowExecutionFailed') {
      // The new run cannot start (type deprecated, defaults undefined): fail this one with the reason.
      const { reason, details } = encodeFailure(failure);
      this.#kernel.replaceClose(buildDecision('FailWorkflowExecution', { reason, details }));
      return true;
    }
    this.#kernel.failTask(failure);
    return true;
  }
}
