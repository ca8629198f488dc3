/**
 * Types that read a workflow class's `execute(input)` so handles are typed by the workflow they run.
 */
import type { WorkflowTypeCarrier } from '@swirl/core';

/** Anything shaped like a workflow instance: an `execute(input)` method. */
export interface ExecutableWorkflow {
  execute(input: never): unknown;
}

/** A workflow class: a constructor of workflow instances that carries a static SWF `type`. */
export type WorkflowClass<W extends ExecutableWorkflow = ExecutableWorkflow> = WorkflowTypeCarrier &
  (abstract new (...args: never[]) => W);

/** The input of a workflow class's `execute`. */
export type WorkflowInput<C> = C extends abstract new (...args: never[]) => { execute(...args: infer A): unknown }
  ? A extends [] ? undefined : A[0]
  : never;

/** The resolved result of a workflow class's `execute`. */
export type WorkflowResult<C> = C extends abstract new (...args: never[]) => { execute(...args: never[]): infer R }
  ? Awaited<R>
  : never;

/** A typed signal: its SWF signal name, with the input type carried for the compiler only. */
export interface SignalDefinitionLike<Input = unknown> {
  readonly name: string;
  /** Never set at run time; lets `signal(definition, input)` check the input type. */
  readonly __input?: Input;
}
