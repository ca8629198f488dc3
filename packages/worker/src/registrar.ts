/**
 * Registers the domain and every workflow and activity type at start, idempotently. A type that
 * already exists is described and compared: differing defaults are a warning (SWF keeps the
 * registered ones), a deprecated type is an error because SWF would refuse to use it.
 */
import {
  DescribeActivityTypeCommand,
  DescribeDomainCommand,
  DescribeWorkflowTypeCommand,
  RegisterActivityTypeCommand,
  RegisterDomainCommand,
  RegisterWorkflowTypeCommand,
  type SWFClient,
} from '@aws-sdk/client-swf';
import type { ResolvedActivityType, ResolvedWorkflowType } from '@swirl/core';
import type { Logger } from 'pino';
import { isSwfError } from './sdk-errors.js';

export interface RegistrarOptions {
  readonly client: SWFClient;
  readonly domain: string;
  readonly retentionDays: number;
  readonly logger: Logger;
}

/** The domain or a type exists but is deprecated: SWF refuses new executions or tasks for it. */
export class DeprecatedRegistrationError extends Error {
  override readonly name = 'DeprecatedRegistrationError';
}

/** One registered default that differs from the code's. */
export interface DefaultDifference {
  readonly field: string;
  readonly registered: string | undefined;
  readonly code: string | undefined;
}

type Comparable = Record<string, string | { name?: string | undefined } | undefined>;

/** Compares the defaults the code declares with the ones SWF has registered. */
export function compareDefaults(code: Comparable, registered: Comparable): DefaultDifference[] {
  const flat = (value: Comparable[string]) => (typeof value === 'object' ? value.name : value);
  // SWF reports an unset priority as "0"; that is not a difference.
  const normalized = (field: string, value: string | undefined) => (field === 'defaultTaskPriority' ? (value ?? '0') : value);
  const fields = new Set([...Object.keys(code), ...Object.keys(registered)]);
  const differences: DefaultDifference[] = [];
  for (const field of [...fields].sort()) {
    const codeValue = normalized(field, flat(code[field]));
    const registeredValue = normalized(field, flat(registered[field]));
    if (codeValue !== registeredValue) differences.push({ field, registered: registeredValue, code: codeValue });
  }
  return differences;
}

export class Registrar {
  readonly #options: RegistrarOptions;

  constructor(options: RegistrarOptions) {
    this.#options = options;
  }

  async registerAll(workflowTypes: ResolvedWorkflowType[], activityTypes: ResolvedActivityType[]): Promise<void> {
    await this.registerDomain();
    for (const type of workflowTypes) await this.registerWorkflowType(type);
    for (const type of activityTypes) await this.registerActivityType(type);
  }

  async registerDomain(): Promise<void> {
    const { client, domain, retentionDays, logger } = this.#options;
    try {
      await client.send(new RegisterDomainCommand({ name: domain, workflowExecutionRetentionPeriodInDays: String(retentionDays) }));
      logger.info({ domain, retentionDays }, 'registered domain');
      return;
    } catch (error) {
      if (!isSwfError(error, 'DomainAlreadyExistsFault')) throw error;
    }
    const described = await client.send(new DescribeDomainCommand({ name: domain }));
    if (described.domainInfo?.status === 'DEPRECATED') {
      throw new DeprecatedRegistrationError(
        `Domain ${domain} is deprecated: SWF starts no executions in it. Undeprecate it (UndeprecateDomain) or use another domain`,
      );
    }
  }

  async registerWorkflowType(type: ResolvedWorkflowType): Promise<void> {
    const { client, domain, logger } = this.#options;
    try {
      await client.send(new RegisterWorkflowTypeCommand({ domain, ...type }));
      logger.info({ workflowType: type.name, version: type.version }, 'registered workflow type');
      return;
    } catch (error) {
      if (!isSwfError(error, 'TypeAlreadyExistsFault')) throw error;
    }
    const described = await client.send(
      new DescribeWorkflowTypeCommand({ domain, workflowType: { name: type.name, version: type.version } }),
    );
    if (described.typeInfo?.status === 'DEPRECATED') {
      throw new DeprecatedRegistrationError(
        `Workflow type ${type.name} version ${type.version} is deprecated in domain ${domain}: SWF refuses to start it. Give the workflow class a new version, or undeprecate the type`,
      );
    }
    const { name: _name, version: _version, description, ...defaults } = type;
    const configuration = described.configuration ?? {};
    this.#warnOnDifferences(
      { kind: 'workflow', name: type.name, version: type.version },
      compareDefaults(
        { ...defaults, description },
        {
          defaultTaskList: configuration.defaultTaskList,
          defaultExecutionStartToCloseTimeout: configuration.defaultExecutionStartToCloseTimeout,
          defaultTaskStartToCloseTimeout: configuration.defaultTaskStartToCloseTimeout,
          defaultChildPolicy: configuration.defaultChildPolicy,
          defaultTaskPriority: configuration.defaultTaskPriority,
          defaultLambdaRole: configuration.defaultLambdaRole,
          description: described.typeInfo?.description,
        },
      ),
    );
  }

  async registerActivityType(type: ResolvedActivityType): Promise<void> {
    const { client, domain, logger } = this.#options;
    const { method: _method, ...wire } = type;
    try {
      await client.send(new RegisterActivityTypeCommand({ domain, ...wire }));
      logger.info({ activityType: type.name, version: type.version }, 'registered activity type');
      return;
    } catch (error) {
      if (!isSwfError(error, 'TypeAlreadyExistsFault')) throw error;
    }
    const described = await client.send(
      new DescribeActivityTypeCommand({ domain, activityType: { name: type.name, version: type.version } }),
    );
    if (described.typeInfo?.status === 'DEPRECATED') {
      throw new DeprecatedRegistrationError(
        `Activity type ${type.name} version ${type.version} is deprecated in domain ${domain}: workflows can no longer schedule it. Give the activities class a new version, or undeprecate the type`,
      );
    }
    const { name: _name, version: _version, description, ...defaults } = wire;
    const configuration = described.configuration ?? {};
    this.#warnOnDifferences(
      { kind: 'activity', name: type.name, version: type.version },
      compareDefaults(
        { ...defaults, description },
        {
          defaultTaskList: configuration.defaultTaskList,
          defaultTaskPriority: configuration.defaultTaskPriority,
          defaultTaskScheduleToStartTimeout: configuration.defaultTaskScheduleToStartTimeout,
          defaultTaskStartToCloseTimeout: configuration.defaultTaskStartToCloseTimeout,
          defaultTaskScheduleToCloseTimeout: configuration.defaultTaskScheduleToCloseTimeout,
          defaultTaskHeartbeatTimeout: configuration.defaultTaskHeartbeatTimeout,
          description: described.typeInfo?.description,
        },
      ),
    );
  }

  #warnOnDifferences(type: { kind: string; name: string; version: string }, differences: DefaultDifference[]): void {
    if (differences.length === 0) return;
    this.#options.logger.warn(
      { [`${type.kind}Type`]: type.name, version: type.version, differences },
      `${type.kind} type ${type.name} version ${type.version} is registered with other defaults than the code declares; SWF uses the registered ones. Bump the version to change them`,
    );
  }
}
