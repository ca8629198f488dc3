import { Sha256 } from '@aws-crypto/sha256-js';
import { SWF, SWFServiceException } from '@aws-sdk/client-swf';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type SwirlServer } from '../../src/server.js';

const KEY = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret-for-tests' };
const TEMPORARY = { accessKeyId: 'ASIALOCALTEST', secretAccessKey: 'temporary-secret', sessionToken: 'session-token-1' };
const SKEWED_BY_MS = 10 * 60_000;

let server: SwirlServer;
let skewedServer: SwirlServer;
const clients: SWF[] = [];

function swf(credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, endpoint = server.endpoint): SWF {
  const client = new SWF({ endpoint, region: 'eu-west-1', credentials, maxAttempts: 1 });
  clients.push(client);
  return client;
}

async function failure(call: Promise<unknown>): Promise<SWFServiceException> {
  const error = await call.then(
    () => new Error('the call succeeded'),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SWFServiceException);
  return error as SWFServiceException;
}

/** A ListDomains request signed by the SDK's signer, sent with `body` (the signed body unless given). */
async function signedFetch(options: { body?: string; signedBody?: string; omit?: string } = {}): Promise<Response> {
  const signedBody = options.signedBody ?? '{"registrationStatus":"REGISTERED"}';
  const url = new URL(server.endpoint);
  const signer = new SignatureV4({ credentials: KEY, region: 'us-east-1', service: 'swf', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: {},
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'SimpleWorkflowService.ListDomains',
    },
    body: signedBody,
  });
  const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host' && name !== options.omit));
  return fetch(server.endpoint, { method: 'POST', headers, body: options.body ?? signedBody });
}

beforeAll(async () => {
  server = await startServer({ auth: { type: 'sigv4', accessKeys: [KEY, TEMPORARY] } });
  // The server's clock runs ten minutes ahead of the client's, so every signature is too old for it.
  skewedServer = await startServer({ auth: { type: 'sigv4', accessKeys: [KEY], now: () => Date.now() + SKEWED_BY_MS } });
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await Promise.all([server.close(), skewedServer.close()]);
});

describe('startServer({ auth: sigv4 })', () => {
  it('answers calls the real SDK signs with a known key', async () => {
    const client = swf(KEY);
    await client.registerDomain({ name: 'signed', workflowExecutionRetentionPeriodInDays: '1' });
    const { domainInfos } = await client.listDomains({ registrationStatus: 'REGISTERED' });
    expect(domainInfos?.map((domain) => domain.name)).toEqual(['signed']);
    // The region still comes from the signature's scope.
    const { domainInfo } = await client.describeDomain({ name: 'signed' });
    expect(domainInfo?.arn).toMatch(/^arn:aws:swf:eu-west-1:/);
  });

  it('accepts temporary credentials with their session token', async () => {
    await expect(swf(TEMPORARY).listDomains({ registrationStatus: 'REGISTERED' })).resolves.toBeDefined();
  });

  it('refuses a wrong secret with InvalidSignatureException, HTTP 400', async () => {
    const error = await failure(swf({ ...KEY, secretAccessKey: 'not-the-secret' }).listDomains({ registrationStatus: 'REGISTERED' }));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
  });

  it('refuses an unknown access key with UnrecognizedClientException, HTTP 400', async () => {
    const error = await failure(swf({ accessKeyId: 'AKIDNOBODYKNOWS', secretAccessKey: 'x' }).listDomains({ registrationStatus: 'REGISTERED' }));
    expect(error.name).toBe('UnrecognizedClientException');
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.message).toBe('The security token included in the request is invalid.');
  });

  it('refuses a session token the key does not have, and a temporary key without its token', async () => {
    const withToken = await failure(swf({ ...KEY, sessionToken: 'made-up' }).listDomains({ registrationStatus: 'REGISTERED' }));
    expect(withToken.name).toBe('UnrecognizedClientException');
    const { sessionToken: _dropped, ...withoutToken } = TEMPORARY;
    const missing = await failure(swf(withoutToken).listDomains({ registrationStatus: 'REGISTERED' }));
    expect(missing.name).toBe('UnrecognizedClientException');
  });

  it('refuses an unsigned call with MissingAuthenticationTokenException', async () => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'SimpleWorkflowService.ListDomains' },
      body: '{"registrationStatus":"REGISTERED"}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
      message: 'Request is missing Authentication Token',
    });
  });

  it('accepts a request signed by the SDK signer by hand, and refuses it once its body is changed', async () => {
    expect((await signedFetch()).status).toBe(200);
    const tampered = await signedFetch({ body: '{"registrationStatus":"DEPRECATED"}' });
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toMatchObject({ __type: 'com.amazon.coral.service#InvalidSignatureException' });
  });

  it('refuses a changed body even when its signed x-amz-content-sha256 is kept', async () => {
    const signer = new SignatureV4({ credentials: KEY, region: 'us-east-1', service: 'swf', sha256: Sha256, applyChecksum: true });
    const url = new URL(server.endpoint);
    const body = '{"registrationStatus":"REGISTERED"}';
    const signed = await signer.sign({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      path: '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'SimpleWorkflowService.ListDomains', 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
      body,
    });
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host'));
    const response = await fetch(server.endpoint, { method: 'POST', headers, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'com.amazon.coral.service#InvalidSignatureException' });
  });

  it('refuses a header that lacks parts with IncompleteSignatureException naming them', async () => {
    const response = await fetch(server.endpoint, {
      method: 'POST',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST/20260101/us-east-1/swf/aws4_request', 'x-amz-target': 'SimpleWorkflowService.ListDomains' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { __type: string; message: string };
    expect(answer.__type).toBe('com.amazon.coral.service#IncompleteSignatureException');
    expect(answer.message).toBe(
      "Authorization header requires 'SignedHeaders' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
        'Authorization=AWS4-HMAC-SHA256 Credential=AKIDLOCALTEST/20260101/us-east-1/swf/aws4_request',
    );
  });

  it('refuses a signature dated more than 5 minutes from its clock', async () => {
    const error = await failure(swf(KEY, skewedServer.endpoint).listDomains({ registrationStatus: 'REGISTERED' }));
    expect(error.name).toBe('InvalidSignatureException');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
  });

  it('refuses a signature scoped to another service', async () => {
    const signer = new SignatureV4({ credentials: KEY, region: 'us-east-1', service: 'dynamodb', sha256: Sha256 });
    const url = new URL(server.endpoint);
    const signed = await signer.sign({
      method: 'POST', protocol: 'http:', hostname: url.hostname, path: '/', query: {},
      headers: { host: url.host, 'x-amz-target': 'SimpleWorkflowService.ListDomains' },
      body: '{}',
    });
    const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name !== 'host'));
    const response = await fetch(server.endpoint, { method: 'POST', headers, body: '{}' });
    expect(await response.json()).toEqual({ __type: 'com.amazon.coral.service#InvalidSignatureException', message: "Credential should be scoped to correct service: 'swf'. " });
  });

  it('keeps the admin endpoints open', async () => {
    expect((await fetch(`${server.endpoint}/_swirl/health`)).status).toBe(200);
  });
});

describe('startServer without auth', () => {
  it('still answers a call with any credentials, signed or not', async () => {
    const open = await startServer();
    try {
      await expect(swf({ accessKeyId: 'anything', secretAccessKey: 'at-all' }, open.endpoint).listDomains({ registrationStatus: 'REGISTERED' })).resolves.toBeDefined();
      const unsigned = await fetch(open.endpoint, { method: 'POST', headers: { 'x-amz-target': 'SimpleWorkflowService.ListDomains' }, body: '{"registrationStatus":"REGISTERED"}' });
      expect(unsigned.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
