/** A server, a domain and an env that points `swirl` at them, shared by a test file. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalSwf, type LocalSwf } from '../../../client/test/support/local-swf.js';
import { runSwirl, type RunOptions, type SwirlRun } from './run-swirl.js';

export interface CliFixture {
  readonly local: LocalSwf;
  readonly domain: string;
  /** An empty HOME, so no ~/.aws credentials are found and the CLI uses its loopback dummies. */
  readonly home: string;
  readonly env: Record<string, string>;
  run(args: readonly string[], options?: RunOptions): Promise<SwirlRun>;
  close(): Promise<void>;
}

export async function startCliFixture(domain: string): Promise<CliFixture> {
  const local = await startLocalSwf([domain]);
  const home = await mkdtemp(join(tmpdir(), 'swirl-cli-home-'));
  const env = { AWS_ENDPOINT_URL_SWF: local.endpoint, SWIRL_DOMAIN: domain, HOME: home };
  return {
    local,
    domain,
    home,
    env,
    run: (args, options = {}) => runSwirl(args, { cwd: home, ...options, env: { ...env, ...options.env } }),
    close: async () => {
      await local.close();
      await rm(home, { recursive: true, force: true });
    },
  };
}
