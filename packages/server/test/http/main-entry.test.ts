/** The bare script entry (`src/main.ts`): a real child process, as scripts and the AWS CLI smoke test run it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ListDomainsCommand, PollForDecisionTaskCommand, RegisterDomainCommand, SWFClient } from '@aws-sdk/client-swf';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

async function startMain(args: readonly string[]): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', MAIN, '--port', '0', '--log-level', 'warn', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`main.ts exited with ${code} before listening: ${output}`)));
  });
  return { child, endpoint };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = (await exited) as [number | null];
  return code;
}

const client = (endpoint: string) => new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

describe('main.ts --db', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps registered domains in the SQLite file across a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'swirl-main-'));
    const db = join(dir, 'swirl.db');
    const first = await startMain(['--db', db]);
    const before = client(first.endpoint);
    await before.send(new RegisterDomainCommand({ name: 'kept', workflowExecutionRetentionPeriodInDays: '1' }));
    before.destroy();
    expect(await stop(first.child)).toBe(0);

    const second = await startMain(['--db', db]);
    const after = client(second.endpoint);
    try {
      const { domainInfos } = await after.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }));
      expect(domainInfos?.map((domain) => domain.name)).toEqual(['kept']);
    } finally {
      after.destroy();
      await stop(second.child);
    }
  }, 60_000);
});

describe('main.ts --long-poll-timeout', () => {
  it('answers an empty poll after the given time instead of 60 s', async () => {
    const { child, endpoint } = await startMain(['--long-poll-timeout', '300ms']);
    const swf = client(endpoint);
    try {
      await swf.send(new RegisterDomainCommand({ name: 'quick', workflowExecutionRetentionPeriodInDays: '1' }));
      const started = performance.now();
      const poll = await swf.send(new PollForDecisionTaskCommand({ domain: 'quick', taskList: { name: 'empty' } }));
      expect(poll.taskToken).toBeUndefined();
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
      // Far below the 60 s default whatever the load; the test's own timeout is 60 s.
      expect(performance.now() - started).toBeLessThan(30_000);
    } finally {
      swf.destroy();
      await stop(child);
    }
  }, 60_000);

  it('refuses a value that is not a duration from 0 to 60s, and exits 2', async () => {
    const child = spawn(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', MAIN, '--long-poll-timeout', '90s'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toContain('--long-poll-timeout must be a duration from 0 to 60s such as 500ms or 5s, got "90s"');
  }, 60_000);
});
