/**
 * Errors of replay testing that are not non-determinism: the history names a workflow type the
 * replayer was not given, or it cannot be replayed at all.
 */

/** The history's workflow type is not among the classes passed to `replayHistory`. */
export class ReplayWorkflowNotFoundError extends Error {
  override readonly name = 'ReplayWorkflowNotFoundError';
  constructor(
    readonly workflowType: { readonly name: string; readonly version: string },
    readonly known: ReadonlyArray<{ readonly name: string; readonly version: string }>,
  ) {
    const list = known.map((type) => `${type.name}@${type.version}`).join(', ') || '(none)';
    super(
      `The history is of workflow type ${workflowType.name} version ${workflowType.version}, but no workflow class passed in \`workflows\` declares it; given: ${list}`,
    );
  }
}

/** The history cannot be replayed: it has no WorkflowExecutionStarted event to take the workflow type from. */
export class UnreplayableHistoryError extends Error {
  override readonly name = 'UnreplayableHistoryError';
}
