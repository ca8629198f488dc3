/**
 * One way to get an SDK client for the local server or for Amazon SWF. A loopback endpoint gets a
 * region and dummy credentials when none are configured (the local server checks neither); any
 * other endpoint, or none, leaves region and credentials to the SDK's default chain, untouched.
 */
import { SWFClient, type SWFClientConfig } from '@aws-sdk/client-swf';
import { hasConfiguredCredentials } from './configured-credentials.js';
import { reportUnreachableEndpoint } from './endpoint-connection-error.js';
import { assertKnownOptions, type OptionKeys } from './option-keys.js';
import { quietSdkNodeVersionWarning } from './quiet-sdk-node-warning.js';
import { configuredEndpoint, isLoopbackEndpoint, parseSwfEndpoint } from './swf-endpoint.js';

/** The region a loopback endpoint gets when neither the options nor the environment name one. */
export const LOCAL_REGION = 'us-east-1';

/** The static credentials a loopback endpoint gets when none are configured. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'swirl-local', secretAccessKey: 'swirl-local' } as const;

export interface SwfClientOptions {
  /**
   * The SWF endpoint, an http:// or https:// URL. A malformed one throws `InvalidEndpointError`.
   * @default AWS_ENDPOINT_URL_SWF, then AWS_ENDPOINT_URL (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true), then Amazon SWF in the region
   */
  readonly endpoint?: string;
  /**
   * The AWS region.
   * @default the SDK's chain; for a loopback endpoint AWS_REGION, then AWS_DEFAULT_REGION, then 'us-east-1'
   */
  readonly region?: string;
  /**
   * Credentials or a credentials provider.
   * @default the SDK's chain; for a loopback endpoint with no credentials configured, dummy static ones
   */
  readonly credentials?: SWFClientConfig['credentials'];
  /** Every other SDK setting (retries, logger, request handler), passed through. @default {} */
  readonly sdk?: Omit<SWFClientConfig, 'endpoint' | 'region' | 'credentials'>;
  /** The environment the endpoint, region and credentials are looked up in. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const SWF_CLIENT_OPTION_KEYS = { endpoint: true, region: true, credentials: true, sdk: true, env: true } as const satisfies OptionKeys<SwfClientOptions>;

/** The endpoint the options or environment give, checked, with where it came from. */
function resolveEndpoint(options: SwfClientOptions, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const given = options.endpoint !== undefined ? { endpoint: options.endpoint, source: 'endpoint' } : configuredEndpoint(env);
  if (given === undefined) return undefined;
  parseSwfEndpoint(given.endpoint, given.source);
  return given.endpoint;
}

/**
 * An `SWFClient` for the local server (`AWS_ENDPOINT_URL_SWF=http://127.0.0.1:8233`) or Amazon SWF.
 * A request that cannot reach the endpoint fails with an `EndpointConnectionError` naming it.
 *
 * @example
 * ```ts
 * const swf = createSwfClient();                                          // from the environment
 * const local = createSwfClient({ endpoint: 'http://127.0.0.1:8233' });   // the local server, no AWS setup needed
 * ```
 */
export function createSwfClient(options: SwfClientOptions = {}): SWFClient {
  assertKnownOptions('createSwfClient options', options, SWF_CLIENT_OPTION_KEYS);
  // The SDK warns on its first client that later releases need Node 22; Swirl supports Node 20.19+.
  quietSdkNodeVersionWarning();
  const env = options.env ?? process.env;
  const endpoint = resolveEndpoint(options, env);
  const local = endpoint !== undefined && isLoopbackEndpoint(endpoint);
  const region = options.region ?? (local ? (env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || LOCAL_REGION) : undefined);
  const credentials = options.credentials ?? (local && !hasConfiguredCredentials(env) ? LOCAL_CREDENTIALS : undefined);
  const swf = new SWFClient({
    ...options.sdk,
    ...(endpoint !== undefined && { endpoint }),
    ...(region !== undefined && { region }),
    ...(credentials !== undefined && { credentials }),
  });
  if (endpoint !== undefined) reportUnreachableEndpoint(swf, endpoint);
  return swf;
}
