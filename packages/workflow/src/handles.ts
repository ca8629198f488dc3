/** Handles on other executions that workflow code talks to: its children and external runs. */
import type { SignalDefinition } from './signals.js';

export interface ExternalWorkflowHandle {
  readonly workflowId: string;
  readonly runId?: string;
  /** Signals the execution; resolves when SWF reports it signaled (ExternalWorkflowExecutionSignaled). */
  signal<I>(signal: SignalDefinition<I>, input: I): Promise<void>;
  /** Requests its cancellation; resolves when SWF reports the request delivered. */
  cancel(): Promise<void>;
}

export interface ChildWorkflowHandle<Result> {
  readonly workflowId: string;
  /** The run id of the child's current run (changes when a retry restarts it). */
  readonly runId: string;
  /** The child's result; rejects with `ChildWorkflowFailure` carrying the cause. */
  result(): Promise<Result>;
  signal<I>(signal: SignalDefinition<I>, input: I): Promise<void>;
  /** Requests the child's cancellation; its result then rejects with a cancelled cause. */
  cancel(): void;
}
