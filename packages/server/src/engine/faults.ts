/** Message helpers for the faults the engine throws (`SwfFault` itself lives in @swirl/core). */
import { SwfFault, type SwfFaultName } from '@swirl/core';

export { SwfFault };

export const fault = (name: SwfFaultName, message: string): SwfFault => new SwfFault(name, message);

export const unknownDomain = (name: string): SwfFault => fault('UnknownResourceFault', `Unknown domain: ${name}`);

export const unknownType = (kind: 'WorkflowType' | 'ActivityType', type: { name: string; version: string }): SwfFault =>
  fault('UnknownResourceFault', `Unknown type: ${kind}=[name=${type.name}, version=${type.version}]`);

/** SWF's two forms: with the run id when the caller gave one, else naming the workflow id alone. */
export const unknownExecution = (workflowId: string, runId?: string): SwfFault =>
  fault(
    'UnknownResourceFault',
    runId === undefined || runId === ''
      ? `Unknown execution, workflowId = ${workflowId}`
      : `Unknown execution: WorkflowExecution=[workflowId=${workflowId}, runId=${runId}]`,
  );
