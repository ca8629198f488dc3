import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectSwfError, startConformance } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'types';

describe('workflow and activity types over HTTP', () => {
  let c: Conformance;
  beforeAll(async () => {
    c = await startConformance();
  });
  afterAll(async () => c.close());
  beforeEach(async () => {
    await fetch(`${c.server.endpoint}/_swirl/reset`, { method: 'POST' });
    await c.swf.registerDomain({ name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' });
  });

  it('registers and describes a workflow type with every default', async () => {
    await c.swf.registerWorkflowType({
      domain: DOMAIN,
      name: 'Billing',
      version: '2',
      description: 'monthly billing',
      defaultTaskStartToCloseTimeout: '30',
      defaultExecutionStartToCloseTimeout: '3600',
      defaultTaskList: { name: 'billing' },
      defaultTaskPriority: '5',
      defaultChildPolicy: 'REQUEST_CANCEL',
      defaultLambdaRole: 'arn:aws:iam::123456789012:role/lambda',
    });
    const described = await c.swf.describeWorkflowType({ domain: DOMAIN, workflowType: { name: 'Billing', version: '2' } });
    expect(described.typeInfo).toMatchObject({ workflowType: { name: 'Billing', version: '2' }, status: 'REGISTERED', description: 'monthly billing' });
    expect(described.typeInfo?.creationDate).toBeInstanceOf(Date);
    expect(described.typeInfo?.deprecationDate).toBeUndefined();
    expect(described.configuration).toEqual({
      defaultTaskStartToCloseTimeout: '30',
      defaultExecutionStartToCloseTimeout: '3600',
      defaultTaskList: { name: 'billing' },
      defaultTaskPriority: '5',
      defaultChildPolicy: 'REQUEST_CANCEL',
      defaultLambdaRole: 'arn:aws:iam::123456789012:role/lambda',
    });
  });

  it('registers and describes an activity type with every default', async () => {
    await c.swf.registerActivityType({
      domain: DOMAIN,
      name: 'Charge',
      version: '1',
      description: 'charges a card',
      defaultTaskStartToCloseTimeout: '60',
      defaultTaskHeartbeatTimeout: '10',
      defaultTaskList: { name: 'charges' },
      defaultTaskPriority: '-3',
      defaultTaskScheduleToStartTimeout: 'NONE',
      defaultTaskScheduleToCloseTimeout: '120',
    });
    const described = await c.swf.describeActivityType({ domain: DOMAIN, activityType: { name: 'Charge', version: '1' } });
    expect(described.typeInfo).toMatchObject({ activityType: { name: 'Charge', version: '1' }, status: 'REGISTERED', description: 'charges a card' });
    expect(described.configuration).toEqual({
      defaultTaskStartToCloseTimeout: '60',
      defaultTaskHeartbeatTimeout: '10',
      defaultTaskList: { name: 'charges' },
      defaultTaskPriority: '-3',
      defaultTaskScheduleToStartTimeout: 'NONE',
      defaultTaskScheduleToCloseTimeout: '120',
    });
  });

  for (const kind of ['workflow', 'activity'] as const) {
    const register = (c: Conformance, name: string, version = '1') =>
      kind === 'workflow'
        ? c.swf.registerWorkflowType({ domain: DOMAIN, name, version })
        : c.swf.registerActivityType({ domain: DOMAIN, name, version });
    const ref = (name: string, version = '1') => (kind === 'workflow' ? { workflowType: { name, version } } : { activityType: { name, version } });
    const deprecate = (c: Conformance, name: string) =>
      kind === 'workflow'
        ? c.swf.deprecateWorkflowType({ domain: DOMAIN, workflowType: { name, version: '1' } })
        : c.swf.deprecateActivityType({ domain: DOMAIN, activityType: { name, version: '1' } });
    const undeprecate = (c: Conformance, name: string) =>
      kind === 'workflow'
        ? c.swf.undeprecateWorkflowType({ domain: DOMAIN, workflowType: { name, version: '1' } })
        : c.swf.undeprecateActivityType({ domain: DOMAIN, activityType: { name, version: '1' } });
    const remove = (c: Conformance, name: string) =>
      kind === 'workflow'
        ? c.swf.deleteWorkflowType({ domain: DOMAIN, workflowType: { name, version: '1' } })
        : c.swf.deleteActivityType({ domain: DOMAIN, activityType: { name, version: '1' } });
    const describeType = (c: Conformance, name: string) =>
      kind === 'workflow'
        ? c.swf.describeWorkflowType({ domain: DOMAIN, workflowType: { name, version: '1' } })
        : c.swf.describeActivityType({ domain: DOMAIN, activityType: { name, version: '1' } });
    const list = async (c: Conformance, input: { registrationStatus: 'REGISTERED' | 'DEPRECATED'; name?: string; maximumPageSize?: number; reverseOrder?: boolean; nextPageToken?: string }) => {
      const page = kind === 'workflow' ? await c.swf.listWorkflowTypes({ domain: DOMAIN, ...input }) : await c.swf.listActivityTypes({ domain: DOMAIN, ...input });
      const names = page.typeInfos?.map((info) => {
        const type = 'workflowType' in info ? info.workflowType : (info as { activityType?: { name?: string; version?: string } }).activityType;
        return `${type?.name}@${type?.version}`;
      });
      return { names, nextPageToken: page.nextPageToken };
    };

    describe(`${kind} types`, () => {
      it('refuses a type that exists, even deprecated, with TypeAlreadyExistsFault', async () => {
        await register(c, 'T');
        await expectSwfError(register(c, 'T'), 'TypeAlreadyExistsFault');
        await deprecate(c, 'T');
        await expectSwfError(register(c, 'T'), 'TypeAlreadyExistsFault');
      });

      it('deprecates, undeprecates and deletes, each refusing the wrong state with its fault', async () => {
        await register(c, 'T');
        await expectSwfError(remove(c, 'T'), 'TypeNotDeprecatedFault');
        await expectSwfError(undeprecate(c, 'T'), 'TypeAlreadyExistsFault');
        await deprecate(c, 'T');
        const deprecated = await describeType(c, 'T');
        expect(deprecated.typeInfo?.status).toBe('DEPRECATED');
        expect(deprecated.typeInfo?.deprecationDate).toBeInstanceOf(Date);
        await expectSwfError(deprecate(c, 'T'), 'TypeDeprecatedFault');
        await undeprecate(c, 'T');
        expect((await describeType(c, 'T')).typeInfo?.status).toBe('REGISTERED');
        await deprecate(c, 'T');
        await remove(c, 'T');
        await expectSwfError(describeType(c, 'T'), 'UnknownResourceFault');
      });

      it('answers UnknownResourceFault for an unknown type or domain, naming the type', async () => {
        const error = await expectSwfError(describeType(c, 'Ghost'), 'UnknownResourceFault');
        expect(error.message).toBe(`Unknown type: ${kind === 'workflow' ? 'WorkflowType' : 'ActivityType'}=[name=Ghost, version=1]`);
        await expectSwfError(
          kind === 'workflow'
            ? c.swf.registerWorkflowType({ domain: 'nowhere', name: 'T', version: '1' })
            : c.swf.registerActivityType({ domain: 'nowhere', name: 'T', version: '1' }),
          'UnknownResourceFault',
        );
        await expectSwfError(deprecate(c, 'Ghost'), 'UnknownResourceFault');
      });

      it('refuses registration in a deprecated domain with DomainDeprecatedFault', async () => {
        await c.swf.deprecateDomain({ name: DOMAIN });
        await expectSwfError(register(c, 'Late'), 'DomainDeprecatedFault');
      });

      it('lists types by status and name, sorted, with paging and reverseOrder', async () => {
        await register(c, 'B', '1');
        await register(c, 'A', '2');
        await register(c, 'A', '1');
        await register(c, 'C', '1');
        await deprecate(c, 'C');
        expect((await list(c, { registrationStatus: 'REGISTERED' })).names).toEqual(['A@1', 'A@2', 'B@1']);
        expect((await list(c, { registrationStatus: 'DEPRECATED' })).names).toEqual(['C@1']);
        expect((await list(c, { registrationStatus: 'REGISTERED', name: 'A' })).names).toEqual(['A@1', 'A@2']);
        expect((await list(c, { registrationStatus: 'REGISTERED', reverseOrder: true })).names).toEqual(['B@1', 'A@2', 'A@1']);
        const first = await list(c, { registrationStatus: 'REGISTERED', maximumPageSize: 2 });
        expect(first.names).toEqual(['A@1', 'A@2']);
        expect(first.nextPageToken).toEqual(expect.any(String));
        const second = await list(c, { registrationStatus: 'REGISTERED', maximumPageSize: 2, ...(first.nextPageToken !== undefined && { nextPageToken: first.nextPageToken }) });
        expect(second).toEqual({ names: ['B@1'], nextPageToken: undefined });
      });

      it('keeps types of different domains apart', async () => {
        await c.swf.registerDomain({ name: 'other', workflowExecutionRetentionPeriodInDays: '1' });
        await register(c, 'T');
        await expectSwfError(
          kind === 'workflow'
            ? c.swf.describeWorkflowType({ domain: 'other', ...ref('T') } as never)
            : c.swf.describeActivityType({ domain: 'other', ...ref('T') } as never),
          'UnknownResourceFault',
        );
      });
    });
  }
});
