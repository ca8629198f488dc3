/**
 * Reads a workflow class's `execute(input)` types so handles are typed by the workflow they run.
 * The class shape itself is @swirl/workflow's, imported as a type only.
 */
import type { WorkflowClass, WorkflowInput, WorkflowResult } from '@swirl/workflow';

/** The input of a workflow class's `execute`. */
export type WorkflowClassInput<C extends WorkflowClass> = WorkflowInput<InstanceType<C>>;

/** The resolved result of a workflow class's `execute`. */
export type WorkflowClassResult<C extends WorkflowClass> = WorkflowResult<InstanceType<C>>;
