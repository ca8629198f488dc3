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
import type { Backoff } from './backoff.js';
import { sendAnswer } from './answer-retry.js';
import { describeError, isSwfError } from './sdk-errors.js';

export interface RegistrarOptions {
  readonly client: SWFClient;
  readonly domain: string;
  readonly retentionDays: number;
  readonly logger: Logger;
  /**
   * How long a registration call is sent again through throttling, 5xx and unreachable service
   * (the SDK's own three attempts are often not enough under a burst of throttling).
   * @default 60_000 ms
   */
  readonly retryForMs?: number;
  /** Aborted when the worker stops: registration gives up at once. */
  readonly stopSignal?: AbortSignal;
  readonly backoff?: () => Backoff;
}

const DEFAULT_RETRY_FOR_MS = 60_000;

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

/** A type as RegisterWorkflowType or RegisterActivityType takes it (without the domain). */
interface TypeRegistration {
  readonly name: string;
  readonly version: string;
  readonly description?: string | undefined;
}

/** What DescribeWorkflowType and DescribeActivityType answer, as far as the comparison reads it. */
interface DescribedType {
  readonly typeInfo?: { readonly status?: string | undefined; readonly description?: string | undefined } | undefined;
  readonly configuration?: object | undefined;
}

/** How one kind of type is registered and described; the steps around the calls are the same for both. */
interface TypeKind<Registration extends TypeRegistration> {
  readonly kind: 'workflow' | 'activity';
  /** The registered defaults DescribeXType reports in `configuration`, compared with the code's. */
  readonly defaultFields: readonly string[];
  /** What SWF does with a deprecated type of this kind, and what to do about it. */
  readonly deprecatedAdvice: string;
  register(client: SWFClient, domain: string, type: Registration): Promise<unknown>;
  describe(client: SWFClient, domain: string, type: { name: string; version: string }): Promise<DescribedType>;
}

const WORKFLOW_TYPES: TypeKind<ResolvedWorkflowType> = {
  kind: 'workflow',
  defaultFields: [
    'defaultTaskList',
    'defaultExecutionStartToCloseTimeout',
    'defaultTaskStartToCloseTimeout',
    'defaultChildPolicy',
    'defaultTaskPriority',
    'defaultLambdaRole',
  ],
  deprecatedAdvice: 'SWF refuses to start it. Give the workflow class a new version, or undeprecate the type',
  register: (client, domain, type) => client.send(new RegisterWorkflowTypeCommand({ domain, ...type })),
  describe: (client, domain, workflowType) => client.send(new DescribeWorkflowTypeCommand({ domain, workflowType })),
};

const ACTIVITY_TYPES: TypeKind<Omit<ResolvedActivityType, 'method'>> = {
  kind: 'activity',
  defaultFields: [
    'defaultTaskList',
    'defaultTaskPriority',
    'defaultTaskScheduleToStartTimeout',
    'defaultTaskStartToCloseTimeout',
    'defaultTaskScheduleToCloseTimeout',
    'defaultTaskHeartbeatTimeout',
  ],
  deprecatedAdvice: 'workflows can no longer schedule it. Give the activities class a new version, or undeprecate the type',
  register: (client, domain, type) => client.send(new RegisterActivityTypeCommand({ domain, ...type })),
  describe: (client, domain, activityType) => client.send(new DescribeActivityTypeCommand({ domain, activityType })),
};

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
      await this.#send('RegisterDomain', () => client.send(new RegisterDomainCommand({ name: domain, workflowExecutionRetentionPeriodInDays: String(retentionDays) })));
      logger.info({ retentionDays }, `registered domain ${domain}`);
      return;
    } catch (error) {
      if (!isSwfError(error, 'DomainAlreadyExistsFault')) throw error;
    }
    const described = await this.#send('DescribeDomain', () => client.send(new DescribeDomainCommand({ name: domain })));
    if (described.domainInfo?.status === 'DEPRECATED') {
      throw new DeprecatedRegistrationError(
        `Domain ${domain} is deprecated: SWF starts no executions in it. Undeprecate it (UndeprecateDomain) or use another domain`,
      );
    }
  }

  async registerWorkflowType(type: ResolvedWorkflowType): Promise<void> {
    await this.#registerType(WORKFLOW_TYPES, type);
  }

  async registerActivityType(type: ResolvedActivityType): Promise<void> {
    const { method: _method, ...registration } = type;
    await this.#registerType(ACTIVITY_TYPES, registration);
  }

  /** Registers a type; if it exists, fails when it is deprecated and warns when its defaults differ. */
  async #registerType<Registration extends TypeRegistration>(kind: TypeKind<Registration>, type: Registration): Promise<void> {
    const { client, domain, logger } = this.#options;
    const { name, version } = type;
    try {
      await this.#send(`Register${kind.kind === 'workflow' ? 'Workflow' : 'Activity'}Type`, () => kind.register(client, domain, type));
      logger.info({ [`${kind.kind}Type`]: name, version }, `registered ${kind.kind} type`);
      return;
    } catch (error) {
      if (!isSwfError(error, 'TypeAlreadyExistsFault')) throw error;
    }
    const described = await this.#send(`Describe${kind.kind === 'workflow' ? 'Workflow' : 'Activity'}Type`, () => kind.describe(client, domain, { name, version }));
    if (described.typeInfo?.status === 'DEPRECATED') {
      const kindName = kind.kind === 'workflow' ? 'Workflow' : 'Activity';
      throw new DeprecatedRegistrationError(`${kindName} type ${name} version ${version} is deprecated in domain ${domain}: ${kind.deprecatedAdvice}`);
    }
    const { name: _name, version: _version, description, ...defaults } = type;
    const configuration = (described.configuration ?? {}) as Comparable;
    const registered: Comparable = Object.fromEntries(kind.defaultFields.map((field) => [field, configuration[field]]));
    this.#warnOnDifferences(
      { kind: kind.kind, name, version },
      compareDefaults({ ...(defaults as Comparable), description }, { ...registered, description: described.typeInfo?.description }),
    );
  }

  /**
   * One registration call, sent again with jittered backoff while the failure is transient. Every
   * call is safe to repeat: a register that did reach SWF answers AlreadyExists the second time.
   */
  async #send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    const { logger, retryForMs = DEFAULT_RETRY_FOR_MS, stopSignal = new AbortController().signal } = this.#options;
    let result: T | undefined;
    await sendAnswer(
      async () => {
        result = await call();
      },
      {
        deadline: Date.now() + retryForMs,
        giveUp: stopSignal,
        ...(this.#options.backoff && { backoff: this.#options.backoff() }),
        onRetry: ({ attempt, error, retryInMs }) =>
          logger.warn({ err: describeError(error), operation, attempt, retryInMs }, `${operation} failed while registering; sending it again`),
      },
    );
    return result as T;
  }

  #warnOnDifferences(type: { kind: string; name: string; version: string }, differences: DefaultDifference[]): void {
    if (differences.length === 0) return;
    this.#options.logger.warn(
      { [`${type.kind}Type`]: type.name, version: type.version, differences },
      `${type.kind} type ${type.name} version ${type.version} is registered with other defaults than the code declares; SWF uses the registered ones. Bump the version to change them`,
    );
  }
}
