/**
 * A request that never reached the endpoint (nothing listening, a host that does not resolve)
 * fails with an error naming the endpoint and, for a loopback one, how to start the local server;
 * the SDK's own error says only `connect ECONNREFUSED 127.0.0.1:8233`, or nothing (an AggregateError).
 */
import type { SWFClient } from '@aws-sdk/client-swf';
import { isLoopbackEndpoint } from './swf-endpoint.js';

const UNREACHABLE: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'its host name does not resolve',
  EAI_AGAIN: 'its host name could not be resolved (DNS lookup failed)',
  EHOSTUNREACH: 'its host is unreachable',
  ENETUNREACH: 'its network is unreachable',
};

export class EndpointConnectionError extends Error {
  override readonly name = 'EndpointConnectionError';
  constructor(
    readonly endpoint: string,
    /** The Node error code, such as `ECONNREFUSED`. */
    readonly code: string,
    cause: unknown,
  ) {
    const advice = isLoopbackEndpoint(endpoint)
      ? 'Start the local server with `pnpm swirl server` (it listens on http://127.0.0.1:8233 by default), or set the endpoint to a server that is running'
      : 'Check the endpoint, your network and the region';
    super(`Cannot reach the SWF endpoint ${endpoint}: ${UNREACHABLE[code] ?? 'the connection failed'} (${code}). ${advice}.`, { cause });
  }
}

/** The code of a connection failure, also when Node reports one per address in an AggregateError. */
function connectionFailureCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code in UNREACHABLE) return code;
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = connectionFailureCode(inner);
      if (innerCode !== undefined) return innerCode;
    }
  }
  return undefined;
}

/** Makes every command of `swf` that cannot reach `endpoint` fail with an `EndpointConnectionError` (after the SDK's retries). */
export function reportUnreachableEndpoint(swf: SWFClient, endpoint: string): void {
  swf.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const code = connectionFailureCode(error);
        throw code === undefined ? error : new EndpointConnectionError(endpoint, code, error);
      }
    },
    { step: 'initialize', name: 'swirlEndpointConnectionError' },
  );
}
