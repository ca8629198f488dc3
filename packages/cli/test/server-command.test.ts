import { ListDomainsCommand, SWFClient } from '@aws-sdk/client-swf';
import { startServer } from '@swirl/server';
import { describe, expect, it } from 'vitest';
import { runSwirl } from './support/run-swirl.js';

/** Resolves with stdout once `predicate` holds for it. */
function stdoutWatcher(predicate: (stdout: string) => boolean) {
  let resolveSeen: (stdout: string) => void = () => {};
  const seen = new Promise<string>((resolve) => (resolveSeen = resolve));
  return { seen, onStdout: (stdout: string) => predicate(stdout) && resolveSeen(stdout) };
}

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

  it('refuses a port out of range', async () => {
    const run = await runSwirl(['server', '--port', '70000']);
    expect(run).toMatchObject({ code: 1, stderr: 'error: --port must be a whole number from 0 to 65535, got "70000"\n' });
  });
});
