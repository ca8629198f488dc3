/**
 * A handle on one workflow execution: signal it, cancel or terminate it, read its state and
 * history, and wait for its result across continue-as-new runs.
 */
import {
  DescribeWorkflowExecutionCommand,
  EventType,
  paginateGetWorkflowExecutionHistory,
  RequestCancelWorkflowExecutionCommand,
  SignalWorkflowExecutionCommand,
  TerminateWorkflowExecutionCommand,
  type ChildPolicy,
  type CloseStatus,
  type WorkflowExecutionDetail,
  type ExecutionStatus,
  type HistoryEvent,
  type SWFClient,
  type WorkflowExecution,
  type WorkflowExecutionConfiguration,
  type WorkflowExecutionOpenCounts,
  type WorkflowType,
} from '@aws-sdk/client-swf';
import type { SignalDefinition } from '@swirl/workflow';
import { failureOfClose } from './close-failure.js';
import { findLatestRun } from './latest-run.js';
import { assertPayloadSize, attachHeaders, type PayloadPipeline } from '@swirl/core';
import { ClientInterceptors, type ExecutionCall } from './client-interceptors.js';
import { assertKnownOptions, type OptionKeys } from './option-keys.js';
import { addSdkContext, withSdkContext } from './sdk-error-context.js';
import { waitForCloseEvent, type CloseWaitOptions } from './wait-for-close.js';

export interface TerminateOptions {
  /** Why the execution was terminated (at most 256 characters). @default none */
  readonly reason?: string;
  /** Free text recorded in the termination event; passes through the codecs. @default none */
  readonly details?: string;
  /** Overrides the execution's child policy for this termination. @default the execution's child policy */
  readonly childPolicy?: ChildPolicy | `${ChildPolicy}`;
}

export interface ResultOptions extends CloseWaitOptions {
  /** Follow continue-as-new to the run that finally closes. @default true */
  readonly followRuns?: boolean;
}

export interface HistoryOptions {
  /** Newest event first. @default false */
  readonly reverseOrder?: boolean;
  /** Events per page (1-1000). @default 1000 */
  readonly pageSize?: number;
  /** Undo the codecs on payload fields, leaving the converter's strings. @default true */
  readonly decodePayloads?: boolean;
}

/** What DescribeWorkflowExecution says about a run, with the published state decoded. */
export interface WorkflowDescription<State = unknown> {
  readonly execution: { readonly workflowId: string; readonly runId: string };
  readonly workflowType: WorkflowType;
  readonly status: ExecutionStatus | `${ExecutionStatus}`;
  readonly closeStatus?: CloseStatus | `${CloseStatus}`;
  readonly startTime: Date;
  readonly closeTime?: Date;
  readonly cancelRequested: boolean;
  readonly tags: readonly string[];
  readonly parent?: WorkflowExecution;
  readonly configuration: WorkflowExecutionConfiguration;
  readonly openCounts: WorkflowExecutionOpenCounts;
  readonly latestActivityTaskTimestamp?: Date;
  /** The state the workflow last published (its `latestExecutionContext`), through the converter; codecs do not apply to it. */
  readonly publishedState: State | undefined;
  /** The SDK's response, untouched. */
  readonly raw: WorkflowExecutionDetail;
}

const TERMINATE_OPTION_KEYS = { reason: true, details: true, childPolicy: true } as const satisfies OptionKeys<TerminateOptions>;
const RESULT_OPTION_KEYS = {
  followRuns: true,
  initialIntervalMs: true,
  maxIntervalMs: true,
  signal: true,
} as const satisfies OptionKeys<ResultOptions>;
const HISTORY_OPTION_KEYS = { reverseOrder: true, pageSize: true, decodePayloads: true } as const satisfies OptionKeys<HistoryOptions>;

export interface WorkflowHandleContext {
  readonly swf: SWFClient;
  readonly domain: string;
  readonly payloads: PayloadPipeline;
  /** The client's interceptors. @default none */
  readonly interceptors?: ClientInterceptors;
}

const NO_INTERCEPTORS = new ClientInterceptors();

export class WorkflowHandle<Input = unknown, Result = unknown> {
  readonly workflowId: string;
  /** The run this handle targets; without one, calls target the workflow's current run. */
  readonly runId: string | undefined;
  readonly #context: WorkflowHandleContext;
  readonly #interceptors: ClientInterceptors;
  /** Compile-time only: keeps the input and result types with the handle. */
  declare readonly __types?: { input: Input; result: Result };

  constructor(context: WorkflowHandleContext, workflowId: string, runId?: string) {
    this.#context = context;
    this.#interceptors = context.interceptors ?? NO_INTERCEPTORS;
    this.workflowId = workflowId;
    this.runId = runId;
  }

  /** Sends a signal by name, or by a typed signal definition whose input type is checked. */
  async signal<SignalInput>(signal: string | SignalDefinition<SignalInput>, input?: SignalInput): Promise<void> {
    const { swf, payloads } = this.#context;
    const signalName = typeof signal === 'string' ? signal : signal.name;
    const encoded = await payloads.encode(input);
    await this.#interceptors.run('signal', { ...this.#call(), signalName, headers: {} }, async ({ headers }) => {
      const field = attachHeaders(encoded, headers);
      assertPayloadSize('input', field);
      await withSdkContext('SignalWorkflowExecution', this.#describeTarget(`signal=${signalName}`), () =>
        swf.send(new SignalWorkflowExecutionCommand({ ...this.#addressed(), signalName, ...(field !== undefined && { input: field }) })),
      );
    });
  }

  /** Asks the workflow to cancel; the workflow decides how and when to close. */
  async requestCancel(): Promise<void> {
    const { swf } = this.#context;
    await this.#interceptors.run('requestCancel', this.#call(), async () => {
      await withSdkContext('RequestCancelWorkflowExecution', this.#describeTarget(), () =>
        swf.send(new RequestCancelWorkflowExecutionCommand(this.#addressed())),
      );
    });
  }

  /** Closes the execution at once, without running workflow code. */
  async terminate(options: TerminateOptions = {}): Promise<void> {
    assertKnownOptions('WorkflowHandle.terminate options', options, TERMINATE_OPTION_KEYS);
    const { swf, payloads } = this.#context;
    const details = options.details === undefined ? undefined : await payloads.encodeString(options.details);
    await this.#interceptors.run('terminate', { ...this.#call(), reason: options.reason }, async () => {
      await withSdkContext('TerminateWorkflowExecution', this.#describeTarget(), () =>
        swf.send(
          new TerminateWorkflowExecutionCommand({
            ...this.#addressed(),
            ...(options.reason !== undefined && { reason: options.reason }),
            ...(details !== undefined && { details }),
            ...(options.childPolicy !== undefined && { childPolicy: options.childPolicy as ChildPolicy }),
          }),
        ),
      );
    });
  }

  /** The run's status, configuration, open counts and decoded published state. */
  async describe<State = unknown>(): Promise<WorkflowDescription<State>> {
    // A hook passes on what `next` gave it, so the value is the description built below.
    return (await this.#interceptors.run('describe', this.#call(), () => this.#describe<State>())) as WorkflowDescription<State>;
  }

  async #describe<State>(): Promise<WorkflowDescription<State>> {
    const { swf, domain, payloads } = this.#context;
    const runId = await this.#resolveRunId();
    const raw = await withSdkContext('DescribeWorkflowExecution', this.#describeTarget(`runId=${runId}`), () =>
      swf.send(new DescribeWorkflowExecutionCommand({ domain, execution: { workflowId: this.workflowId, runId } })),
    );
    const { executionInfo: info, executionConfiguration: configuration, openCounts } = raw;
    if (!info?.execution?.runId || !info.workflowType || !info.startTimestamp || !info.executionStatus || !configuration || !openCounts) {
      throw new Error(
        `DescribeWorkflowExecution answered without executionInfo, executionConfiguration or openCounts for workflowId=${this.workflowId} runId=${runId}`,
      );
    }
    const publishedState =
      raw.latestExecutionContext === undefined || raw.latestExecutionContext === ''
        ? undefined
        : payloads.fromUncoded<State>(raw.latestExecutionContext);
    return {
      execution: { workflowId: this.workflowId, runId: info.execution.runId },
      workflowType: info.workflowType,
      status: info.executionStatus,
      ...(info.closeStatus !== undefined && { closeStatus: info.closeStatus }),
      startTime: info.startTimestamp,
      ...(info.closeTimestamp !== undefined && { closeTime: info.closeTimestamp }),
      cancelRequested: info.cancelRequested ?? false,
      tags: info.tagList ?? [],
      ...(info.parent !== undefined && { parent: info.parent }),
      configuration,
      openCounts,
      ...(raw.latestActivityTaskTimestamp !== undefined && { latestActivityTaskTimestamp: raw.latestActivityTaskTimestamp }),
      publishedState,
      raw,
    };
  }

  /**
   * Waits for the execution to close and returns its decoded result. Follows continue-as-new runs;
   * throws the decoded `ApplicationFailure` of a failed run, `CancelledFailure`, `TerminatedFailure`
   * or `TimeoutFailure`.
   */
  async result(options: ResultOptions = {}): Promise<Result> {
    assertKnownOptions('WorkflowHandle.result options', options, RESULT_OPTION_KEYS);
    const { swf, domain, payloads } = this.#context;
    let runId = await this.#resolveRunId();
    for (;;) {
      const close = await waitForCloseEvent(swf, domain, { workflowId: this.workflowId, runId }, options);
      if (close.eventType === EventType.WorkflowExecutionCompleted) {
        return payloads.decode<Result>(close.workflowExecutionCompletedEventAttributes?.result);
      }
      const nextRunId = close.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
      if (close.eventType === EventType.WorkflowExecutionContinuedAsNew && nextRunId && options.followRuns !== false) {
        runId = nextRunId;
        continue;
      }
      throw await failureOfClose(close, { workflowId: this.workflowId, runId }, payloads);
    }
  }

  /** Every event of the run, page after page (the SDK's paginator), oldest first unless reversed. */
  async *historyEvents(options: HistoryOptions = {}): AsyncGenerator<HistoryEvent> {
    assertKnownOptions('WorkflowHandle.historyEvents options', options, HISTORY_OPTION_KEYS);
    const { swf, domain, payloads } = this.#context;
    const runId = await this.#resolveRunId();
    const pages = paginateGetWorkflowExecutionHistory(
      { client: swf, ...(options.pageSize !== undefined && { pageSize: options.pageSize }) },
      { domain, execution: { workflowId: this.workflowId, runId }, reverseOrder: options.reverseOrder ?? false },
    );
    try {
      for await (const page of pages) {
        for (const event of page.events ?? []) {
          yield options.decodePayloads === false ? event : await payloads.decodeEvent(event);
        }
      }
    } catch (error) {
      throw addSdkContext(error, 'GetWorkflowExecutionHistory', `(domain=${domain}, workflowId=${this.workflowId}, runId=${runId})`);
    }
  }

  /** The whole history of the run as an array (all pages). */
  async fetchHistory(options: HistoryOptions = {}): Promise<HistoryEvent[]> {
    const events: HistoryEvent[] = [];
    for await (const event of this.historyEvents(options)) events.push(event);
    return events;
  }

  async #resolveRunId(): Promise<string> {
    if (this.runId !== undefined) return this.runId;
    const { swf, domain } = this.#context;
    return (await findLatestRun(swf, domain, this.workflowId)).runId;
  }

  /** The execution as signal, cancel and terminate address it: without a runId, SWF targets the open run. */
  #addressed(): { domain: string; workflowId: string; runId?: string } {
    return { domain: this.#context.domain, workflowId: this.workflowId, ...(this.runId !== undefined && { runId: this.runId }) };
  }

  #call(): ExecutionCall {
    return { domain: this.#context.domain, workflowId: this.workflowId, runId: this.runId };
  }

  #describeTarget(extra?: string): string {
    const parts = [`domain=${this.#context.domain}`, `workflowId=${this.workflowId}`];
    if (this.runId !== undefined) parts.push(`runId=${this.runId}`);
    if (extra !== undefined) parts.push(extra);
    return `(${parts.join(', ')})`;
  }
}
