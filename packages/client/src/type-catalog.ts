/**
 * Workflow and activity type administration in one domain. Registration reads the static `type`
 * of workflow and activities classes through core, so it matches what the worker registers.
 */
import {
  DeprecateActivityTypeCommand,
  DeprecateWorkflowTypeCommand,
  DescribeActivityTypeCommand,
  DescribeWorkflowTypeCommand,
  paginateListActivityTypes,
  paginateListWorkflowTypes,
  RegisterActivityTypeCommand,
  RegisterWorkflowTypeCommand,
  UndeprecateActivityTypeCommand,
  UndeprecateWorkflowTypeCommand,
  type ActivityTypeInfo,
  type ChildPolicy,
  type ActivityTypeDetail,
  type WorkflowTypeDetail,
  type RegistrationStatus,
  type SWFClient,
  type WorkflowTypeInfo,
} from '@aws-sdk/client-swf';
import {
  resolveActivityTypes,
  resolveWorkflowType,
  type ActivityTypeCarrier,
  type ResolvedActivityType,
  type WorkflowTypeCarrier,
} from '@swirl/core';
import { assertKnownOptions, type OptionKeys } from './option-keys.js';
import { withSdkContext, withSdkContextPages } from './sdk-error-context.js';

/** A type's name and version, as SWF identifies it. */
export interface TypeId {
  readonly name: string;
  readonly version: string;
}

export type TypeKind = 'workflow' | 'activity';

export interface ListTypesOptions {
  /** Registered or deprecated types. @default 'REGISTERED' */
  readonly status?: RegistrationStatus | `${RegistrationStatus}`;
  /** Only types with this name. @default every name */
  readonly name?: string;
  /** Types per SWF page (1-1000). @default SWF's 1000 */
  readonly pageSize?: number;
}

const LIST_TYPES_OPTION_KEYS = { status: true, name: true, pageSize: true } as const satisfies OptionKeys<ListTypesOptions>;

export class TypeCatalog {
  readonly #swf: SWFClient;
  readonly #domain: string;

  constructor(swf: SWFClient, domain: string) {
    this.#swf = swf;
    this.#domain = domain;
  }

  /** Registers a workflow class's type with the defaults from its static `type`. */
  async registerWorkflowType(workflowClass: WorkflowTypeCarrier): Promise<TypeId> {
    const { name, version, ...defaults } = resolveWorkflowType(workflowClass);
    await withSdkContext('RegisterWorkflowType', this.#target('workflow', { name, version }), () =>
      this.#swf.send(
        new RegisterWorkflowTypeCommand({
          domain: this.#domain,
          name,
          version,
          ...defaults,
          defaultChildPolicy: defaults.defaultChildPolicy as ChildPolicy,
        }),
      ),
    );
    return { name, version };
  }

  /** Registers one activity type per public method of an activities class. */
  async registerActivityTypes(activitiesClass: ActivityTypeCarrier): Promise<TypeId[]> {
    const registered: TypeId[] = [];
    for (const resolved of resolveActivityTypes(activitiesClass)) {
      const { method: _method, name, version, ...defaults }: ResolvedActivityType = resolved;
      await withSdkContext('RegisterActivityType', this.#target('activity', { name, version }), () =>
        this.#swf.send(new RegisterActivityTypeCommand({ domain: this.#domain, name, version, ...defaults })),
      );
      registered.push({ name, version });
    }
    return registered;
  }

  async describeWorkflowType(type: TypeId): Promise<WorkflowTypeDetail> {
    return withSdkContext('DescribeWorkflowType', this.#target('workflow', type), () =>
      this.#swf.send(new DescribeWorkflowTypeCommand({ domain: this.#domain, workflowType: { ...type } })),
    );
  }

  async describeActivityType(type: TypeId): Promise<ActivityTypeDetail> {
    return withSdkContext('DescribeActivityType', this.#target('activity', type), () =>
      this.#swf.send(new DescribeActivityTypeCommand({ domain: this.#domain, activityType: { ...type } })),
    );
  }

  async *listWorkflowTypes(options: ListTypesOptions = {}): AsyncGenerator<WorkflowTypeInfo> {
    const pages = paginateListWorkflowTypes(this.#pagination(options), this.#listInput(options));
    for await (const page of withSdkContextPages('ListWorkflowTypes', `(domain=${this.#domain})`, pages)) yield* page.typeInfos ?? [];
  }

  async *listActivityTypes(options: ListTypesOptions = {}): AsyncGenerator<ActivityTypeInfo> {
    const pages = paginateListActivityTypes(this.#pagination(options), this.#listInput(options));
    for await (const page of withSdkContextPages('ListActivityTypes', `(domain=${this.#domain})`, pages)) yield* page.typeInfos ?? [];
  }

  async deprecate(kind: TypeKind, type: TypeId): Promise<void> {
    const target = this.#target(kind, type);
    if (kind === 'workflow') {
      await withSdkContext('DeprecateWorkflowType', target, () =>
        this.#swf.send(new DeprecateWorkflowTypeCommand({ domain: this.#domain, workflowType: { ...type } })),
      );
    } else {
      await withSdkContext('DeprecateActivityType', target, () =>
        this.#swf.send(new DeprecateActivityTypeCommand({ domain: this.#domain, activityType: { ...type } })),
      );
    }
  }

  async undeprecate(kind: TypeKind, type: TypeId): Promise<void> {
    const target = this.#target(kind, type);
    if (kind === 'workflow') {
      await withSdkContext('UndeprecateWorkflowType', target, () =>
        this.#swf.send(new UndeprecateWorkflowTypeCommand({ domain: this.#domain, workflowType: { ...type } })),
      );
    } else {
      await withSdkContext('UndeprecateActivityType', target, () =>
        this.#swf.send(new UndeprecateActivityTypeCommand({ domain: this.#domain, activityType: { ...type } })),
      );
    }
  }

  #listInput(options: ListTypesOptions) {
    assertKnownOptions('TypeCatalog list options', options, LIST_TYPES_OPTION_KEYS);
    return {
      domain: this.#domain,
      registrationStatus: (options.status ?? 'REGISTERED') as RegistrationStatus,
      ...(options.name !== undefined && { name: options.name }),
    };
  }

  #pagination(options: ListTypesOptions) {
    return { client: this.#swf, ...(options.pageSize !== undefined && { pageSize: options.pageSize }) };
  }

  #target(kind: TypeKind, type: TypeId): string {
    return `(domain=${this.#domain}, ${kind}Type=${type.name}@${type.version})`;
  }
}
