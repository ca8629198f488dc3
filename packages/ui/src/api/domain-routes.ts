/** Domains (with status and retention) and a domain's registered workflow types. */
import {
  DescribeDomainCommand,
  paginateListDomains,
  paginateListWorkflowTypes,
  RegistrationStatus,
  type DomainInfo,
  type SWFClient,
  type WorkflowTypeInfo,
} from '@aws-sdk/client-swf';
import { Hono } from 'hono';

export interface DomainView {
  readonly name: string;
  readonly status: string;
  readonly description: string | undefined;
  readonly retentionDays: string | undefined;
}

async function allDomains(swf: SWFClient, status: RegistrationStatus): Promise<DomainInfo[]> {
  const domains: DomainInfo[] = [];
  for await (const page of paginateListDomains({ client: swf }, { registrationStatus: status })) domains.push(...(page.domainInfos ?? []));
  return domains;
}

export function domainRoutes(swf: SWFClient): Hono {
  const routes = new Hono();

  routes.get('/domains', async (c) => {
    const infos = [...(await allDomains(swf, RegistrationStatus.REGISTERED)), ...(await allDomains(swf, RegistrationStatus.DEPRECATED))];
    // Retention is only in DescribeDomain; a handful of domains is the norm, so one call each.
    const domains: DomainView[] = await Promise.all(
      infos.map(async (info) => {
        const described = await swf.send(new DescribeDomainCommand({ name: info.name }));
        return {
          name: info.name ?? '',
          status: info.status ?? '',
          description: info.description,
          retentionDays: described.configuration?.workflowExecutionRetentionPeriodInDays,
        };
      }),
    );
    return c.json({ domains });
  });

  routes.get('/domains/:domain/workflow-types', async (c) => {
    const types: WorkflowTypeInfo[] = [];
    for await (const page of paginateListWorkflowTypes({ client: swf }, { domain: c.req.param('domain'), registrationStatus: RegistrationStatus.REGISTERED })) {
      types.push(...(page.typeInfos ?? []));
    }
    return c.json({
      workflowTypes: types.map((info) => ({ name: info.workflowType?.name ?? '', version: info.workflowType?.version ?? '', description: info.description })),
    });
  });

  return routes;
}
