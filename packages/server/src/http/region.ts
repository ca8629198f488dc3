/** The region a request is for when it is unsigned or its signature names none. */
export const DEFAULT_REGION = 'us-east-1';

// `Credential=AKID/20240101/eu-west-1/swf/aws4_request`: the region is the third field of the scope.
const CREDENTIAL_SCOPE = /Credential=([^,\s]+)/;

/**
 * Reads the region from a SigV4 `Authorization` header's credential scope. The local server
 * does not verify signatures; it only needs the region for ARNs, as the real endpoint would.
 */
export function regionFromAuthorization(authorization: string | undefined): string {
  const credential = authorization === undefined ? undefined : CREDENTIAL_SCOPE.exec(authorization)?.[1];
  if (credential === undefined) return DEFAULT_REGION;
  const scope = credential.split('/');
  // Read from the end: AKID/date/region/service/aws4_request.
  const region = scope.length >= 5 ? scope[scope.length - 3] : undefined;
  return region !== undefined && region.length > 0 ? region : DEFAULT_REGION;
}
