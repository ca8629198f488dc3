/** Workflow and activity types: registration with defaults, describe, list, deprecate, delete. */
import type {
  ActivityTypeDefaults,
  ActivityTypeRecord,
  TypeKind,
  TypeRecord,
  TypeRef,
  WorkflowTypeDefaults,
  WorkflowTypeRecord,
} from '../../store/records.js';
import { toWireTime } from '../time/durations.js';
import { fault, unknownType } from '../faults.js';
import { ENGINE_LIMITS } from '../limits.js';
import { requireActiveDomain, requireDomain } from './domains.js';
import type { OperationInput } from '../operations.js';
import { pageOf } from '../visibility/paging.js';
import type { EngineState } from '../engine-state.js';

const MAX_TYPES_PER_KIND = ENGINE_LIMITS.typesPerDomain;

const WORKFLOW_DEFAULT_FIELDS = [
  'defaultTaskStartToCloseTimeout',
  'defaultExecutionStartToCloseTimeout',
  'defaultTaskList',
  'defaultTaskPriority',
  'defaultChildPolicy',
  'defaultLambdaRole',
] as const satisfies ReadonlyArray<keyof WorkflowTypeDefaults>;

const ACTIVITY_DEFAULT_FIELDS = [
  'defaultTaskStartToCloseTimeout',
  'defaultTaskHeartbeatTimeout',
  'defaultTaskList',
  'defaultTaskPriority',
  'defaultTaskScheduleToStartTimeout',
  'defaultTaskScheduleToCloseTimeout',
] as const satisfies ReadonlyArray<keyof ActivityTypeDefaults>;

const KIND_LABEL = { workflow: 'WorkflowType', activity: 'ActivityType' } as const;
const TYPE_FIELD = { workflow: 'workflowType', activity: 'activityType' } as const;

function pick(input: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (input[field] !== undefined) picked[field] = input[field];
  return picked;
}

export function getWorkflowType(state: EngineState, domain: string, type: TypeRef): WorkflowTypeRecord | undefined {
  return state.store.getType(domain, 'workflow', type.name, type.version) as WorkflowTypeRecord | undefined;
}

export function getActivityType(state: EngineState, domain: string, type: TypeRef): ActivityTypeRecord | undefined {
  return state.store.getType(domain, 'activity', type.name, type.version) as ActivityTypeRecord | undefined;
}

function requireType(state: EngineState, domain: string, kind: TypeKind, type: TypeRef): TypeRecord {
  requireDomain(state, domain);
  const record = state.store.getType(domain, kind, type.name, type.version);
  if (!record) throw unknownType(KIND_LABEL[kind], type);
  return record;
}

export function registerType(state: EngineState, kind: TypeKind, input: OperationInput<'RegisterWorkflowType' | 'RegisterActivityType'>): undefined {
  const domain = requireActiveDomain(state, input.domain);
  const ref = { name: input.name as string, version: input.version as string };
  if (state.store.getType(domain.name, kind, ref.name, ref.version)) {
    throw fault('TypeAlreadyExistsFault', describeRef(kind, ref));
  }
  if (state.store.countTypes(domain.name, kind) >= MAX_TYPES_PER_KIND) {
    throw fault('LimitExceededFault', `Limit of ${MAX_TYPES_PER_KIND} ${kind} types per domain reached in ${domain.name}`);
  }
  const base = {
    domain: domain.name,
    ...ref,
    status: 'REGISTERED' as const,
    creationDate: state.now(),
    ...(input.description !== undefined ? { description: input.description as string } : {}),
  };
  const record: TypeRecord =
    kind === 'workflow'
      ? { ...base, kind, configuration: pick(input, WORKFLOW_DEFAULT_FIELDS) as WorkflowTypeDefaults }
      : { ...base, kind, configuration: pick(input, ACTIVITY_DEFAULT_FIELDS) as ActivityTypeDefaults };
  state.store.saveType(record);
  return undefined;
}

export function describeType(state: EngineState, kind: TypeKind, input: OperationInput<'DescribeWorkflowType' | 'DescribeActivityType'>): Record<string, unknown> {
  const record = requireType(state, input.domain, kind, typeRefOf(input));
  return { typeInfo: typeInfo(record), configuration: { ...record.configuration } };
}

export function listTypes(state: EngineState, kind: TypeKind, input: OperationInput<'ListWorkflowTypes' | 'ListActivityTypes'>): Record<string, unknown> {
  requireDomain(state, input.domain);
  const types = state.store
    .listTypes(input.domain, kind)
    .filter((type) => type.status === input.registrationStatus && (input.name === undefined || type.name === input.name));
  const { page, nextPageToken } = pageOf(types, (type) => [type.name, type.version], {
    kind: `List${KIND_LABEL[kind]}s`,
    nextPageToken: input.nextPageToken,
    maximumPageSize: input.maximumPageSize,
    descending: input.reverseOrder === true,
    now: state.now(),
  });
  return { typeInfos: page.map(typeInfo), ...(nextPageToken ? { nextPageToken } : {}) };
}

export function deprecateType(state: EngineState, kind: TypeKind, input: OperationInput<'DeprecateWorkflowType' | 'DeprecateActivityType'>): undefined {
  const record = requireType(state, input.domain, kind, typeRefOf(input));
  if (record.status === 'DEPRECATED') throw fault('TypeDeprecatedFault', describeRef(kind, record));
  record.status = 'DEPRECATED';
  record.deprecationDate = state.now();
  state.store.saveType(record);
  return undefined;
}

export function undeprecateType(state: EngineState, kind: TypeKind, input: OperationInput<'UndeprecateWorkflowType' | 'UndeprecateActivityType'>): undefined {
  const record = requireType(state, input.domain, kind, typeRefOf(input));
  if (record.status === 'REGISTERED') throw fault('TypeAlreadyExistsFault', describeRef(kind, record));
  record.status = 'REGISTERED';
  delete record.deprecationDate;
  state.store.saveType(record);
  return undefined;
}

export function deleteType(state: EngineState, kind: TypeKind, input: OperationInput<'DeleteWorkflowType' | 'DeleteActivityType'>): undefined {
  const record = requireType(state, input.domain, kind, typeRefOf(input));
  if (record.status !== 'DEPRECATED') {
    throw fault('TypeNotDeprecatedFault', `${describeRef(kind, record)} must be deprecated before it can be deleted`);
  }
  state.store.deleteType(record.domain, kind, record.name, record.version);
  return undefined;
}

/** The `workflowType` or `activityType` an operation names. */
function typeRefOf(input: { workflowType: TypeRef } | { activityType: TypeRef }): TypeRef {
  return 'workflowType' in input ? input.workflowType : input.activityType;
}

function describeRef(kind: TypeKind, type: TypeRef): string {
  return `${KIND_LABEL[kind]}=[name=${type.name}, version=${type.version}]`;
}

function typeInfo(record: TypeRecord): Record<string, unknown> {
  return {
    [TYPE_FIELD[record.kind]]: { name: record.name, version: record.version },
    status: record.status,
    ...(record.description !== undefined ? { description: record.description } : {}),
    creationDate: toWireTime(record.creationDate),
    ...(record.deprecationDate !== undefined ? { deprecationDate: toWireTime(record.deprecationDate) } : {}),
  };
}
