/** The region a request is for when it is unsigned or its signature names none. */
export const DEFAULT_REGION = 'us-east-1';

const CREDENTIAL = 'Credential=';

// A client signs every call with the same credential scope: remember the last one read.
let lastScope: string | undefined;
let lastRegion = DEFAULT_REGION;

/**
 * Reads the region from a SigV4 `Authorization` header's credential scope
 * (`Credential=AKID/20240101/eu-west-1/swf/aws4_request`) for ARNs, as the real endpoint would.
 * Signatures are verified only with `--auth sigv4` (auth/sigv4-authenticator.ts), before this runs.
 */
export function regionFromAuthorization(authorization: string | undefined): string {
  const start = authorization === undefined ? -1 : authorization.indexOf(CREDENTIAL);
  if (start < 0) return DEFAULT_REGION;
  const from = start + CREDENTIAL.length;
  let end = from;
  while (end < authorization!.length && authorization!.charCodeAt(end) > 32 && authorization![end] !== ',') end += 1;
  const scope = authorization!.slice(from, end);
  if (scope === lastScope) return lastRegion;
  const parts = scope.split('/');
  // Read from the end: AKID/date/region/service/aws4_request.
  const region = parts.length >= 5 ? parts[parts.length - 3] : undefined;
  lastScope = scope;
  lastRegion = region !== undefined && region.length > 0 ? region : DEFAULT_REGION;
  return lastRegion;
}
