/** Child workflows: start, handle (result, signal, cancel), retries, and their 8 events. */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import {
  CancelledFailure,
  ChildWorkflowFailure,
  resolveWorkflowType,
  SwfCauseFailure,
  TerminatedFailure,
  TimeoutFailure,
  toOptionalSwfDuration,
  type EventAttributes,
  type TimeoutType,
} from '@swirl/core';
import { buildDecision } from '../decisions.js';
import type { ChildWorkflowHandle } from '../handles.js';
import type { ChildWorkflowOptions } from '../options.js';
import { compileRetryPolicy } from '../retry-policy.js';
import type { WorkflowClass } from '../workflow-class.js';
import { withdrawIfUnsent } from './command-outbox.js';
import { wirePriority, type ExecutionKernel } from './execution-kernel.js';
import type { ExternalExecutions } from './external-executions.js';
import { ChildOperation, ExternalOperation } from './operations.js';
import { RetryingAttempts } from './retries.js';
import { decodeRecordedFailure, stabilizeStack } from './stable-stack.js';
import type { Timers } from './timers.js';

export class ChildWorkflows {
  readonly #kernel: ExecutionKernel;
  readonly #externals: ExternalExecutions;
  readonly #attempts: RetryingAttempts<ChildOperation>;

  constructor(kernel: ExecutionKernel, timers: Timers, externals: ExternalExecutions) {
    this.#kernel = kernel;
    this.#externals = externals;
    this.#attempts = new RetryingAttempts(kernel, timers, {
      decision: (operation) => buildDecision('StartChildWorkflowExecution', operation.attributes),
      fail: (operation, error) => this.#settle(operation, error),
      cancel: (operation) => this.#cancel(operation),
    });
  }

  start(workflowClass: WorkflowClass, options: ChildWorkflowOptions<unknown>): Promise<ChildWorkflowHandle<unknown>> {
    const kernel = this.#kernel;
    kernel.touch();
    const type = resolveWorkflowType(workflowClass);
    const workflowId = options.workflowId ?? `${kernel.info.workflowId}.c${kernel.nextId('child')}`;
    const attributes = {
      workflowType: { name: type.name, version: type.version },
      workflowId,
      input: kernel.converter.toPayload(options.input),
      control: options.control,
      taskList: options.taskList === undefined ? undefined : { name: options.taskList },
      taskPriority: wirePriority(options.taskPriority),
      executionStartToCloseTimeout: toOptionalSwfDuration(options.executionStartToCloseTimeout),
      taskStartToCloseTimeout: toOptionalSwfDuration(options.taskStartToCloseTimeout),
      childPolicy: options.childPolicy,
      tagList: options.tagList ? [...options.tagList] : undefined,
      lambdaRole: options.lambdaRole,
    };
    const retry = options.retry ? compileRetryPolicy(options.retry) : undefined;
    const operation = new ChildOperation(attributes, retry, options.scope ?? kernel.rootScope);
    this.#attempts.start(operation, () => stabilizeStack(new CancelledFailure(`Child workflow ${workflowId} was not started: its scope is cancelled`)));
    return operation.started.promise;
  }

  /** Closes a child operation: resolves its result, or rejects both its start and its result with `cause`. */
  #settle(operation: ChildOperation, cause: Error | undefined, value?: unknown): void {
    operation.state = 'closed';
    operation.unsubscribe();
    // Closed in history before the cancel request went out: SWF would record RequestCancelExternalWorkflowExecutionFailed.
    withdrawIfUnsent(operation.cancelRequest);
    if (cause === undefined) return operation.result.resolve(value);
    const failure = new ChildWorkflowFailure({
      workflowType: operation.attributes.workflowType,
      execution: { workflowId: operation.attributes.workflowId, runId: operation.runId },
      initiatedEventId: operation.initiatedEventId,
      cause,
    });
    stabilizeStack(failure);
    operation.started.reject(failure);
    operation.result.reject(failure);
  }

  #cancel(operation: ChildOperation): void {
    this.#kernel.touch();
    const { workflowId } = operation.attributes;
    if (!this.#attempts.cancel(operation, () => stabilizeStack(new CancelledFailure(`Child workflow ${workflowId} was cancelled`)))) return;
    // Started: request it now. Initiated but not started: ChildWorkflowExecutionStarted sends it.
    if (operation.state === 'started') this.#requestCancel(operation);
  }

  #requestCancel(operation: ChildOperation): void {
    const { workflowId } = operation.attributes;
    operation.cancelRequest = this.#kernel.push(
      buildDecision('RequestCancelExternalWorkflowExecution', { workflowId, runId: operation.runId }),
      new ExternalOperation('cancel', workflowId),
    );
  }

  #handle(operation: ChildOperation): ChildWorkflowHandle<unknown> {
    const workflowId = operation.attributes.workflowId;
    return {
      workflowId,
      get runId() {
        return operation.runId ?? '';
      },
      result: () => operation.result.promise,
      signal: (signal, input) => this.#externals.signal({ workflowId, ...(operation.runId && { runId: operation.runId }) }, signal.name, input),
      cancel: () => this.#cancel(operation),
    };
  }

  #of(initiatedEventId: number | undefined, event: HistoryEvent): ChildOperation {
    return this.#kernel.owner<ChildOperation>(initiatedEventId, 'child', event);
  }

  initiated(event: HistoryEvent): boolean {
    const operation = this.#of(event.eventId, event);
    operation.state = 'initiated';
    operation.initiatedEventId = event.eventId as number;
    return false;
  }

  startFailed(event: HistoryEvent, attributes: EventAttributes<'StartChildWorkflowExecutionFailed'>): boolean {
    // Recorded as the decision itself (no Initiated event), or later as the outcome of an Initiated one.
    const owner = this.#kernel.owns(event.eventId) ? event.eventId : attributes.initiatedEventId;
    const cause = new SwfCauseFailure({ eventType: 'StartChildWorkflowExecutionFailed', cause: String(attributes.cause), eventId: event.eventId });
    this.#settle(this.#of(owner, event), stabilizeStack(cause));
    return true;
  }

  started(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionStarted'>): boolean {
    const operation = this.#of(attributes.initiatedEventId, event);
    operation.state = 'started';
    operation.runId = attributes.workflowExecution?.runId;
    operation.handle ??= this.#handle(operation);
    operation.started.resolve(operation.handle);
    if (operation.cancelRequested) this.#requestCancel(operation);
    return true;
  }

  completed(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionCompleted'>): boolean {
    this.#settle(this.#of(attributes.initiatedEventId, event), undefined, this.#kernel.converter.fromPayload(attributes.result));
    return true;
  }

  failed(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionFailed'>): boolean {
    this.#attempts.attemptFailed(this.#of(attributes.initiatedEventId, event), decodeRecordedFailure(attributes.reason, attributes.details));
    return true;
  }

  timedOut(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionTimedOut'>): boolean {
    const operation = this.#of(attributes.initiatedEventId, event);
    const timeoutType = attributes.timeoutType as TimeoutType;
    this.#attempts.attemptFailed(operation, stabilizeStack(new TimeoutFailure(`Child workflow ${operation.attributes.workflowId} timed out (${timeoutType})`, timeoutType)));
    return true;
  }

  canceled(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionCanceled'>): boolean {
    const operation = this.#of(attributes.initiatedEventId, event);
    const details = this.#kernel.converter.fromPayload(attributes.details);
    this.#settle(operation, stabilizeStack(new CancelledFailure(`Child workflow ${operation.attributes.workflowId} was cancelled`, details)));
    return true;
  }

  terminated(event: HistoryEvent, attributes: EventAttributes<'ChildWorkflowExecutionTerminated'>): boolean {
    const operation = this.#of(attributes.initiatedEventId, event);
    this.#settle(operation, stabilizeStack(new TerminatedFailure(`Child workflow ${operation.attributes.workflowId} was terminated`)));
    return true;
  }
}
