import { afterEach, describe, expect, it } from 'vitest';
import { DOMAIN, Harness, WORKFLOW } from './harness.js';

let harness: Harness;
afterEach(() => harness?.close());

const fault = (promise: Promise<unknown>, faultName: string) => expect(promise).rejects.toMatchObject({ faultName });

describe('domains and tags', () => {
  it('registers, describes, lists, deprecates and undeprecates a domain', async () => {
    harness = await Harness.create();
    const arn = `arn:aws:swf:us-east-1:123456789012:/domain/${DOMAIN}`;
    expect(await harness.call('DescribeDomain', { name: DOMAIN })).toEqual({
      domainInfo: { name: DOMAIN, status: 'REGISTERED', arn },
      configuration: { workflowExecutionRetentionPeriodInDays: '1' },
    });
    await fault(harness.call('RegisterDomain', { name: DOMAIN, workflowExecutionRetentionPeriodInDays: '1' }), 'DomainAlreadyExistsFault');
    await harness.call('DeprecateDomain', { name: DOMAIN });
    await fault(harness.call('DeprecateDomain', { name: DOMAIN }), 'DomainDeprecatedFault');
    await fault(harness.start(), 'DomainDeprecatedFault');
    expect((await harness.call('ListDomains', { registrationStatus: 'DEPRECATED' })).domainInfos).toHaveLength(1);
    const types = await harness.call('ListWorkflowTypes', { domain: DOMAIN, registrationStatus: 'DEPRECATED' });
    expect(types.typeInfos).toHaveLength(1);
    await harness.call('UndeprecateDomain', { name: DOMAIN });
    await fault(harness.call('UndeprecateDomain', { name: DOMAIN }), 'DomainAlreadyExistsFault');
    await fault(harness.call('DescribeDomain', { name: 'nope' }), 'UnknownResourceFault');
  });

  it('pages domains by name', async () => {
    harness = new Harness();
    for (const name of ['c', 'a', 'b']) await harness.call('RegisterDomain', { name, workflowExecutionRetentionPeriodInDays: '0' });
    const first = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 2 });
    expect(first.domainInfos.map((d: any) => d.name)).toEqual(['a', 'b']);
    const second = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 2, nextPageToken: first.nextPageToken });
    expect(second).toEqual({ domainInfos: [expect.objectContaining({ name: 'c' })] });
    const reversed = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', reverseOrder: true });
    expect(reversed.domainInfos.map((d: any) => d.name)).toEqual(['c', 'b', 'a']);
  });

  it('tags, untags and lists tags; refuses more than 50', async () => {
    harness = await Harness.create();
    const resourceArn = `arn:aws:swf:us-east-1:123456789012:/domain/${DOMAIN}`;
    await harness.call('TagResource', { resourceArn, tags: [{ key: 'team', value: 'a' }, { key: 'env' }] });
    await harness.call('UntagResource', { resourceArn, tagKeys: ['env'] });
    expect(await harness.call('ListTagsForResource', { resourceArn })).toEqual({ tags: [{ key: 'team', value: 'a' }] });
    const many = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}` }));
    await fault(harness.call('TagResource', { resourceArn, tags: many }), 'TooManyTagsFault');
    await fault(harness.call('ListTagsForResource', { resourceArn: 'arn:aws:swf:us-east-1:1:/domain/none' }), 'UnknownResourceFault');
  });
});

describe('types', () => {
  it('describes a type with its registered defaults', async () => {
    harness = await Harness.create();
    const described = await harness.call('DescribeWorkflowType', { domain: DOMAIN, workflowType: WORKFLOW });
    expect(described.typeInfo).toMatchObject({ workflowType: WORKFLOW, status: 'REGISTERED', creationDate: expect.any(Number) });
    expect(described.configuration).toEqual({
      defaultTaskList: { name: 'deciders' },
      defaultTaskStartToCloseTimeout: '10',
      defaultExecutionStartToCloseTimeout: '3600',
      defaultChildPolicy: 'TERMINATE',
    });
  });

  it('follows the deprecate, undeprecate and delete rules', async () => {
    harness = await Harness.create();
    const call = { domain: DOMAIN, workflowType: WORKFLOW };
    await fault(harness.call('RegisterWorkflowType', { domain: DOMAIN, ...WORKFLOW }), 'TypeAlreadyExistsFault');
    await fault(harness.call('DeleteWorkflowType', call), 'TypeNotDeprecatedFault');
    await fault(harness.call('UndeprecateWorkflowType', call), 'TypeAlreadyExistsFault');
    await harness.call('DeprecateWorkflowType', call);
    await fault(harness.call('DeprecateWorkflowType', call), 'TypeDeprecatedFault');
    await fault(harness.start(), 'TypeDeprecatedFault');
    await harness.call('DeleteWorkflowType', call);
    await fault(harness.call('DescribeWorkflowType', call), 'UnknownResourceFault');
    await fault(harness.start(), 'UnknownResourceFault');
  });

  it('filters listed types by name', async () => {
    harness = await Harness.create();
    await harness.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Order', version: '2' });
    await harness.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Other', version: '1' });
    const listed = await harness.call('ListWorkflowTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED', name: 'Order' });
    expect(listed.typeInfos.map((t: any) => t.workflowType)).toEqual([WORKFLOW, { name: 'Order', version: '2' }]);
  });
});

describe('executions', () => {
  it('refuses a second open run of a workflowId but allows reuse after close', async () => {
    harness = await Harness.create();
    const run = await harness.start('same');
    await fault(harness.start('same'), 'WorkflowExecutionAlreadyStartedFault');
    await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'same', runId: run.runId });
    const again = await harness.start('same');
    expect(again.runId).not.toBe(run.runId);
  });

  it('raises DefaultUndefinedFault when no task list can be resolved', async () => {
    harness = await Harness.create();
    await harness.call('RegisterWorkflowType', { domain: DOMAIN, name: 'Bare', version: '1' });
    await fault(harness.call('StartWorkflowExecution', { domain: DOMAIN, workflowId: 'x', workflowType: { name: 'Bare', version: '1' } }), 'DefaultUndefinedFault');
  });

  it('signals the current run when runId is omitted and refuses a closed run', async () => {
    harness = await Harness.create();
    const run = await harness.start();
    await harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 'go', input: 'i' });
    expect((await harness.history(run)).at(-1)!.workflowExecutionSignaledEventAttributes).toEqual({ signalName: 'go', input: 'i', externalInitiatedEventId: 0 });
    await harness.call('RequestCancelWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId });
    expect((await harness.describe(run)).executionInfo.cancelRequested).toBe(true);
    await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId });
    await fault(harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, signalName: 'go' }), 'UnknownResourceFault');
    await fault(harness.call('SignalWorkflowExecution', { domain: DOMAIN, workflowId: run.workflowId, runId: run.runId, signalName: 'go' }), 'UnknownResourceFault');
  });

  it('describes configuration and open counts', async () => {
    harness = await Harness.create();
    const run = await harness.start('d', { tagList: ['t1'], taskPriority: '5' });
    const described = await harness.describe(run);
    expect(described.executionConfiguration).toEqual({
      taskStartToCloseTimeout: '10',
      executionStartToCloseTimeout: '3600',
      taskList: { name: 'deciders' },
      taskPriority: '5',
      childPolicy: 'TERMINATE',
    });
    expect(described.openCounts).toEqual({ openActivityTasks: 0, openDecisionTasks: 1, openTimers: 0, openChildWorkflowExecutions: 0, openLambdaFunctions: 0 });
    expect(described.executionInfo).toMatchObject({ execution: run, tagList: ['t1'], executionStatus: 'OPEN', cancelRequested: false });
  });
});

describe('visibility', () => {
  it('lists open and closed runs newest first with every filter, counts and pages', async () => {
    harness = await Harness.create();
    const oldestDate = harness.clock.now() / 1000;
    const a = await harness.start('a', { tagList: ['blue'] });
    await harness.clock.advance(1000);
    const b = await harness.start('b');
    await harness.clock.advance(1000);
    const c = await harness.start('c', { tagList: ['blue'] });
    await harness.call('TerminateWorkflowExecution', { domain: DOMAIN, workflowId: 'c' });
    const open = await harness.call('ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate } });
    expect(open.executionInfos.map((info: any) => info.execution)).toEqual([b, a]);
    const page = await harness.call('ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate }, maximumPageSize: 1, reverseOrder: true });
    expect(page.executionInfos[0].execution).toEqual(a);
    const rest = await harness.call('ListOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate }, maximumPageSize: 1, reverseOrder: true, nextPageToken: page.nextPageToken });
    expect(rest.executionInfos[0].execution).toEqual(b);
    const tagged = await harness.call('CountOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate }, tagFilter: { tag: 'blue' } });
    expect(tagged).toEqual({ count: 1, truncated: false });
    const byId = await harness.call('CountOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate }, executionFilter: { workflowId: 'b' } });
    expect(byId.count).toBe(1);
    const byType = await harness.call('CountOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate }, typeFilter: { name: 'Order' } });
    expect(byType.count).toBe(2);
    const window = await harness.call('CountOpenWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate: oldestDate + 0.5 } });
    expect(window.count).toBe(1);
    const closed = await harness.call('ListClosedWorkflowExecutions', { domain: DOMAIN, closeTimeFilter: { oldestDate }, closeStatusFilter: { status: 'TERMINATED' } });
    expect(closed.executionInfos).toEqual([expect.objectContaining({ execution: c, closeStatus: 'TERMINATED', executionStatus: 'CLOSED' })]);
    expect((await harness.call('CountClosedWorkflowExecutions', { domain: DOMAIN, startTimeFilter: { oldestDate }, closeStatusFilter: { status: 'COMPLETED' } })).count).toBe(0);
  });

  it('refuses a page token from another listing', async () => {
    harness = await Harness.create();
    for (const name of ['x', 'y']) await harness.call('RegisterDomain', { name, workflowExecutionRetentionPeriodInDays: '1' });
    const page = await harness.call('ListDomains', { registrationStatus: 'REGISTERED', maximumPageSize: 1 });
    await fault(harness.call('ListWorkflowTypes', { domain: DOMAIN, registrationStatus: 'REGISTERED', nextPageToken: page.nextPageToken }), 'ValidationException');
  });
});
