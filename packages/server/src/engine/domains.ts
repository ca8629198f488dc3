import type { DomainRecord, ResourceTag } from '../store/records.js';
import { fault, unknownDomain } from './faults.js';
import { ENGINE_LIMITS } from './limits.js';
import type { OperationInput } from './operations.js';
import { pageOf } from './paging.js';
import type { Runtime } from './runtime.js';

const MAX_DOMAINS = ENGINE_LIMITS.domains;
const MAX_DOMAIN_TAGS = ENGINE_LIMITS.domainTags;

const toResourceTag = (tag: { key: string; value?: string | undefined }): ResourceTag =>
  tag.value === undefined ? { key: tag.key } : { key: tag.key, value: tag.value };

export const domainArn = (rt: Runtime, region: string, name: string): string =>
  `arn:aws:swf:${region}:${rt.accountId}:/domain/${name}`;

export function requireDomain(rt: Runtime, name: string): DomainRecord {
  const domain = rt.store.getDomain(name);
  if (!domain) throw unknownDomain(name);
  return domain;
}

/** A domain that accepts new executions and registrations (deprecated domains refuse them). */
export function requireActiveDomain(rt: Runtime, name: string): DomainRecord {
  const domain = requireDomain(rt, name);
  if (domain.status === 'DEPRECATED') throw fault('DomainDeprecatedFault', name);
  return domain;
}

export function registerDomain(rt: Runtime, input: OperationInput<'RegisterDomain'>): undefined {
  const name: string = input.name;
  if (rt.store.getDomain(name)) throw fault('DomainAlreadyExistsFault', name);
  if (rt.store.countDomains() >= MAX_DOMAINS) {
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
  rt.store.saveDomain(domain);
  return undefined;
}

export function describeDomain(rt: Runtime, input: OperationInput<'DescribeDomain'>, region: string): Record<string, unknown> {
  const domain = requireDomain(rt, input.name);
  return {
    domainInfo: domainInfo(rt, domain, region),
    configuration: { workflowExecutionRetentionPeriodInDays: domain.workflowExecutionRetentionPeriodInDays },
  };
}

export function listDomains(rt: Runtime, input: OperationInput<'ListDomains'>, region: string): Record<string, unknown> {
  const domains = rt.store.listDomains().filter((domain) => domain.status === input.registrationStatus);
  const { page, nextPageToken } = pageOf(domains, (domain) => [domain.name], {
    kind: 'ListDomains',
    nextPageToken: input.nextPageToken,
    maximumPageSize: input.maximumPageSize,
    descending: input.reverseOrder === true,
    now: rt.now(),
  });
  return { domainInfos: page.map((domain) => domainInfo(rt, domain, region)), ...(nextPageToken ? { nextPageToken } : {}) };
}

export function deprecateDomain(rt: Runtime, input: OperationInput<'DeprecateDomain'>): undefined {
  const domain = requireDomain(rt, input.name);
  if (domain.status === 'DEPRECATED') throw fault('DomainDeprecatedFault', domain.name);
  domain.status = 'DEPRECATED';
  rt.store.saveDomain(domain);
  // Deprecating a domain deprecates its types; running executions continue.
  const now = rt.now();
  for (const kind of ['workflow', 'activity'] as const) {
    for (const type of rt.store.listTypes(domain.name, kind)) {
      if (type.status === 'DEPRECATED') continue;
      type.status = 'DEPRECATED';
      type.deprecationDate = now;
      rt.store.saveType(type);
    }
  }
  return undefined;
}

export function undeprecateDomain(rt: Runtime, input: OperationInput<'UndeprecateDomain'>): undefined {
  const domain = requireDomain(rt, input.name);
  if (domain.status === 'REGISTERED') throw fault('DomainAlreadyExistsFault', domain.name);
  domain.status = 'REGISTERED';
  rt.store.saveDomain(domain);
  return undefined;
}

function domainInfo(rt: Runtime, domain: DomainRecord, region: string): Record<string, unknown> {
  return {
    name: domain.name,
    status: domain.status,
    ...(domain.description !== undefined ? { description: domain.description } : {}),
    arn: domainArn(rt, region, domain.name),
  };
}

/** Resolves a domain ARN (any region or account: the local server has one namespace). */
function domainOfArn(rt: Runtime, arn: string): DomainRecord {
  const match = /^arn:aws[\w-]*:swf:[^:]*:[^:]*:\/domain\/(.+)$/.exec(arn);
  const domain = match?.[1] !== undefined ? rt.store.getDomain(match[1]) : undefined;
  if (!domain) throw fault('UnknownResourceFault', `Unknown resource: ${arn}`);
  return domain;
}

export function tagResource(rt: Runtime, input: OperationInput<'TagResource'>): undefined {
  const domain = domainOfArn(rt, input.resourceArn);
  const tags = new Map(domain.tags.map((tag) => [tag.key, tag]));
  for (const tag of input.tags) tags.set(tag.key, toResourceTag(tag));
  if (tags.size > MAX_DOMAIN_TAGS) {
    throw fault('TooManyTagsFault', `A domain may carry at most ${MAX_DOMAIN_TAGS} tags; this call would leave ${tags.size}`);
  }
  domain.tags = [...tags.values()];
  rt.store.saveDomain(domain);
  return undefined;
}

export function untagResource(rt: Runtime, input: OperationInput<'UntagResource'>): undefined {
  const domain = domainOfArn(rt, input.resourceArn);
  const remove = new Set<string>(input.tagKeys);
  domain.tags = domain.tags.filter((tag) => !remove.has(tag.key));
  rt.store.saveDomain(domain);
  return undefined;
}

export function listTagsForResource(rt: Runtime, input: OperationInput<'ListTagsForResource'>): Record<string, unknown> {
  const domain = domainOfArn(rt, input.resourceArn);
  return { tags: domain.tags.map((tag) => ({ ...tag })) };
}
