/**
 * Structural types of workflow classes, shared by the runtime, the registry and typed child
 * workflow calls (and by the client, as types only).
 */
import type { WorkflowTypeOptions } from '@swirl/core';

/** What the runtime runs: an object with `execute(input)`. `Workflow` implements it. */
export interface ExecutableWorkflow<Input = any, Result = any> {
  execute(input: Input): Promise<Result>;
}

/** A validator for workflow input; a zod schema satisfies it. */
export interface InputSchema<Input> {
  parse(value: unknown): Input;
}

/** A concrete workflow class: constructible without arguments and carrying its static SWF `type`. */
export interface WorkflowClass<W extends ExecutableWorkflow = ExecutableWorkflow> {
  new (): W;
  readonly name: string;
  readonly type: WorkflowTypeOptions;
  readonly inputSchema?: InputSchema<unknown>;
}

export type WorkflowInput<W> = W extends ExecutableWorkflow<infer Input, any> ? Input : never;
export type WorkflowResult<W> = W extends ExecutableWorkflow<any, infer Result> ? Awaited<Result> : never;
