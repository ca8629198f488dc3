import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DECISIONS, Driver, completeWorkflow, expectSwfError, registerFixtures, scheduleActivity, startConformance } from './harness.js';
import type { Conformance } from './harness.js';

const DOMAIN = 'bad-requests';

interface RawAnswer {
  readonly status: number;
  readonly errorType: string | null;
  readonly requestId: string | null;
  readonly body: { __type?: string; message?: string };
}

describe('bad requests over raw HTTP never yield a 500', () => {
  let c: Conformance;
  const raw = async (target: string | undefined, body: string): Promise<RawAnswer> => {
    const response = await fetch(c.server.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', ...(target !== undefined && { 'X-Amz-Target': target }) },
      body,
    });
    return {
      status: response.status,
      errorType: response.headers.get('x-amzn-errortype'),
      requestId: response.headers.get('x-amzn-requestid'),
      body: (await response.json()) as RawAnswer['body'],
    };
  };

  beforeAll(async () => {
    c = await startConformance();
    await registerFixtures(c.swf, DOMAIN);
  });
  afterAll(async () => c.close());

  it('answers malformed JSON with SerializationException', async () => {
    const answer = await raw('SimpleWorkflowService.DescribeDomain', '{"name": "x"');
    expect(answer).toMatchObject({ status: 400, errorType: 'SerializationException', body: { __type: 'com.amazon.coral.service#SerializationException' } });
    expect(answer.requestId).toEqual(expect.any(String));
  });

  it('answers an unknown target with UnknownOperationException', async () => {
    const answer = await raw('SimpleWorkflowService.DescribeEverything', '{}');
    expect(answer).toMatchObject({ status: 400, errorType: 'UnknownOperationException', body: { __type: 'com.amazon.coral.service#UnknownOperationException' } });
  });

  it('answers a missing required field with the AWS-style ValidationException', async () => {
    const answer = await raw('SimpleWorkflowService.DescribeDomain', '{}');
    expect(answer).toMatchObject({
      status: 400,
      errorType: 'ValidationException',
      body: {
        __type: 'com.amazon.coral.validate#ValidationException',
        message: "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
      },
    });
  });

  it('answers an oversized field with ValidationException naming the field and the limit', async () => {
    const answer = await raw('SimpleWorkflowService.RegisterDomain', JSON.stringify({ name: 'x'.repeat(257), workflowExecutionRetentionPeriodInDays: '1' }));
    expect(answer.status).toBe(400);
    expect(answer.errorType).toBe('ValidationException');
    expect(answer.body.message).toContain("at 'name'");
    expect(answer.body.message).toContain('256');
  });

  it('answers a wrongly typed field and a bad enum with ValidationException', async () => {
    const typed = await raw('SimpleWorkflowService.ListDomains', '{"registrationStatus": 7}');
    expect(typed).toMatchObject({ status: 400, errorType: 'ValidationException' });
    const enumerated = await raw('SimpleWorkflowService.ListDomains', '{"registrationStatus": "ACTIVE"}');
    expect(enumerated).toMatchObject({ status: 400, errorType: 'ValidationException' });
    expect(enumerated.body.message).toContain('registrationStatus');
  });

  it('answers a name breaking the naming rule with ValidationException', async () => {
    const answer = await raw('SimpleWorkflowService.RegisterDomain', JSON.stringify({ name: 'a:b', workflowExecutionRetentionPeriodInDays: '1' }));
    expect(answer).toMatchObject({ status: 400, errorType: 'ValidationException' });
  });

  it('answers a maximumPageSize over 1000 with ValidationException', async () => {
    await expectSwfError(c.swf.listDomains({ registrationStatus: 'REGISTERED', maximumPageSize: 1001 }), 'ValidationException');
  });

  it('answers a body over 1 MB with a 400 that says so', async () => {
    const answer = await raw('SimpleWorkflowService.SignalWorkflowExecution', JSON.stringify({ domain: DOMAIN, workflowId: 'w', signalName: 's', input: 'x'.repeat(1_100_000) }));
    expect(answer.status).toBe(400);
    expect(answer.body.message).toContain('at most 1048576 bytes (1 MB)');
  });

  it('answers a task token that does not decode with ValidationException: Invalid token, naming the field, not a 500', async () => {
    for (const answer of [
      c.swf.respondActivityTaskCompleted({ taskToken: 'not-a-token' }),
      c.swf.respondDecisionTaskCompleted({ taskToken: 'AAAA' }),
      c.swf.recordActivityTaskHeartbeat({ taskToken: 'x'.repeat(1024) }),
    ]) {
      expect((await expectSwfError(answer, 'ValidationException')).message).toMatch(/^Invalid token: taskToken does not decode/);
    }
  });

  it('refuses a close decision that is not last with ValidationException and leaves the task open', async () => {
    const driver = new Driver(c.swf, DOMAIN);
    const runId = await driver.start('close-not-last');
    const task = await driver.pollDecision(DECISIONS);
    const error = await expectSwfError(driver.decide(task.taskToken, [completeWorkflow('early'), scheduleActivity('late')]), 'ValidationException');
    expect(error.message).toContain('Close must be last decision in list');
    expect((await driver.eventTypes('close-not-last', runId)).at(-1)).toBe('DecisionTaskStarted');
    await driver.decide(task.taskToken, [completeWorkflow('fine')]);
    expect((await driver.eventTypes('close-not-last', runId)).at(-1)).toBe('WorkflowExecutionCompleted');
  });

  it('keeps serving after every kind of bad request', async () => {
    expect((await c.swf.describeDomain({ name: DOMAIN })).domainInfo?.name).toBe(DOMAIN);
    expect((await fetch(`${c.server.endpoint}/_swirl/health`)).status).toBe(200);
  });
});
