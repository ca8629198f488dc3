/**
 * Hands the runtime's context to a workflow instance while its constructor runs, so field
 * initializers such as `payments = this.activities(Payments, ...)` already work.
 */
import type { WorkflowContext } from './workflow-context.js';

let constructing: WorkflowContext | undefined;

export class WorkflowConstructionError extends Error {
  override readonly name = 'WorkflowConstructionError';
}

/** Runs `construct` with `context` as the context of the workflow instance it creates. */
export function constructWithContext<T>(context: WorkflowContext, construct: () => T): T {
  const previous = constructing;
  constructing = context;
  try {
    return construct();
  } finally {
    constructing = previous;
  }
}

/** The context of the workflow instance being constructed; throws when none is (a bare `new MyWorkflow()`). */
export function takeConstructionContext(className: string): WorkflowContext {
  if (!constructing) {
    throw new WorkflowConstructionError(
      `${className} was constructed outside a WorkflowRuntime: workflows run inside new WorkflowRuntime({ workflow: ${className}, ... }), or the testing package's replay helpers`,
    );
  }
  return constructing;
}
