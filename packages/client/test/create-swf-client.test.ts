import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListDomainsCommand, type SWFClient } from '@aws-sdk/client-swf';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createSwfClient,
  EndpointConnectionError,
  InvalidEndpointError,
  LOCAL_CREDENTIALS,
  UnknownOptionError,
  WorkflowClient,
  type SwfClientOptions,
} from '../src/index.js';
import { startLocalSwf, type LocalSwf } from './support/local-swf.js';

/** A home folder with no ~/.aws, so the tests see no credentials or region of the machine's user. */
let emptyHome: string;
const clients: SWFClient[] = [];

function client(options: SwfClientOptions): SWFClient {
  const swf = createSwfClient(options);
  clients.push(swf);
  return swf;
}

async function endpointOf(swf: SWFClient): Promise<string | undefined> {
  const endpoint = await swf.config.endpoint?.();
  return endpoint === undefined ? undefined : `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}`;
}

/** A loopback port nothing listens on: bound, read, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(() => {
  emptyHome = mkdtempSync(path.join(tmpdir(), 'swirl-home-'));
});
afterEach(() => {
  vi.unstubAllEnvs();
  for (const swf of clients.splice(0)) swf.destroy();
});
afterAll(() => rmSync(emptyHome, { recursive: true, force: true }));

describe('createSwfClient for a loopback endpoint', () => {
  it('gives the local server a region and dummy credentials when none are configured', async () => {
    const swf = client({ endpoint: 'http://127.0.0.1:8233', env: { HOME: emptyHome } });
    expect(await swf.config.region()).toBe('us-east-1');
    expect(await swf.config.credentials()).toMatchObject(LOCAL_CREDENTIALS);
    expect(await endpointOf(swf)).toBe('http://127.0.0.1:8233');
  });

  it('treats localhost and ::1 as loopback too', async () => {
    for (const endpoint of ['http://localhost:8233', 'http://[::1]:8233']) {
      const swf = client({ endpoint, env: { HOME: emptyHome } });
      expect(await swf.config.credentials()).toMatchObject(LOCAL_CREDENTIALS);
    }
  });

  it('reads AWS_ENDPOINT_URL_SWF, then AWS_ENDPOINT_URL, as the SDK does', async () => {
    const both = { HOME: emptyHome, AWS_ENDPOINT_URL_SWF: 'http://127.0.0.1:1111', AWS_ENDPOINT_URL: 'http://127.0.0.1:2222' };
    expect(await endpointOf(client({ env: both }))).toBe('http://127.0.0.1:1111');
    expect(await endpointOf(client({ env: { HOME: emptyHome, AWS_ENDPOINT_URL: 'http://127.0.0.1:2222' } }))).toBe('http://127.0.0.1:2222');
    expect(await endpointOf(client({ endpoint: 'http://127.0.0.1:3333', env: both }))).toBe('http://127.0.0.1:3333');
  });

  it('ignores the environment endpoints under AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true', async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    const swf = client({ env: { HOME: emptyHome, AWS_ENDPOINT_URL_SWF: 'http://127.0.0.1:1111', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } });
    expect(await endpointOf(swf)).toBeUndefined();
  });

  it('keeps the region and credentials the environment configures', async () => {
    vi.stubEnv('HOME', emptyHome);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMENV');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret-from-env');
    const swf = client({ endpoint: 'http://127.0.0.1:8233', env: { HOME: emptyHome, AWS_REGION: 'eu-central-1', AWS_ACCESS_KEY_ID: 'AKIDFROMENV' } });
    expect(await swf.config.region()).toBe('eu-central-1');
    expect(await swf.config.credentials()).toMatchObject({ accessKeyId: 'AKIDFROMENV' });
  });

  it('keeps the credentials of the default profile in ~/.aws/credentials, but not a config file with only a region', async () => {
    const home = path.join(emptyHome, 'with-profile');
    mkdirSync(path.join(home, '.aws'), { recursive: true });
    writeFileSync(path.join(home, '.aws', 'config'), '[default]\nregion = eu-west-3\n');
    expect(await client({ endpoint: 'http://127.0.0.1:8233', env: { HOME: home } }).config.credentials()).toMatchObject(LOCAL_CREDENTIALS);
    writeFileSync(path.join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIDFROMFILE\naws_secret_access_key = s\n');
    vi.stubEnv('HOME', home);
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(home, '.aws', 'credentials'));
    vi.stubEnv('AWS_CONFIG_FILE', path.join(home, '.aws', 'config'));
    const swf = client({ endpoint: 'http://127.0.0.1:8233', env: { HOME: home } });
    expect(await swf.config.credentials()).toMatchObject({ accessKeyId: 'AKIDFROMFILE' });
  });

  it('takes explicit region and credentials over every default', async () => {
    const credentials = { accessKeyId: 'AKIDEXPLICIT', secretAccessKey: 'explicit' };
    const swf = client({ endpoint: 'http://127.0.0.1:8233', region: 'ap-south-1', credentials, env: { HOME: emptyHome } });
    expect(await swf.config.region()).toBe('ap-south-1');
    expect(await swf.config.credentials()).toMatchObject({ accessKeyId: 'AKIDEXPLICIT' });
  });
});

describe('createSwfClient for Amazon SWF', () => {
  it('leaves region and credentials to the SDK chain for a non-loopback endpoint', async () => {
    vi.stubEnv('HOME', emptyHome);
    vi.stubEnv('AWS_REGION', 'eu-west-2');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDCHAIN');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'chain');
    const swf = client({ endpoint: 'https://swf.eu-west-2.amazonaws.com', env: { HOME: emptyHome } });
    expect(await swf.config.region()).toBe('eu-west-2');
    expect(await swf.config.credentials()).toMatchObject({ accessKeyId: 'AKIDCHAIN' });
  });

  it('does not invent a region or credentials when no endpoint is configured', async () => {
    vi.stubEnv('HOME', emptyHome);
    vi.stubEnv('AWS_REGION', undefined);
    vi.stubEnv('AWS_DEFAULT_REGION', undefined);
    vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
    vi.stubEnv('AWS_CONFIG_FILE', path.join(emptyHome, 'no-config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(emptyHome, 'no-credentials'));
    const swf = client({ env: { HOME: emptyHome } });
    expect(await endpointOf(swf)).toBeUndefined();
    await expect(swf.config.region()).rejects.toThrow(/Region is missing/);
  });

  it('passes other SDK settings through', async () => {
    const swf = client({ endpoint: 'http://127.0.0.1:8233', env: { HOME: emptyHome }, sdk: { maxAttempts: 7 } });
    expect(await swf.config.maxAttempts()).toBe(7);
  });
});

describe('createSwfClient errors', () => {
  it.each([
    ['localhost:8233', 'got "localhost:8233": it has no scheme; write http://localhost:8233'],
    ['127.0.0.1:8233', 'got "127.0.0.1:8233": it has no scheme; write http://127.0.0.1:8233'],
    ['htp:/nope', 'got "htp:/nope": its scheme "htp:" is not http: or https:'],
    ['http:/nope', 'got "http:/nope": it needs "//" after "http:"'],
    ['ftp://files.example.com', 'its scheme "ftp:" is not http: or https:'],
    ['', 'got "": it is empty'],
    ['not a url', /got "not a url"$/],
  ])('rejects the malformed endpoint %j by name, saying what is allowed', (endpoint, problem) => {
    const create = () => createSwfClient({ endpoint, env: {} });
    expect(create).toThrow(InvalidEndpointError);
    expect(create).toThrow(problem);
    expect(create).toThrow(/^endpoint must be an http:\/\/ or https:\/\/ URL with a host, such as http:\/\/127\.0\.0\.1:8233/);
  });

  it('names the environment variable a malformed endpoint came from', () => {
    expect(() => createSwfClient({ env: { AWS_ENDPOINT_URL_SWF: 'localhost:8233' } })).toThrow(/^AWS_ENDPOINT_URL_SWF must be .* got "localhost:8233": it has no scheme/);
    expect(() => createSwfClient({ env: { AWS_ENDPOINT_URL: 'htp:/nope' } })).toThrow(/^AWS_ENDPOINT_URL must be .* got "htp:\/nope"/);
  });

  it('refuses an unknown option, naming it and the allowed ones', () => {
    const options = { endpiont: 'http://127.0.0.1:8233' } as SwfClientOptions;
    expect(() => createSwfClient(options)).toThrow(UnknownOptionError);
    expect(() => createSwfClient(options)).toThrow(
      'Unknown option "endpiont" in createSwfClient options (did you mean "endpoint"?); allowed: endpoint, region, credentials, sdk, env',
    );
  });

  it('says which endpoint refused the connection and how to start the local server', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const swf = client({ endpoint, env: { HOME: emptyHome }, sdk: { maxAttempts: 1 } });
    const listing = swf.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }));
    await expect(listing).rejects.toBeInstanceOf(EndpointConnectionError);
    await expect(listing).rejects.toMatchObject({ endpoint, code: 'ECONNREFUSED' });
    await expect(listing).rejects.toThrow(`Cannot reach the SWF endpoint ${endpoint}: nothing is listening there (ECONNREFUSED)`);
    await expect(listing).rejects.toThrow('pnpm swirl server');
  });
});

describe('createSwfClient against the local server', () => {
  let local: LocalSwf;
  beforeAll(async () => {
    local = await startLocalSwf(['factory-tests']);
  });
  afterAll(() => local?.close());

  it('talks to the local server with nothing but its endpoint in the environment', async () => {
    const swf = client({ env: { HOME: emptyHome, AWS_ENDPOINT_URL_SWF: local.endpoint } });
    const workflows = new WorkflowClient({ client: swf, domain: 'factory-tests' });
    expect(await workflows.domains.describe('factory-tests')).toMatchObject({ domainInfo: { name: 'factory-tests', status: 'REGISTERED' } });
  });
});
