import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError, resolveGlobals } from '../src/index.js';
import { runSwirl } from './support/run-swirl.js';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'swirl-cli-errors-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

/** A loopback port nothing listens on: bound, read, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('malformed endpoints', () => {
  it('refuses an endpoint without a scheme, saying how to write it', async () => {
    const run = await runSwirl(['--endpoint', 'localhost:8233', 'domain', 'list'], { env: { HOME: home } });
    expect(run).toMatchObject({
      code: 1,
      stderr: 'error: --endpoint must be a URL such as http://127.0.0.1:8233, got "localhost:8233": it has no scheme; write http://localhost:8233\n',
    });
  });

  it('refuses a scheme other than http or https', async () => {
    const run = await runSwirl(['--endpoint', 'htp:/nope', 'domain', 'list'], { env: { HOME: home } });
    expect(run.stderr).toBe('error: --endpoint must be a URL such as http://127.0.0.1:8233, got "htp:/nope": its scheme "htp:" is not http: or https:\n');
  });

  it('names the environment variable a malformed endpoint came from', () => {
    expect(() => resolveGlobals({}, { AWS_ENDPOINT_URL_SWF: '127.0.0.1:8233' })).toThrow(CliUsageError);
    expect(() => resolveGlobals({}, { AWS_ENDPOINT_URL_SWF: '127.0.0.1:8233' })).toThrow(/^AWS_ENDPOINT_URL_SWF must be a URL .*got "127\.0\.0\.1:8233"/);
    expect(() => resolveGlobals({}, { AWS_ENDPOINT_URL: 'http:/nope' })).toThrow(/^AWS_ENDPOINT_URL must be a URL .*it needs "\/\/" after "http:"/);
  });
});

describe('an endpoint nobody listens on', () => {
  it('says which endpoint refused and how to start the local server', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const run = await runSwirl(['--endpoint', endpoint, 'domain', 'list'], { env: { HOME: home } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^error: EndpointConnectionError: ListDomains \\(registrationStatus=REGISTERED\\): Cannot reach the SWF endpoint ${endpoint}: nothing is listening there \\(ECONNREFUSED\\)\\. Start the local server with \`pnpm swirl server\``),
    );
  });
});

describe('duration flags', () => {
  it('names the flag of a malformed duration before anything is sent', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const args = ['--endpoint', endpoint, '--domain', 'd', 'workflow', 'start', 'Checkout@1', '--id', 'w'];
    const execution = await runSwirl([...args, '--execution-timeout', '2 hours'], { env: { HOME: home } });
    expect(execution).toMatchObject({
      code: 1,
      stderr: 'error: --execution-timeout takes a duration such as 90s, 5m, 1h30m, 7d, whole seconds (300) or NONE, got "2 hours"\n',
    });
    const task = await runSwirl([...args, '--task-timeout', '-5'], { env: { HOME: home } });
    expect(task.stderr).toMatch(/^error: --task-timeout takes a duration .* got "-5"\n$/);
  });
});
