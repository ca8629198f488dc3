import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectSwfError, startConformance } from './harness.js';
import type { Conformance } from './harness.js';

describe('domains and tags over HTTP', () => {
  let c: Conformance;
  beforeAll(async () => {
    c = await startConformance({ accountId: '111122223333' });
  });
  afterAll(async () => c.close());
  beforeEach(async () => {
    await fetch(`${c.server.endpoint}/_swirl/reset`, { method: 'POST' });
  });

  it('registers, describes, deprecates and undeprecates a domain', async () => {
    await c.swf.registerDomain({ name: 'orders', workflowExecutionRetentionPeriodInDays: '7', description: 'order processing' });
    const described = await c.swf.describeDomain({ name: 'orders' });
    expect(described.domainInfo).toEqual({
      name: 'orders',
      status: 'REGISTERED',
      description: 'order processing',
      arn: 'arn:aws:swf:us-east-1:111122223333:/domain/orders',
    });
    expect(described.configuration).toEqual({ workflowExecutionRetentionPeriodInDays: '7' });

    await c.swf.deprecateDomain({ name: 'orders' });
    expect((await c.swf.describeDomain({ name: 'orders' })).domainInfo?.status).toBe('DEPRECATED');
    await expectSwfError(c.swf.deprecateDomain({ name: 'orders' }), 'DomainDeprecatedFault');

    await c.swf.undeprecateDomain({ name: 'orders' });
    expect((await c.swf.describeDomain({ name: 'orders' })).domainInfo?.status).toBe('REGISTERED');
    await expectSwfError(c.swf.undeprecateDomain({ name: 'orders' }), 'DomainAlreadyExistsFault');
  });

  it('uses the signed region in ARNs', async () => {
    const { SWF } = await import('@aws-sdk/client-swf');
    const euClient = new SWF({ endpoint: c.server.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    try {
      await euClient.registerDomain({ name: 'eu', workflowExecutionRetentionPeriodInDays: '1' });
      expect((await euClient.describeDomain({ name: 'eu' })).domainInfo?.arn).toBe('arn:aws:swf:eu-west-1:111122223333:/domain/eu');
    } finally {
      euClient.destroy();
    }
  });

  it('refuses a domain that exists, registered or deprecated, with DomainAlreadyExistsFault', async () => {
    await c.swf.registerDomain({ name: 'd', workflowExecutionRetentionPeriodInDays: '1' });
    await expectSwfError(c.swf.registerDomain({ name: 'd', workflowExecutionRetentionPeriodInDays: '1' }), 'DomainAlreadyExistsFault');
    await c.swf.deprecateDomain({ name: 'd' });
    await expectSwfError(c.swf.registerDomain({ name: 'd', workflowExecutionRetentionPeriodInDays: '1' }), 'DomainAlreadyExistsFault');
  });

  it('answers UnknownResourceFault for a domain that does not exist, with the real message', async () => {
    const error = await expectSwfError(c.swf.describeDomain({ name: 'nowhere' }), 'UnknownResourceFault');
    expect(error.message).toBe('Unknown domain: nowhere');
    await expectSwfError(c.swf.deprecateDomain({ name: 'nowhere' }), 'UnknownResourceFault');
    await expectSwfError(c.swf.undeprecateDomain({ name: 'nowhere' }), 'UnknownResourceFault');
  });

  it('lists domains by status, sorted by name, with paging and reverseOrder', async () => {
    for (const name of ['delta', 'alpha', 'charlie', 'bravo']) {
      await c.swf.registerDomain({ name, workflowExecutionRetentionPeriodInDays: '1' });
    }
    await c.swf.deprecateDomain({ name: 'charlie' });

    const registered = await c.swf.listDomains({ registrationStatus: 'REGISTERED' });
    expect(registered.domainInfos?.map((info) => info.name)).toEqual(['alpha', 'bravo', 'delta']);
    const deprecated = await c.swf.listDomains({ registrationStatus: 'DEPRECATED' });
    expect(deprecated.domainInfos?.map((info) => info.name)).toEqual(['charlie']);

    const first = await c.swf.listDomains({ registrationStatus: 'REGISTERED', maximumPageSize: 2 });
    expect(first.domainInfos?.map((info) => info.name)).toEqual(['alpha', 'bravo']);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const second = await c.swf.listDomains({ registrationStatus: 'REGISTERED', maximumPageSize: 2, nextPageToken: first.nextPageToken });
    expect(second.domainInfos?.map((info) => info.name)).toEqual(['delta']);
    expect(second.nextPageToken).toBeUndefined();

    const reversed = await c.swf.listDomains({ registrationStatus: 'REGISTERED', reverseOrder: true });
    expect(reversed.domainInfos?.map((info) => info.name)).toEqual(['delta', 'bravo', 'alpha']);
  });

  it('refuses the 101st domain with LimitExceededFault, deprecated ones counting', async () => {
    for (let index = 0; index < 100; index += 1) {
      await c.swf.registerDomain({ name: `d${index}`, workflowExecutionRetentionPeriodInDays: '1' });
    }
    await c.swf.deprecateDomain({ name: 'd0' });
    await expectSwfError(c.swf.registerDomain({ name: 'one-too-many', workflowExecutionRetentionPeriodInDays: '1' }), 'LimitExceededFault');
  });

  it('tags a domain at registration and through Tag/Untag/ListTagsForResource', async () => {
    await c.swf.registerDomain({ name: 'tagged', workflowExecutionRetentionPeriodInDays: '1', tags: [{ key: 'team', value: 'payments' }] });
    const arn = (await c.swf.describeDomain({ name: 'tagged' })).domainInfo?.arn;
    expect(arn).toBeDefined();
    expect((await c.swf.listTagsForResource({ resourceArn: arn })).tags).toEqual([{ key: 'team', value: 'payments' }]);

    await c.swf.tagResource({ resourceArn: arn, tags: [{ key: 'env', value: 'test' }] });
    const tags = (await c.swf.listTagsForResource({ resourceArn: arn })).tags ?? [];
    expect([...tags].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))).toEqual([
      { key: 'env', value: 'test' },
      { key: 'team', value: 'payments' },
    ]);

    await c.swf.untagResource({ resourceArn: arn, tagKeys: ['team'] });
    expect((await c.swf.listTagsForResource({ resourceArn: arn })).tags).toEqual([{ key: 'env', value: 'test' }]);
  });

  it('refuses more than 50 domain tags with TooManyTagsFault', async () => {
    const tags = Array.from({ length: 51 }, (_, index) => ({ key: `k${index}`, value: 'v' }));
    await expectSwfError(c.swf.registerDomain({ name: 'crowded', workflowExecutionRetentionPeriodInDays: '1', tags }), 'TooManyTagsFault');

    await c.swf.registerDomain({ name: 'crowded', workflowExecutionRetentionPeriodInDays: '1', tags: tags.slice(0, 50) });
    const arn = (await c.swf.describeDomain({ name: 'crowded' })).domainInfo?.arn;
    await expectSwfError(c.swf.tagResource({ resourceArn: arn, tags: [{ key: 'k50', value: 'v' }] }), 'TooManyTagsFault');
  });

  it('answers UnknownResourceFault for tags of an unknown ARN', async () => {
    await expectSwfError(c.swf.listTagsForResource({ resourceArn: 'arn:aws:swf:us-east-1:111122223333:/domain/ghost' }), 'UnknownResourceFault');
  });

  it('wipes every domain on POST /_swirl/reset and POST /moto-api/reset', async () => {
    await c.swf.registerDomain({ name: 'temporary', workflowExecutionRetentionPeriodInDays: '1' });
    expect((await fetch(`${c.server.endpoint}/moto-api/reset`, { method: 'POST' })).status).toBe(200);
    await expectSwfError(c.swf.describeDomain({ name: 'temporary' }), 'UnknownResourceFault');
    expect((await c.swf.listDomains({ registrationStatus: 'REGISTERED' })).domainInfos).toEqual([]);
  });
});
