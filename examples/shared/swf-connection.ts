/**
 * How the runnable examples (`worker.ts`, `starter.ts`) reach SWF: the endpoint comes from
 * AWS_ENDPOINT_URL_SWF, the variable the AWS CLI and SDKs read, so one export serves every tool.
 */
import { SWFClient } from '@aws-sdk/client-swf';

/** The SWF domain every example works in; the worker registers it on start. */
export const EXAMPLES_DOMAIN = 'swirl-examples';

export class MissingEndpointError extends Error {
  override readonly name = 'MissingEndpointError';
  constructor() {
    super(
      'AWS_ENDPOINT_URL_SWF is not set. Start a local server in another terminal with `pnpm swirl server`, then ' +
        '`export AWS_ENDPOINT_URL_SWF=http://127.0.0.1:8233` (or set it to https://swf.<region>.amazonaws.com for Amazon SWF).',
    );
  }
}

function isLoopback(endpoint: string): boolean {
  const host = new URL(endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

/**
 * An SDK client for AWS_ENDPOINT_URL_SWF. A loopback endpoint (the local server) gets dummy
 * credentials unless real ones are configured: the SDK always signs, the local server never checks.
 */
export function swfClientFromEnvironment(env: NodeJS.ProcessEnv = process.env): SWFClient {
  const endpoint = env['AWS_ENDPOINT_URL_SWF'];
  if (!endpoint) throw new MissingEndpointError();
  const dummyCredentials = isLoopback(endpoint) && !env['AWS_ACCESS_KEY_ID'] && !env['AWS_PROFILE'];
  return new SWFClient({
    endpoint,
    region: env['AWS_REGION'] ?? 'us-east-1',
    ...(dummyCredentials && { credentials: { accessKeyId: 'swirl-local', secretAccessKey: 'swirl-local' } }),
  });
}
