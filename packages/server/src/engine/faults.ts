/** Message helpers for the faults the engine throws (`SwfFault` itself lives in @swirl/core). */
import { SwfFault, type SwfFaultName } from '@swirl/core';

export { SwfFault };

export const fault = (name: SwfFaultName, message: string): SwfFault => new SwfFault(name, message);

export const unknownDomain = (name: string): SwfFault => fault('UnknownResourceFault', `Unknown domain: ${name}`);

export const unknownType = (kind: 'WorkflowType' | 'ActivityType', type: { name: string; version: string }): SwfFault =>
  fault('UnknownResourceFault', `Unknown type: ${kind}=[name=${type.name}, version=${type.version}]`);

export const unknownExecution = (workflowId: string, runId?: string): SwfFault =>
  fault('UnknownResourceFault', `Unknown execution: WorkflowExecution=[workflowId=${workflowId}, runId=${runId ?? ''}]`);

export const unknownTaskToken = (): SwfFault =>
  fault('UnknownResourceFault', 'Unknown task token: the task does not exist, has already been closed or has timed out');
