/**
 * The flags every command shares, resolved against the environment the way other AWS tools do:
 * the endpoint falls back to AWS_ENDPOINT_URL_SWF, then AWS_ENDPOINT_URL.
 */
import type { SWFClient } from '@aws-sdk/client-swf';
import { configuredEndpoint, createSwfClient as createClientSwfClient, InvalidEndpointError, parseSwfEndpoint, WorkflowClient } from '@swirl/client';
import { CliUsageError } from './cli-error.js';
import type { CliIo } from './cli-io.js';

export { isLoopbackEndpoint } from '@swirl/client';

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

/** `--endpoint`, else the environment's; a malformed one is a usage error naming where it came from. */
function resolveEndpoint(flags: GlobalFlags, env: CliIo['env']): string | undefined {
  const given = flags.endpoint !== undefined ? { endpoint: flags.endpoint, source: '--endpoint' } : configuredEndpoint(env);
  if (given === undefined) return undefined;
  try {
    parseSwfEndpoint(given.endpoint, given.source);
  } catch (error) {
    if (!(error instanceof InvalidEndpointError)) throw error;
    const detail = error.problem === undefined ? '' : `: ${error.problem}`;
    throw new CliUsageError(`${given.source} must be a URL such as http://127.0.0.1:8233, got "${given.endpoint}"${detail}`, { cause: error });
  }
  return given.endpoint;
}

export function resolveGlobals(flags: GlobalFlags, env: CliIo['env']): ResolvedGlobals {
  const output = flags.output ?? 'table';
  if (output !== 'json' && output !== 'table') {
    throw new CliUsageError(`--output must be "json" or "table", got "${output}"`);
  }
  const endpoint = resolveEndpoint(flags, env);
  return {
    endpoint,
    region: flags.region ?? (env['AWS_REGION'] || undefined) ?? (env['AWS_DEFAULT_REGION'] || undefined) ?? 'us-east-1',
    domain: flags.domain ?? (env['SWIRL_DOMAIN'] || undefined),
    output,
    debug: flags.debug ?? false,
  };
}

/** The SWF client for the resolved flags: the client package's factory, so a local server needs no AWS setup. */
export function createSwfClient(globals: ResolvedGlobals, env: CliIo['env']): SWFClient {
  return createClientSwfClient({ region: globals.region, env, ...(globals.endpoint !== undefined && { endpoint: globals.endpoint }) });
}

export function requireDomain(globals: ResolvedGlobals): string {
  if (!globals.domain) throw new CliUsageError('no domain: pass --domain <name> or set SWIRL_DOMAIN');
  return globals.domain;
}

export function createWorkflowClient(globals: ResolvedGlobals, env: CliIo['env'], swf = createSwfClient(globals, env)): WorkflowClient {
  return new WorkflowClient({ client: swf, domain: requireDomain(globals) });
}
