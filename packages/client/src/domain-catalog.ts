/**
 * Domain administration over the SDK: register, describe, list, deprecate and undeprecate.
 */
import {
  DeprecateDomainCommand,
  DescribeDomainCommand,
  paginateListDomains,
  RegisterDomainCommand,
  UndeprecateDomainCommand,
  type DomainDetail,
  type DomainInfo,
  type RegistrationStatus,
  type SWFClient,
} from '@aws-sdk/client-swf';
import { assertKnownOptions, type OptionKeys } from './option-keys.js';
import { withSdkContext, withSdkContextPages } from './sdk-error-context.js';

export interface RegisterDomainOptions {
  readonly name: string;
  /** Days closed executions stay visible (0-90). @default 30 */
  readonly retentionPeriodInDays?: number;
  /** Free text shown by DescribeDomain (at most 1024 characters). @default none */
  readonly description?: string;
  /** Resource tags of the domain, key to value (at most 50). @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface ListDomainsOptions {
  /** Registered or deprecated domains. @default 'REGISTERED' */
  readonly status?: RegistrationStatus | `${RegistrationStatus}`;
  /** Domains per SWF page (1-1000). @default SWF's 1000 */
  readonly pageSize?: number;
}

const REGISTER_OPTION_KEYS = { name: true, retentionPeriodInDays: true, description: true, tags: true } as const satisfies OptionKeys<RegisterDomainOptions>;
const LIST_OPTION_KEYS = { status: true, pageSize: true } as const satisfies OptionKeys<ListDomainsOptions>;

export class DomainCatalog {
  readonly #swf: SWFClient;

  constructor(swf: SWFClient) {
    this.#swf = swf;
  }

  async register(options: RegisterDomainOptions): Promise<void> {
    assertKnownOptions('DomainCatalog.register options', options, REGISTER_OPTION_KEYS);
    const tags = Object.entries(options.tags ?? {}).map(([key, value]) => ({ key, value }));
    await withSdkContext('RegisterDomain', `(name=${options.name})`, () =>
      this.#swf.send(
        new RegisterDomainCommand({
          name: options.name,
          workflowExecutionRetentionPeriodInDays: String(options.retentionPeriodInDays ?? 30),
          ...(options.description !== undefined && { description: options.description }),
          ...(tags.length > 0 && { tags }),
        }),
      ),
    );
  }

  async describe(name: string): Promise<DomainDetail> {
    return withSdkContext('DescribeDomain', `(name=${name})`, () => this.#swf.send(new DescribeDomainCommand({ name })));
  }

  /** Domains with the given status, sorted by name, fetched page by page. */
  async *list(options: ListDomainsOptions = {}): AsyncGenerator<DomainInfo> {
    assertKnownOptions('DomainCatalog.list options', options, LIST_OPTION_KEYS);
    const registrationStatus = (options.status ?? 'REGISTERED') as RegistrationStatus;
    const pages = paginateListDomains(
      { client: this.#swf, ...(options.pageSize !== undefined && { pageSize: options.pageSize }) },
      { registrationStatus },
    );
    for await (const page of withSdkContextPages('ListDomains', `(registrationStatus=${registrationStatus})`, pages)) yield* page.domainInfos ?? [];
  }

  async deprecate(name: string): Promise<void> {
    await withSdkContext('DeprecateDomain', `(name=${name})`, () => this.#swf.send(new DeprecateDomainCommand({ name })));
  }

  async undeprecate(name: string): Promise<void> {
    await withSdkContext('UndeprecateDomain', `(name=${name})`, () => this.#swf.send(new UndeprecateDomainCommand({ name })));
  }
}
