/**
 * The low road: a `Decider` is an explicit state machine. It declares its SWF workflow type like a
 * workflow class does, receives the whole indexed, linked history of the run with every decision
 * task, and returns that task's decisions, built with `decisions.*`.
 */
import type { Decision } from '@aws-sdk/client-swf';
import type { History, WorkflowTypeOptions } from '@swirl/core';

/** A decider's workflow type: as a workflow class's static `type`, but with a name (an object has no class name). */
export interface DeciderTypeOptions extends WorkflowTypeOptions {
  readonly name: string;
}

/** The decision task a decider is answering. */
export interface DecisionTaskInfo {
  readonly workflowExecution: { readonly workflowId: string; readonly runId: string };
  readonly workflowType: { readonly name: string; readonly version: string };
  /** Id of this task's DecisionTaskStarted event: the last event of the history. */
  readonly startedEventId: number;
  /** Id of the DecisionTaskStarted of the last task the decider completed; 0 before the first. */
  readonly previousStartedEventId: number;
}

/** The answer to one decision task (RespondDecisionTaskCompleted). */
export interface DeciderResponse {
  /** At most one close decision, and it must be last. */
  readonly decisions: readonly Decision[];
  /** Free-form state for DescribeWorkflowExecution's `latestExecutionContext` (at most 32,768 characters). */
  readonly executionContext?: string;
}

export interface Decider {
  /** The workflow type this decider decides, with its registration defaults. */
  readonly type: DeciderTypeOptions;
  /**
   * Decides the open task. `history` holds every event of the run from event 1, payload codecs already
   * removed (payload fields are converter strings, JSON by default). A throw fails the decision task:
   * SWF times it out and hands it out again. Return `decisions.failWorkflowExecution(...)` to fail the run.
   */
  decide(history: History, task: DecisionTaskInfo): DeciderResponse | Promise<DeciderResponse>;
}

/** A workflow a worker can decide: a `Workflow` class or a `Decider`. */
export function isDecider(definition: unknown): definition is Decider {
  return typeof definition === 'object' && definition !== null && typeof (definition as Decider).decide === 'function';
}
