/**
 * The low road: a `Decider` is an explicit state machine. It receives the whole indexed, linked
 * history of the run and returns the decisions of the open task, built with `decisions.*`.
 */
import type { Decision } from '@aws-sdk/client-swf';
import type { History, WorkflowTypeOptions } from '@swirl/core';

export interface Decider {
  decide(history: History): Decision[];
}

/** A decider with the SWF workflow type it decides, for registration alongside workflow classes. */
export interface DeciderDefinition {
  readonly type: WorkflowTypeOptions & { readonly name: string };
  readonly decider: Decider;
}
