/**
 * The top-level fields of each operation's input and their JSON kind, read from core's zod schemas
 * (the single source of truth), so the fuzz knows which value is the wrong type for a field.
 */
import { OPERATION_NAMES, operationInputSchemas, type OperationName } from '@swirl/core';

export type FieldKind = 'string' | 'enum' | 'number' | 'boolean' | 'object' | 'array';

export interface OperationField {
  readonly name: string;
  readonly kind: FieldKind;
}

interface ZodNode {
  readonly _zod: { readonly def: { readonly type: string; readonly innerType?: ZodNode; readonly in?: ZodNode; readonly shape?: Record<string, ZodNode> } };
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'pipe']);
const KINDS: ReadonlySet<string> = new Set<FieldKind>(['string', 'enum', 'number', 'boolean', 'object', 'array']);

function unwrap(node: ZodNode): ZodNode {
  let current = node;
  while (WRAPPERS.has(current._zod.def.type)) {
    const { def } = current._zod;
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    if (inner === undefined) break;
    current = inner;
  }
  return current;
}

function fieldsOf(operation: OperationName): OperationField[] {
  const shape = unwrap(operationInputSchemas[operation] as unknown as ZodNode)._zod.def.shape;
  if (shape === undefined) throw new Error(`The input schema of ${operation} is not an object schema; the fuzz cannot read its fields`);
  return Object.entries(shape).map(([name, node]) => {
    const kind = unwrap(node)._zod.def.type;
    if (!KINDS.has(kind)) throw new Error(`${operation}.${name} has schema type ${kind}, which the fuzz does not know`);
    return { name, kind: kind as FieldKind };
  });
}

/** Every operation with its fields. */
export const OPERATION_FIELDS: ReadonlyMap<OperationName, readonly OperationField[]> = new Map(OPERATION_NAMES.map((operation) => [operation, fieldsOf(operation)]));
