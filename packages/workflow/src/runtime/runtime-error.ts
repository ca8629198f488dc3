/** The error the runtimes throw when they are misused or cannot go on; its own file so any runtime module can throw it. */
export class WorkflowRuntimeError extends Error {
  override readonly name = 'WorkflowRuntimeError';
}
