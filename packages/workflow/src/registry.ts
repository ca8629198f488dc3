/**
 * The workflow classes a worker runs, looked up by SWF type (name and version) when a decision
 * task arrives. Duplicate types are refused up front.
 */
import { resolveWorkflowType, type ResolvedWorkflowType } from '@swirl/core';
import type { WorkflowClass } from './workflow-class.js';

export class WorkflowRegistryError extends Error {
  override readonly name = 'WorkflowRegistryError';
}

export interface WorkflowRegistry {
  /** The class registered for this type, or undefined. */
  get(type: { readonly name: string; readonly version: string }): WorkflowClass | undefined;
  /** Every registered type with its registration defaults, for RegisterWorkflowType. */
  readonly types: readonly ResolvedWorkflowType[];
}

export function createWorkflowRegistry(workflows: Iterable<WorkflowClass>): WorkflowRegistry {
  const byKey = new Map<string, WorkflowClass>();
  const types: ResolvedWorkflowType[] = [];
  for (const workflowClass of workflows) {
    const type = resolveWorkflowType(workflowClass);
    const key = `${type.name}\u0000${type.version}`;
    const existing = byKey.get(key);
    if (existing) {
      throw new WorkflowRegistryError(`Workflow type ${type.name} version ${type.version} is declared by both ${existing.name} and ${workflowClass.name}`);
    }
    byKey.set(key, workflowClass);
    types.push(type);
  }
  return {
    get: (type) => byKey.get(`${type.name}\u0000${type.version}`),
    types,
  };
}
