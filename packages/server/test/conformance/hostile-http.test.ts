// Hostile HTTP over real sockets: deep nesting, odd paths and malformed requests get a 4xx with an AWS JSON body, never a 500.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConformance } from './harness.js';
import type { Conformance } from './harness.js';

interface RawReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Writes `bytes` on a fresh socket and reads the reply until the server closes the connection. */
function rawExchange(port: number, bytes: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
      }));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(bytes);
  });
}

/** A POST on an exact path (`fetch` would normalise `//`). */
function postOnPath(port: number, path: string, target: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const client = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target, 'Content-Length': Buffer.byteLength(body) },
    });
    client.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    client.on('error', reject);
    client.end(body);
  });
}

describe('hostile HTTP against the local server', () => {
  let c: Conformance;
  beforeAll(async () => {
    c = await startConformance();
  });
  afterAll(async () => c.close());

  const call = async (target: string, body: string): Promise<{ status: number; body: { __type?: string; message?: string } }> => {
    const response = await fetch(c.server.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `SimpleWorkflowService.${target}` },
      body,
    });
    return { status: response.status, body: (await response.json()) as { __type?: string; message?: string } };
  };

  const deep = (depth: number, open: string, close: string): string => open.repeat(depth) + '1' + close.repeat(depth);
  const cases: [string, string, (value: string) => string][] = [
    ['registrationStatus', 'ListDomains', (value) => `{"registrationStatus":${value}}`],
    ['workflowType', 'StartWorkflowExecution', (value) => `{"domain":"d","workflowId":"w","workflowType":${value}}`],
    ['decisions', 'RespondDecisionTaskCompleted', (value) => `{"taskToken":"t","decisions":${value}}`],
    ['startTimeFilter', 'ListOpenWorkflowExecutions', (value) => `{"domain":"d","startTimeFilter":${value}}`],
  ];
  it.each(cases)('answers 10,000 nested arrays in %s with a ValidationException that says the value was cut', async (_field, target, body) => {
    const answer = await call(target, body(deep(10_000, '[', ']')));
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('com.amazon.coral.validate#ValidationException');
    expect(answer.body.message).toContain('(nested deeper than 16 levels, not shown past that depth)');
  });

  it('answers 10,000 nested objects with a 400, not a 500', async () => {
    const answer = await call('ListDomains', `{"registrationStatus":${deep(10_000, '{"k":', '}')}}`);
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('com.amazon.coral.validate#ValidationException');
  });

  it.each(['//', '///'])('serves SWF calls on the path %s as on /', async (path) => {
    const answer = await postOnPath(c.server.port, path, 'SimpleWorkflowService.ListDomains', '{"registrationStatus":"REGISTERED"}');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveProperty('domainInfos');
  });

  it('answers an unknown path such as //[ with 404 and an AWS JSON body', async () => {
    const answer = await postOnPath(c.server.port, '//[', 'SimpleWorkflowService.ListDomains', '{"registrationStatus":"REGISTERED"}');
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.body)).toMatchObject({ __type: 'com.amazon.coral.service#UnknownOperationException' });
  });

  const listDomains = '{"registrationStatus":"REGISTERED"}';
  const head = (extra: string): string =>
    `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: SimpleWorkflowService.ListDomains\r\n${extra}`;
  const malformed: [string, string, number, RegExp][] = [
    ['a Content-Length that is not a number', `${head('Content-Length: abc\r\n\r\n')}${listDomains}`, 400, /Content-Length/],
    ['two different Content-Length values', `${head('Content-Length: 5\r\nContent-Length: 6\r\n\r\n')}${listDomains}`, 400, /Content-Length|well-formed/],
    ['Content-Length with chunked encoding', `${head('Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n')}5\r\nhello\r\n0\r\n\r\n`, 400, /Content-Length|Transfer-Encoding/],
    ['a chunk size that is not hexadecimal', `${head('Transfer-Encoding: chunked\r\n\r\n')}zz\r\nhello\r\n0\r\n\r\n`, 400, /chunk/],
    ['a 20 KB header', `${head(`X-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n`)}{}`, 431, /headers are larger/],
    ['a method that is not HTTP', `P@ST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`, 400, /method|well-formed/],
    ['a header name with a space', `${head('Bad Header: x\r\nContent-Length: 2\r\n\r\n')}{}`, 400, /header|well-formed/],
    ['an HTTP version that does not exist', `POST / HTTP/9.9\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`, 400, /version|well-formed/],
  ];
  it.each(malformed)('answers %s with an AWS JSON error body', async (_kind, bytes, status, reason) => {
    const reply = await rawExchange(c.server.port, bytes);
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(reply.headers['x-amzn-errortype']).toBe('MalformedHttpRequestException');
    const body = JSON.parse(reply.body) as { __type: string; message: string };
    expect(body.__type).toBe('com.amazon.coral.service#MalformedHttpRequestException');
    expect(body.message).toMatch(reason);
    expect(Number(reply.headers['content-length'])).toBe(Buffer.byteLength(reply.body));
  });

  it('keeps serving after the hostile requests', async () => {
    expect((await call('ListDomains', listDomains)).status).toBe(200);
  });
});
