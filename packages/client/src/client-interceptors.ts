/**
 * Outbound interceptors of `WorkflowClient` and its handles: a hook around each call that changes
 * an execution (start, signal, cancel, terminate) and around describe, the query-like read. A hook
 * may add headers to a start or a signal; they travel in front of the call's input
 * (`@swirl/core`'s payload headers) and reach the worker's interceptors, which is how a trace
 * started here continues in the workflow. Hooks see ids and names, never payload values.
 */
import { intercept, type InterceptorHook, type PayloadHeaders } from '@swirl/core';

export interface StartWorkflowCall {
  readonly domain: string;
  readonly workflowId: string;
  readonly workflowType: { readonly name: string; readonly version: string };
  /** The decision task list asked for; undefined when SWF takes the type's default. */
  readonly taskList: string | undefined;
  /** Sent in front of the workflow's input; the workflow's decision tasks read them. */
  readonly headers: PayloadHeaders;
}

export interface StartWorkflowResult {
  readonly runId: string;
}

/** An existing execution; without a runId the call targets the workflow's current run. */
export interface ExecutionCall {
  readonly domain: string;
  readonly workflowId: string;
  readonly runId: string | undefined;
}

export interface SignalWorkflowCall extends ExecutionCall {
  readonly signalName: string;
  /** Sent in front of the signal's input (in its WorkflowExecutionSignaled event). */
  readonly headers: PayloadHeaders;
}

export interface TerminateWorkflowCall extends ExecutionCall {
  readonly reason: string | undefined;
}

/**
 * Hooks around the client's outbound calls; every one is optional. Each must call `next` once and
 * return (or rethrow) what it gives; the first interceptor in the list is the outermost.
 */
export interface WorkflowClientInterceptor {
  start?(call: StartWorkflowCall, next: (call: StartWorkflowCall) => Promise<StartWorkflowResult>): Promise<StartWorkflowResult>;
  signal?(call: SignalWorkflowCall, next: (call: SignalWorkflowCall) => Promise<void>): Promise<void>;
  requestCancel?(call: ExecutionCall, next: (call: ExecutionCall) => Promise<void>): Promise<void>;
  terminate?(call: TerminateWorkflowCall, next: (call: TerminateWorkflowCall) => Promise<void>): Promise<void>;
  describe?(call: ExecutionCall, next: (call: ExecutionCall) => Promise<unknown>): Promise<unknown>;
}

type HookName = keyof WorkflowClientInterceptor;
type CallOf<K extends HookName> = Parameters<NonNullable<WorkflowClientInterceptor[K]>>[0];
type ResultOf<K extends HookName> = Awaited<ReturnType<NonNullable<WorkflowClientInterceptor[K]>>>;

/** The client's interceptors, run through in order for one kind of call. */
export class ClientInterceptors {
  readonly #interceptors: readonly WorkflowClientInterceptor[];

  constructor(interceptors: readonly WorkflowClientInterceptor[] = []) {
    this.#interceptors = [...interceptors];
  }

  run<K extends HookName>(name: K, call: CallOf<K>, last: (call: CallOf<K>) => Promise<ResultOf<K>>): Promise<ResultOf<K>> {
    if (this.#interceptors.length === 0) return last(call);
    const hooks = this.#interceptors.map((interceptor) => {
      const hook = interceptor[name] as ((call: CallOf<K>, next: (call: CallOf<K>) => Promise<ResultOf<K>>) => Promise<ResultOf<K>>) | undefined;
      return hook?.bind(interceptor) as InterceptorHook<CallOf<K>, ResultOf<K>> | undefined;
    });
    return intercept(hooks, call, last);
  }
}
