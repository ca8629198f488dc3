/**
 * The SWF endpoint as users give it (an option, a CLI flag, AWS_ENDPOINT_URL_SWF): checked before
 * the SDK sees it, because the SDK turns `localhost:8233` or `htp:/nope` into a credentials or
 * connection error far from the typo.
 */

/** The environment variables the AWS SDKs read for an SWF endpoint, most specific first. */
export const ENDPOINT_VARIABLES = ['AWS_ENDPOINT_URL_SWF', 'AWS_ENDPOINT_URL'] as const;

export class InvalidEndpointError extends TypeError {
  override readonly name = 'InvalidEndpointError';
  constructor(
    /** Where the endpoint came from: an option, a flag or an environment variable. */
    readonly source: string,
    readonly endpoint: string,
    /** What is wrong, when more can be said than "not a URL". */
    readonly problem: string | undefined,
  ) {
    super(
      `${source} must be an http:// or https:// URL with a host, such as http://127.0.0.1:8233 (the local server, \`pnpm swirl server\`) ` +
        `or https://swf.us-east-1.amazonaws.com; got ${JSON.stringify(endpoint)}${problem === undefined ? '' : `: ${problem}`}`,
    );
  }
}

/** Why an endpoint's text is not an http(s) URL with a host: a reason, `null` for "not a URL at all", or undefined when it is fine. */
function endpointProblem(text: string): string | null | undefined {
  if (text.trim() === '') return 'it is empty';
  // host:port, as in `localhost:8233`: URL would read "localhost:" as the scheme.
  if (/^[^\s:/]+:\d+(\/|$)/.test(text)) return `it has no scheme; write http://${text}`;
  const scheme = /^([a-z][a-z0-9+.-]*):(\/\/)?/i.exec(text);
  if (!scheme) return null;
  const protocol = scheme[1]?.toLowerCase();
  if (protocol !== 'http' && protocol !== 'https') return `its scheme "${scheme[1]}:" is not http: or https:`;
  if (scheme[2] === undefined) return `it needs "//" after "${scheme[1]}:"`;
  if (!URL.canParse(text)) return null;
  if (new URL(text).hostname === '') return 'it has no host';
  return undefined;
}

/** Parses an endpoint, or throws `InvalidEndpointError` saying what is wrong and what is allowed. */
export function parseSwfEndpoint(endpoint: string, source = 'endpoint'): URL {
  const problem = endpointProblem(endpoint);
  if (problem !== undefined) throw new InvalidEndpointError(source, endpoint, problem ?? undefined);
  return new URL(endpoint);
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '[::1]']);

/** True for 127.0.0.0/8, localhost and ::1: the local server, never real SWF. */
export function isLoopbackEndpoint(endpoint: string | URL): boolean {
  const host = (typeof endpoint === 'string' ? new URL(endpoint) : endpoint).hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The endpoint the environment configures, as the SDK reads it, with the variable it came from. */
export function configuredEndpoint(
  env: Readonly<Record<string, string | undefined>>,
): { readonly endpoint: string; readonly source: string } | undefined {
  if (env['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS']?.toLowerCase() === 'true') return undefined;
  for (const source of ENDPOINT_VARIABLES) {
    const endpoint = env[source];
    if (endpoint) return { endpoint, source };
  }
  return undefined;
}
