/**
 * The flags every command shares, resolved against the environment the way other AWS tools do:
 * the endpoint falls back to AWS_ENDPOINT_URL_SWF, then AWS_ENDPOINT_URL.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SWFClient } from '@aws-sdk/client-swf';
import { WorkflowClient } from '@swirl/client';
import { CliUsageError } from './cli-error.js';
import type { CliIo } from './cli-io.js';

export type OutputFormat = 'json' | 'table';

/** The global flags as commander parses them. */
export interface GlobalFlags {
  readonly endpoint?: string;
  readonly region?: string;
  readonly domain?: string;
  readonly output?: string;
  readonly debug?: boolean;
  readonly color?: boolean;
}

export interface ResolvedGlobals {
  readonly endpoint: string | undefined;
  readonly region: string;
  readonly domain: string | undefined;
  readonly output: OutputFormat;
  readonly debug: boolean;
}

export function resolveGlobals(flags: GlobalFlags, env: CliIo['env']): ResolvedGlobals {
  const output = flags.output ?? 'table';
  if (output !== 'json' && output !== 'table') {
    throw new CliUsageError(`--output must be "json" or "table", got "${output}"`);
  }
  const endpoint = flags.endpoint ?? (env['AWS_ENDPOINT_URL_SWF'] || undefined) ?? (env['AWS_ENDPOINT_URL'] || undefined);
  if (endpoint !== undefined && !URL.canParse(endpoint)) {
    throw new CliUsageError(`--endpoint must be a URL such as http://127.0.0.1:8233, got "${endpoint}"`);
  }
  return {
    endpoint,
    region: flags.region ?? (env['AWS_REGION'] || undefined) ?? (env['AWS_DEFAULT_REGION'] || undefined) ?? 'us-east-1',
    domain: flags.domain ?? (env['SWIRL_DOMAIN'] || undefined),
    output,
    debug: flags.debug ?? false,
  };
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackEndpoint(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return LOOPBACK_HOSTS.has(host) || host.startsWith('127.');
}

function hasConfiguredCredentials(env: CliIo['env']): boolean {
  if (env['AWS_ACCESS_KEY_ID'] || env['AWS_PROFILE'] || env['AWS_WEB_IDENTITY_TOKEN_FILE']) return true;
  if (env['AWS_CONTAINER_CREDENTIALS_RELATIVE_URI'] || env['AWS_CONTAINER_CREDENTIALS_FULL_URI']) return true;
  const home = env['HOME'] ?? homedir();
  const files = [env['AWS_SHARED_CREDENTIALS_FILE'], env['AWS_CONFIG_FILE'], join(home, '.aws', 'credentials'), join(home, '.aws', 'config')];
  return files.some((file) => file !== undefined && existsSync(file));
}

/** An SDK client for the resolved flags; a local server gets dummy credentials when none are set up. */
export function createSwfClient(globals: ResolvedGlobals, env: CliIo['env']): SWFClient {
  const useDummyCredentials =
    globals.endpoint !== undefined && isLoopbackEndpoint(globals.endpoint) && !hasConfiguredCredentials(env);
  return new SWFClient({
    region: globals.region,
    ...(globals.endpoint !== undefined && { endpoint: globals.endpoint }),
    ...(useDummyCredentials && { credentials: { accessKeyId: 'swirl-local', secretAccessKey: 'swirl-local' } }),
  });
}

export function requireDomain(globals: ResolvedGlobals): string {
  if (!globals.domain) throw new CliUsageError('no domain: pass --domain <name> or set SWIRL_DOMAIN');
  return globals.domain;
}

export function createWorkflowClient(globals: ResolvedGlobals, env: CliIo['env'], swf = createSwfClient(globals, env)): WorkflowClient {
  return new WorkflowClient({ client: swf, domain: requireDomain(globals) });
}
