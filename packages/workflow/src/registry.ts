/**
 * The workflows a worker decides, looked up by SWF type (name and version) when a decision task
 * arrives: `Workflow` classes and `Decider`s alike. Duplicate types are refused up front.
 */
import { resolveWorkflowType, type ResolvedWorkflowType } from '@swirl/core';
import { isDecider, type Decider } from './decider.js';
import type { WorkflowClass } from './workflow-class.js';

/** What a worker can decide: a workflow class (the high road) or a decider (the low road). */
export type WorkflowDefinition = WorkflowClass | Decider;

export class WorkflowRegistryError extends Error {
  override readonly name = 'WorkflowRegistryError';
}

export interface WorkflowRegistry<D extends WorkflowDefinition = WorkflowClass> {
  /** The definition registered for this type, or undefined. */
  get(type: { readonly name: string; readonly version: string }): D | undefined;
  /** Every registered type with its registration defaults, for RegisterWorkflowType. */
  readonly types: readonly ResolvedWorkflowType[];
}

export function createWorkflowRegistry<D extends WorkflowDefinition = WorkflowClass>(workflows: Iterable<D>): WorkflowRegistry<D> {
  const byKey = new Map<string, D>();
  const types: ResolvedWorkflowType[] = [];
  for (const definition of workflows) {
    const type = resolveDefinitionType(definition);
    const key = `${type.name}\u0000${type.version}`;
    const existing = byKey.get(key);
    if (existing) {
      throw new WorkflowRegistryError(
        `Workflow type ${type.name} version ${type.version} is declared by both ${describe(existing)} and ${describe(definition)}`,
      );
    }
    byKey.set(key, definition);
    types.push(type);
  }
  return {
    get: (type) => byKey.get(`${type.name}\u0000${type.version}`),
    types,
  };
}

/** The SWF type of a workflow class or a decider (whose `type.name` names it, having no class name). */
export function resolveDefinitionType(definition: WorkflowDefinition): ResolvedWorkflowType {
  if (!isDecider(definition)) return resolveWorkflowType(definition);
  const { type } = definition;
  if (typeof type?.name !== 'string' || type.name.length === 0) {
    throw new WorkflowRegistryError(`A Decider needs a "type" with a name and a version, e.g. { type: { name: 'Order', version: '1' }, decide }`);
  }
  return resolveWorkflowType({ name: type.name, type });
}

function describe(definition: WorkflowDefinition): string {
  return isDecider(definition) ? 'a Decider' : definition.name;
}
