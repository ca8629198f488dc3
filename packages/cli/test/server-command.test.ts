import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListDomainsCommand, PollForActivityTaskCommand, RegisterDomainCommand, RegisterWorkflowTypeCommand, SWFClient } from '@aws-sdk/client-swf';
import { startServer } from '@swirl/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSwirl, type RunOptions, type SwirlRun } from './support/run-swirl.js';

/** Resolves with stdout once `predicate` holds for it. */
function stdoutWatcher(predicate: (stdout: string) => boolean) {
  let resolveSeen: (stdout: string) => void = () => {};
  const seen = new Promise<string>((resolve) => (resolveSeen = resolve));
  return { seen, onStdout: (stdout: string) => predicate(stdout) && resolveSeen(stdout) };
}

interface RunningServer {
  readonly endpoint: string;
  readonly banner: string;
  /** Stops the server (as Ctrl-C does) and resolves with the finished run. */
  stop(): Promise<SwirlRun>;
}

/** Runs `swirl server ...args` in process until its banner is printed. */
async function runServer(args: readonly string[], options: Omit<RunOptions, 'shutdownSignal' | 'onStdout'> = {}): Promise<RunningServer> {
  const shutdown = new AbortController();
  const watcher = stdoutWatcher((stdout) => stdout.includes('Ctrl-C'));
  const running = runSwirl(['server', '--port', '0', ...args], { ...options, shutdownSignal: shutdown.signal, onStdout: watcher.onStdout });
  const banner = await Promise.race([watcher.seen, running.then((run) => Promise.reject(new Error(`swirl server exited ${run.code}: ${run.stderr}`)))]);
  const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? 'no endpoint printed';
  return {
    endpoint,
    banner,
    stop: () => {
      shutdown.abort();
      return running;
    },
  };
}

const sdk = (endpoint: string): SWFClient =>
  new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

describe('swirl server', () => {
  it('serves SWF on the chosen port, prints the endpoint and an export hint, and stops cleanly', async () => {
    const shutdown = new AbortController();
    const watcher = stdoutWatcher((stdout) => stdout.includes('Ctrl-C'));
    const running = runSwirl(['server', '--port', '0'], { shutdownSignal: shutdown.signal, onStdout: watcher.onStdout });
    const banner = await watcher.seen;
    const endpoint = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] ?? 'no endpoint printed';
    expect(endpoint).toMatch(/^http:/);
    expect(banner).toContain(`  export AWS_ENDPOINT_URL_SWF=${endpoint}\n`);

    const swf = new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await expect(swf.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }))).resolves.toMatchObject({ domainInfos: [] });
    swf.destroy();

    shutdown.abort();
    const { code, stdout } = await running;
    expect(code).toBe(0);
    expect(stdout).toMatch(/Server stopped\.\n$/);
  });

  it('says the port is taken, in one line, and exits 1', async () => {
    const holder = await startServer({ port: 0 });
    try {
      const run = await runSwirl(['server', '--port', String(holder.port)], { shutdownSignal: AbortSignal.abort() });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: PortInUseError: Port ${holder.port} on 127.0.0.1 is already in use: stop the process holding it, or choose another port with --port (0 picks a free one)\n`,
      );
    } finally {
      await holder.close();
    }
  });

  it('--long-poll-timeout 500ms answers an empty poll after half a second instead of SWF\'s 60 s', async () => {
    const server = await runServer(['--long-poll-timeout', '500ms']);
    expect(server.banner).toContain('Empty polls are answered after 0.5 s (SWF holds them 60 s).');
    const swf = sdk(server.endpoint);
    try {
      await swf.send(new RegisterDomainCommand({ name: 'quick-polls', workflowExecutionRetentionPeriodInDays: '1' }));
      const started = performance.now();
      const poll = await swf.send(new PollForActivityTaskCommand({ domain: 'quick-polls', taskList: { name: 'nobody-schedules-here' } }));
      const heldMs = performance.now() - started;
      expect(poll.taskToken).toBeUndefined();
      expect(heldMs).toBeGreaterThanOrEqual(450);
      // Far below the 60 s default whatever the machine's load; the test's own timeout is 20 s.
      expect(heldMs).toBeLessThan(15_000);
    } finally {
      swf.destroy();
      await server.stop();
    }
  }, 20_000);

  it('refuses a --long-poll-timeout that is not a duration or is longer than SWF\'s 60 s', async () => {
    expect(await runSwirl(['server', '--long-poll-timeout', 'soon'])).toMatchObject({
      code: 1,
      stderr: 'error: --long-poll-timeout takes a duration such as 500ms, 5s or 1m, got "soon"\n',
    });
    expect(await runSwirl(['server', '--long-poll-timeout', '2m'])).toMatchObject({
      code: 1,
      stderr: 'error: --long-poll-timeout must be at most 60 s, got "2m"\n',
    });
  });

  it('refuses a port out of range', async () => {
    const run = await runSwirl(['server', '--port', '70000']);
    expect(run).toMatchObject({ code: 1, stderr: 'error: --port must be a whole number from 0 to 65535, got "70000"\n' });
  });

  it('refuses an unknown --throttling or --log-level, naming the accepted values', async () => {
    expect(await runSwirl(['server', '--port', '0', '--throttling', 'fast'])).toMatchObject({
      code: 1,
      stderr: 'error: --throttling must be one of aws, off, got "fast"\n',
    });
    expect(await runSwirl(['server', '--port', '0', '--log-level', 'loud'])).toMatchObject({
      code: 1,
      stderr: 'error: --log-level must be one of fatal, error, warn, info, debug, trace, silent, got "loud"\n',
    });
  });

  it("--throttling aws answers ThrottlingException past the service's bucket of an operation", async () => {
    const server = await runServer(['--throttling', 'aws']);
    expect(server.banner).toContain("API throttling is on, with the service's buckets.");
    const swf = sdk(server.endpoint);
    try {
      // ListDomains: a bucket of 100 calls that refills 6 a second (of real time here).
      const listDomains = () => swf.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' })).then(() => 'ok', (error: Error) => error.name);
      const answers: string[] = [];
      while (answers.length < 200 && !answers.includes('ThrottlingException')) answers.push(await listDomains());
      expect(answers.slice(0, 100).every((answer) => answer === 'ok')).toBe(true);
      expect(answers.at(-1)).toBe('ThrottlingException');
    } finally {
      swf.destroy();
      expect((await server.stop()).code).toBe(0);
    }
  });

  it('--log-level debug writes pino JSON lines for each request to stderr, never to stdout', async () => {
    const server = await runServer(['--log-level', 'debug']);
    const swf = sdk(server.endpoint);
    await swf.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' }));
    swf.destroy();
    const { code, stdout, stderr } = await server.stop();
    expect(code).toBe(0);
    const lines = stderr.trim().split('\n').map((line) => JSON.parse(line) as { name: string; level: number });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.name === 'swirl-server')).toBe(true);
    expect(lines.some((line) => line.level === 20)).toBe(true);
    expect(stdout).not.toContain('{"level"');
  });

  describe('--auth sigv4', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(join(tmpdir(), 'swirl-cli-auth-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    const signedBy = (endpoint: string, accessKeyId: string, secretAccessKey: string) =>
      new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });
    const listDomains = (swf: SWFClient) => swf.send(new ListDomainsCommand({ registrationStatus: 'REGISTERED' })).then(() => 'ok', (error: Error) => error.name);

    it('--credentials FILE: answers calls signed with a key of the file and refuses others', async () => {
      writeFileSync(join(folder, 'keys.json'), JSON.stringify({ accessKeys: [{ accessKeyId: 'AKIDCLI', secretAccessKey: 'cli-secret' }] }));
      const server = await runServer(['--auth', 'sigv4', '--credentials', 'keys.json'], { cwd: folder });
      expect(server.banner).toContain('Calls must be signed (SigV4) with one of 1 access key.');
      const good = signedBy(server.endpoint, 'AKIDCLI', 'cli-secret');
      const wrong = signedBy(server.endpoint, 'AKIDCLI', 'other');
      const unknown = signedBy(server.endpoint, 'test', 'test');
      try {
        expect(await listDomains(good)).toBe('ok');
        expect(await listDomains(wrong)).toBe('InvalidSignatureException');
        expect(await listDomains(unknown)).toBe('UnrecognizedClientException');
      } finally {
        for (const swf of [good, wrong, unknown]) swf.destroy();
        expect((await server.stop()).code).toBe(0);
      }
    });

    it('takes the key from SWIRL_AUTH_ACCESS_KEY_ID and SWIRL_AUTH_SECRET_ACCESS_KEY without --credentials', async () => {
      const server = await runServer(['--auth', 'sigv4'], { env: { SWIRL_AUTH_ACCESS_KEY_ID: 'AKIDENV', SWIRL_AUTH_SECRET_ACCESS_KEY: 'env-secret' } });
      const good = signedBy(server.endpoint, 'AKIDENV', 'env-secret');
      try {
        expect(await listDomains(good)).toBe('ok');
      } finally {
        good.destroy();
        expect((await server.stop()).code).toBe(0);
      }
    });

    it('says where the keys come from when none are given, and exits 1', async () => {
      const run = await runSwirl(['server', '--port', '0', '--auth', 'sigv4'], { shutdownSignal: AbortSignal.abort(), env: {} });
      expect(run).toMatchObject({
        code: 1,
        stderr: 'error: --auth sigv4 needs access keys: --credentials FILE, or SWIRL_AUTH_ACCESS_KEY_ID and SWIRL_AUTH_SECRET_ACCESS_KEY\n',
      });
      expect(await runSwirl(['server', '--port', '0', '--auth', 'kerberos'])).toMatchObject({ code: 1, stderr: 'error: --auth must be one of none, sigv4, got "kerberos"\n' });
    });
  });

  describe('--db', () => {
    let folder: string;
    beforeEach(() => {
      folder = mkdtempSync(join(tmpdir(), 'swirl-cli-db-'));
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    it('keeps domains and open executions in the SQLite file across a restart, relative to the working directory', async () => {
      const first = await runServer(['--db', 'state/../swirl.db'], { cwd: folder });
      expect(first.banner).toContain(`State is kept in ${join(folder, 'swirl.db')}.`);
      // An empty HOME: no AWS credentials are found, so the CLI signs with its loopback dummies.
      const env = { AWS_ENDPOINT_URL_SWF: first.endpoint, HOME: folder };
      expect(await runSwirl(['domain', 'register', 'durable', '--retention', '3'], { env })).toMatchObject({ code: 0, stderr: '' });
      const swf = sdk(first.endpoint);
      await swf.send(
        new RegisterWorkflowTypeCommand({
          domain: 'durable',
          name: 'Ship',
          version: '1',
          defaultTaskList: { name: 'ship' },
          defaultExecutionStartToCloseTimeout: '3600',
          defaultTaskStartToCloseTimeout: '30',
          defaultChildPolicy: 'TERMINATE',
        }),
      );
      swf.destroy();
      const started = await runSwirl(['--domain', 'durable', '--output', 'json', 'workflow', 'start', 'Ship@1', '--id', 'parcel-1'], { env });
      const { runId } = JSON.parse(started.stdout) as { runId: string };
      expect((await first.stop()).code).toBe(0);

      const second = await runServer(['--db', join(folder, 'swirl.db')]);
      const again = { ...env, AWS_ENDPOINT_URL_SWF: second.endpoint };
      try {
        const domains = await runSwirl(['--output', 'json', 'domain', 'list'], { env: again });
        expect(JSON.parse(domains.stdout)).toEqual([expect.objectContaining({ name: 'durable' })]);
        const described = await runSwirl(['--domain', 'durable', '--output', 'json', 'workflow', 'describe', 'parcel-1'], { env: again });
        expect(JSON.parse(described.stdout)).toMatchObject({ execution: { workflowId: 'parcel-1', runId }, status: 'OPEN' });
      } finally {
        expect((await second.stop()).code).toBe(0);
      }
    });

    it('says in one line why a path cannot be opened, and exits 1', async () => {
      const missing = join(folder, 'no-such-dir', 'swirl.db');
      const run = await runSwirl(['server', '--port', '0', '--db', missing], { shutdownSignal: AbortSignal.abort() });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `error: SqliteStoreOpenError: Cannot open the SQLite store ${missing}: Cannot open database because the directory does not exist ` +
          '(give a new file in an existing, writable directory, or a database Swirl wrote)\n',
      );
    });
  });
});
