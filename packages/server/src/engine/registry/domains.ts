/** Domains: register, describe, list, deprecate, undeprecate, and their tags. */
import type { DomainRecord, ResourceTag } from '../../store/records.js';
import { fault, unknownDomain } from '../faults.js';
import { ENGINE_LIMITS } from '../limits.js';
import type { OperationInput } from '../operations.js';
import { pageOf } from '../visibility/paging.js';
import type { EngineState } from '../engine-state.js';

const MAX_DOMAINS = ENGINE_LIMITS.domains;
const MAX_DOMAIN_TAGS = ENGINE_LIMITS.domainTags;

const toResourceTag = (tag: { key: string; value?: string | undefined }): ResourceTag =>
  tag.value === undefined ? { key: tag.key } : { key: tag.key, value: tag.value };

export const domainArn = (state: EngineState, region: string, name: string): string =>
  `arn:aws:swf:${region}:${state.accountId}:/domain/${name}`;

export function requireDomain(state: EngineState, name: string): DomainRecord {
  const domain = state.store.getDomain(name);
  if (!domain) throw unknownDomain(name);
  return domain;
}

/** A domain that accepts new executions and registrations (deprecated domains refuse them). */
export function requireActiveDomain(state: EngineState, name: string): DomainRecord {
  const domain = requireDomain(state, name);
  if (domain.status === 'DEPRECATED') throw fault('DomainDeprecatedFault', name);
  return domain;
}

export function registerDomain(state: EngineState, input: OperationInput<'RegisterDomain'>): undefined {
  const name: string = input.name;
  if (state.store.getDomain(name)) throw fault('DomainAlreadyExistsFault', name);
  if (state.store.countDomains() >= MAX_DOMAINS) {
    throw fault('LimitExceededFault', `Limit of ${MAX_DOMAINS} domains (registered and deprecated) reached`);
  }
  const tags = input.tags ?? [];
  if (tags.length > MAX_DOMAIN_TAGS) throw fault('TooManyTagsFault', `A domain may carry at most ${MAX_DOMAIN_TAGS} tags, got ${tags.length}`);
  const domain: DomainRecord = {
    name,
    status: 'REGISTERED',
    workflowExecutionRetentionPeriodInDays: String(input.workflowExecutionRetentionPeriodInDays),
    tags: tags.map(toResourceTag),
  };
  if (input.description !== undefined) domain.description = input.description;
  state.store.saveDomain(domain);
  return undefined;
}

export function describeDomain(state: EngineState, input: OperationInput<'DescribeDomain'>, region: string): Record<string, unknown> {
  const domain = requireDomain(state, input.name);
  return {
    domainInfo: domainInfo(state, domain, region),
    configuration: { workflowExecutionRetentionPeriodInDays: domain.workflowExecutionRetentionPeriodInDays },
  };
}

export function listDomains(state: EngineState, input: OperationInput<'ListDomains'>, region: string): Record<string, unknown> {
  const domains = state.store.listDomains().filter((domain) => domain.status === input.registrationStatus);
  const { page, nextPageToken } = pageOf(domains, (domain) => [domain.name], {
    kind: 'ListDomains',
    nextPageToken: input.nextPageToken,
    maximumPageSize: input.maximumPageSize,
    descending: input.reverseOrder === true,
    now: state.now(),
  });
  return { domainInfos: page.map((domain) => domainInfo(state, domain, region)), ...(nextPageToken ? { nextPageToken } : {}) };
}

export function deprecateDomain(state: EngineState, input: OperationInput<'DeprecateDomain'>): undefined {
  const domain = requireDomain(state, input.name);
  if (domain.status === 'DEPRECATED') throw fault('DomainDeprecatedFault', domain.name);
  domain.status = 'DEPRECATED';
  state.store.saveDomain(domain);
  // Deprecating a domain deprecates its types; running executions continue.
  const now = state.now();
  for (const kind of ['workflow', 'activity'] as const) {
    for (const type of state.store.listTypes(domain.name, kind)) {
      if (type.status === 'DEPRECATED') continue;
      type.status = 'DEPRECATED';
      type.deprecationDate = now;
      state.store.saveType(type);
    }
  }
  return undefined;
}

export function undeprecateDomain(state: EngineState, input: OperationInput<'UndeprecateDomain'>): undefined {
  const domain = requireDomain(state, input.name);
  if (domain.status === 'REGISTERED') throw fault('DomainAlreadyExistsFault', domain.name);
  domain.status = 'REGISTERED';
  state.store.saveDomain(domain);
  return undefined;
}

function domainInfo(state: EngineState, domain: DomainRecord, region: string): Record<string, unknown> {
  return {
    name: domain.name,
    status: domain.status,
    ...(domain.description !== undefined ? { description: domain.description } : {}),
    arn: domainArn(state, region, domain.name),
  };
}

/** Resolves a domain ARN (any region or account: the local server has one namespace). */
function domainOfArn(state: EngineState, arn: string): DomainRecord {
  const match = /^arn:aws[\w-]*:swf:[^:]*:[^:]*:\/domain\/(.+)$/.exec(arn);
  const domain = match?.[1] !== undefined ? state.store.getDomain(match[1]) : undefined;
  if (!domain) throw fault('UnknownResourceFault', `Unknown resource: ${arn}`);
  return domain;
}

export function tagResource(state: EngineState, input: OperationInput<'TagResource'>): undefined {
  const domain = domainOfArn(state, input.resourceArn);
  const tags = new Map(domain.tags.map((tag) => [tag.key, tag]));
  for (const tag of input.tags) tags.set(tag.key, toResourceTag(tag));
  if (tags.size > MAX_DOMAIN_TAGS) {
    throw fault('TooManyTagsFault', `A domain may carry at most ${MAX_DOMAIN_TAGS} tags; this call would leave ${tags.size}`);
  }
  domain.tags = [...tags.values()];
  state.store.saveDomain(domain);
  return undefined;
}

export function untagResource(state: EngineState, input: OperationInput<'UntagResource'>): undefined {
  const domain = domainOfArn(state, input.resourceArn);
  const remove = new Set<string>(input.tagKeys);
  domain.tags = domain.tags.filter((tag) => !remove.has(tag.key));
  state.store.saveDomain(domain);
  return undefined;
}

export function listTagsForResource(state: EngineState, input: OperationInput<'ListTagsForResource'>): Record<string, unknown> {
  const domain = domainOfArn(state, input.resourceArn);
  return { tags: domain.tags.map((tag) => ({ ...tag })) };
}
