import { request as httpRequest, type ClientRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SwfFault } from '@swirl/core';
import { FrontEndHarness } from './front-end-harness.js';

const SIGNED_FOR_EU_WEST_1 =
  'AWS4-HMAC-SHA256 Credential=test/20240101/eu-west-1/swf/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc';

/** Sends a poll on a raw request the test can cut off mid-call (fetch cannot drop its connection). */
function sendPoll(endpoint: string, operation: 'PollForActivityTask' | 'PollForDecisionTask'): ClientRequest {
  const body = '{"domain":"d","taskList":{"name":"tl"}}';
  const client = httpRequest(`${endpoint}/`, {
    method: 'POST',
    headers: { 'X-Amz-Target': `SimpleWorkflowService.${operation}`, 'Content-Length': Buffer.byteLength(body) },
  });
  client.on('error', () => undefined);
  client.end(body);
  return client;
}

describe('the AWS JSON 1.0 front end', () => {
  let harness: FrontEndHarness;
  beforeEach(async () => {
    harness = await FrontEndHarness.start();
  });
  afterEach(async () => {
    await harness.stop();
  });

  it('passes the validated input, the signed region and the request id to the engine and returns its JSON', async () => {
    harness.behaviour = async () => ({ domainInfos: [{ name: 'd', status: 'REGISTERED' }] });
    const response = await harness.call('SimpleWorkflowService.ListDomains', '{"registrationStatus":"REGISTERED"}', {
      Authorization: SIGNED_FOR_EU_WEST_1,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await response.json()).toEqual({ domainInfos: [{ name: 'd', status: 'REGISTERED' }] });
    const [call] = harness.calls;
    expect(call?.operation).toBe('ListDomains');
    expect(call?.input).toEqual({ registrationStatus: 'REGISTERED' });
    expect(call?.context.region).toBe('eu-west-1');
    expect(call?.context.requestId).toBe(response.headers.get('x-amzn-requestid'));
  });

  it('uses us-east-1 when the request is unsigned', async () => {
    await harness.call('SimpleWorkflowService.ListDomains', '{"registrationStatus":"REGISTERED"}');
    expect(harness.calls[0]?.context.region).toBe('us-east-1');
  });

  it('answers an operation without output with an empty body and Content-Length 0', async () => {
    harness.behaviour = async () => undefined;
    const response = await harness.call('SimpleWorkflowService.DeprecateDomain', '{"name":"d"}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await response.text()).toBe('');
  });

  it('gives every response a distinct x-amzn-RequestId, faults included', async () => {
    const ok = await harness.call('SimpleWorkflowService.ListDomains', '{"registrationStatus":"REGISTERED"}');
    const bad = await harness.call('SimpleWorkflowService.Nope', '{}');
    const lost = await fetch(`${harness.endpoint}/elsewhere`);
    const ids = [ok, bad, lost].map((response) => response.headers.get('x-amzn-requestid'));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(3);
  });

  it('answers malformed JSON with SerializationException', async () => {
    const response = await harness.call('SimpleWorkflowService.ListDomains', '{"registrationStatus":');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('SerializationException');
    expect(await response.json()).toMatchObject({ __type: 'com.amazon.coral.service#SerializationException' });
    expect(harness.calls).toHaveLength(0);
  });

  it('answers a JSON body that is not an object with SerializationException', async () => {
    const response = await harness.call('SimpleWorkflowService.ListDomains', '[1,2]');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'com.amazon.coral.service#SerializationException',
      message: 'Request body must be a JSON object, got an array',
    });
  });

  it('answers an unknown or missing target with UnknownOperationException', async () => {
    for (const target of ['SimpleWorkflowService.LaunchRockets', 'DynamoDB_20120810.ListTables', undefined]) {
      const response = await harness.call(target, '{}');
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
      const body = (await response.json()) as { __type: string; message: string };
      expect(body.__type).toBe('com.amazon.coral.service#UnknownOperationException');
      expect(body.message).toContain('SimpleWorkflowService.<Operation>');
    }
    expect(harness.calls).toHaveLength(0);
  });

  it('answers a missing required field with ValidationException naming the field', async () => {
    const response = await harness.call('SimpleWorkflowService.RegisterDomain', '{"workflowExecutionRetentionPeriodInDays":"1"}');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    const body = (await response.json()) as { __type: string; message: string };
    expect(body.__type).toBe('com.amazon.coral.validate#ValidationException');
    expect(body.message).toContain("at 'name'");
    expect(harness.calls).toHaveLength(0);
  });

  it('passes the engine faults through as HTTP 400 with their wire type and bare name', async () => {
    harness.behaviour = async () => {
      throw new SwfFault('UnknownResourceFault', 'Unknown domain: nowhere');
    };
    const response = await harness.call('SimpleWorkflowService.DescribeDomain', '{"name":"nowhere"}');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownResourceFault');
    expect(await response.json()).toEqual({
      __type: 'com.amazonaws.swf.base.model#UnknownResourceFault',
      message: 'Unknown domain: nowhere',
    });
  });

  it('answers an unexpected engine error with 500 InternalFailure and keeps serving', async () => {
    harness.behaviour = async () => {
      throw new TypeError('engine bug');
    };
    const failed = await harness.call('SimpleWorkflowService.DescribeDomain', '{"name":"d"}');
    expect(failed.status).toBe(500);
    expect(failed.headers.get('x-amzn-errortype')).toBe('InternalFailure');
    expect(((await failed.json()) as { message: string }).message).not.toContain('engine bug');

    harness.behaviour = async () => ({ ok: true });
    const next = await harness.call('SimpleWorkflowService.DescribeDomain', '{"name":"d"}');
    expect(next.status).toBe(200);
  });

  it('answers an unknown path with 404', async () => {
    const response = await fetch(`${harness.endpoint}/some/where`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toContain('POST /some/where');
  });

  it('aborts the signal given to the engine when the client disconnects before the answer', async () => {
    let aborted!: () => void;
    const abortSeen = new Promise<void>((resolve) => (aborted = resolve));
    let started!: () => void;
    const callStarted = new Promise<void>((resolve) => (started = resolve));
    harness.behaviour = ({ context }) =>
      new Promise((resolve) => {
        context.signal?.addEventListener('abort', () => {
          aborted();
          resolve({ startedEventId: 0 });
        });
        started();
      });

    const client = sendPoll(harness.endpoint, 'PollForActivityTask');
    await callStarted;
    expect(harness.calls[0]?.context.signal?.aborted).toBe(false);
    client.destroy();
    await abortSeen;
    expect(harness.calls[0]?.context.signal?.aborted).toBe(true);
  });

  it('gives a long poll whose client already went away an aborted signal, however late the engine first reads it', async () => {
    let released!: (value: Record<string, unknown>) => void;
    let started!: () => void;
    const callStarted = new Promise<void>((resolve) => (started = resolve));
    harness.behaviour = () =>
      new Promise((resolve) => {
        released = resolve;
        started();
      });
    const client = sendPoll(harness.endpoint, 'PollForDecisionTask');
    await callStarted;
    client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(harness.calls[0]?.context.signal?.aborted).toBe(true);
    released({ startedEventId: 0 });
  });

  it('gives other calls no signal', async () => {
    await harness.call('SimpleWorkflowService.DescribeDomain', '{"name":"d"}');
    expect(harness.calls[0]?.context.signal).toBeUndefined();
  });

  it('lets go of a request whose client disconnects halfway through the body: nothing stays in flight and the engine is not called', async () => {
    const socket = connect(harness.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write('POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: SimpleWorkflowService.ListDomains\r\nContent-Length: 100\r\n\r\n{"registra');
    await new Promise((resolve) => setTimeout(resolve, 20));
    let idle = false;
    const idleSeen = harness.listener.idle().then(() => (idle = true));
    expect(idle).toBe(false);
    socket.destroy();
    await idleSeen;
    expect(harness.calls).toHaveLength(0);
  });
});

describe('the request size limit', () => {
  it('answers a body over the limit with a 400 that names the size and the limit', async () => {
    const harness = await FrontEndHarness.start({ maxRequestBytes: 1024 });
    try {
      const response = await harness.call('SimpleWorkflowService.ListDomains', JSON.stringify({ registrationStatus: 'x'.repeat(2000) }));
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
      const { message } = (await response.json()) as { message: string };
      expect(message).toMatch(/Request body is \d+ bytes; SWF accepts at most 1024 bytes/);
      expect(harness.calls).toHaveLength(0);
    } finally {
      await harness.stop();
    }
  });

  it('defaults to SWF’s 1 MB', async () => {
    const harness = await FrontEndHarness.start();
    try {
      const response = await harness.call('SimpleWorkflowService.ListDomains', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }));
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toContain('at most 1048576 bytes (1 MB)');
    } finally {
      await harness.stop();
    }
  });
});
