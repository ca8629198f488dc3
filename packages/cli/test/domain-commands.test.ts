import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCliFixture, type CliFixture } from './support/cli-fixture.js';

let cli: CliFixture;
beforeAll(async () => {
  cli = await startCliFixture('cli-domains');
});
afterAll(async () => {
  await cli?.close();
});

describe('swirl domain', () => {
  it('registers a domain, then lists and describes it', async () => {
    const registered = await cli.run(['domain', 'register', 'orders', '--retention', '7', '--description', 'order flows', '--tag', 'team=shop']);
    expect(registered).toEqual({ code: 0, stdout: 'Registered domain orders\n', stderr: '' });

    const listed = await cli.run(['domain', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^NAME\s+STATUS\s+DESCRIPTION\n/);
    expect(listed.stdout).toMatch(/\norders\s+REGISTERED\s+order flows\n/);

    const described = await cli.run(['--output', 'json', 'domain', 'describe', 'orders']);
    expect(JSON.parse(described.stdout)).toMatchObject({
      domainInfo: { name: 'orders', status: 'REGISTERED', description: 'order flows' },
      configuration: { workflowExecutionRetentionPeriodInDays: '7' },
    });
    expect((await cli.run(['domain', 'describe', 'orders'])).stdout).toMatch(/retention \(days\):\s+7\n/);
  });

  it('deprecates and undeprecates a domain', async () => {
    await cli.run(['domain', 'register', 'legacy']);
    expect((await cli.run(['domain', 'deprecate', 'legacy'])).stdout).toBe('Deprecated domain legacy\n');
    const deprecated = await cli.run(['--output', 'json', 'domain', 'list', '--deprecated']);
    expect(JSON.parse(deprecated.stdout)).toEqual([expect.objectContaining({ name: 'legacy', status: 'DEPRECATED' })]);
    expect((await cli.run(['domain', 'undeprecate', 'legacy'])).stdout).toBe('Undeprecated domain legacy\n');
  });

  it('reports an SDK fault as one line with its name and exits 1', async () => {
    const again = await cli.run(['domain', 'register', 'cli-domains']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^error: DomainAlreadyExistsFault: RegisterDomain \(name=cli-domains\): .+\n$/);

    const unknown = await cli.run(['domain', 'describe', 'nowhere']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: UnknownResourceFault: DescribeDomain \(name=nowhere\): .+\n$/);
  });

  it('prints the stack trace only with --debug', async () => {
    const plain = await cli.run(['domain', 'describe', 'nowhere']);
    expect(plain.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const debug = await cli.run(['--debug', 'domain', 'describe', 'nowhere']);
    expect(debug.stderr.split('\n').length).toBeGreaterThan(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('refuses bad flag values before calling SWF', async () => {
    const retention = await cli.run(['domain', 'register', 'x', '--retention', '500']);
    expect(retention).toMatchObject({ code: 1, stderr: 'error: --retention must be a whole number from 0 to 90, got "500"\n' });
    const tag = await cli.run(['domain', 'register', 'x', '--tag', 'novalue']);
    expect(tag.stderr).toBe('error: --tag takes key=value, got "novalue"\n');
  });

  it('lets commander report unknown commands and missing arguments', async () => {
    const unknown = await cli.run(['domain', 'rename']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: unknown command 'rename'/);
    const missing = await cli.run(['domain', 'describe']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: missing required argument 'name'/);
  });
});

describe('global flags', () => {
  it('reads --endpoint over AWS_ENDPOINT_URL_SWF and refuses a bad --output', async () => {
    const viaFlag = await cli.run(['--endpoint', cli.local.endpoint, 'domain', 'list'], { env: { AWS_ENDPOINT_URL_SWF: undefined } });
    expect(viaFlag.code).toBe(0);
    const viaGeneric = await cli.run(['domain', 'list'], { env: { AWS_ENDPOINT_URL_SWF: undefined, AWS_ENDPOINT_URL: cli.local.endpoint } });
    expect(viaGeneric.code).toBe(0);
    const badOutput = await cli.run(['--output', 'yaml', 'domain', 'list']);
    expect(badOutput).toMatchObject({ code: 1, stderr: 'error: --output must be "json" or "table", got "yaml"\n' });
    const badEndpoint = await cli.run(['--endpoint', 'not a url', 'domain', 'list']);
    expect(badEndpoint.stderr).toBe('error: --endpoint must be a URL such as http://127.0.0.1:8233, got "not a url"\n');
  });

  it('asks for a domain when neither --domain nor SWIRL_DOMAIN is set', async () => {
    const run = await cli.run(['workflow', 'list'], { env: { SWIRL_DOMAIN: undefined } });
    expect(run).toMatchObject({ code: 1, stderr: 'error: no domain: pass --domain <name> or set SWIRL_DOMAIN\n' });
  });
});
