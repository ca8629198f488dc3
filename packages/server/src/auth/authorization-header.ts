/**
 * Reads a SigV4 `Authorization` header,
 * `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/swf/aws4_request, SignedHeaders=host;x-amz-date, Signature=<hex>`.
 * A header that lacks a part is answered as AWS JSON services answer it: IncompleteSignatureException
 * naming each missing part.
 */
import { SwfFault } from '@swirl/core';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** The parts of a SigV4 `Authorization` header. */
export interface SigV4Authorization {
  readonly accessKeyId: string;
  /** `YYYYMMDD` of the credential scope. */
  readonly scopeDate: string;
  readonly region: string;
  readonly service: string;
  /** Lower-case header names, in the order signed. */
  readonly signedHeaders: readonly string[];
  /** Lower-case hex. */
  readonly signature: string;
}

const REQUIRED = ['Credential', 'SignedHeaders', 'Signature'] as const;

/** Parses the header; `hasDate` says whether the request carries `X-Amz-Date`, which the same fault reports missing. */
export function parseAuthorization(header: string, hasDate: boolean): SigV4Authorization {
  const space = header.indexOf(' ');
  const algorithm = space === -1 ? header : header.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    throw new SwfFault(
      'IncompleteSignatureException',
      `Unsupported Authorization algorithm '${algorithm}': this server verifies Signature Version 4 (${SIGV4_ALGORITHM}) only`,
    );
  }
  const params = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const pair = part.trim();
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (equals === -1) {
      throw new SwfFault('IncompleteSignatureException', `'${pair}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`);
    }
    params.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  const missing = REQUIRED.filter((name) => !params.get(name)).map((name) => `Authorization header requires '${name}' parameter.`);
  if (!hasDate) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) throw new SwfFault('IncompleteSignatureException', `${missing.join(' ')} Authorization=${header}`);

  const credential = params.get('Credential')!;
  const scope = credential.split('/');
  const [accessKeyId, scopeDate, region, service, terminator] = scope;
  if (scope.length !== 5 || !accessKeyId || !scopeDate || !region || !service || terminator !== 'aws4_request') {
    throw new SwfFault(
      'IncompleteSignatureException',
      `Credential '${credential}' is not <access key id>/<YYYYMMDD>/<region>/<service>/aws4_request in Authorization header: '${header}'.`,
    );
  }
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    signedHeaders: params.get('SignedHeaders')!.split(';').map((name) => name.toLowerCase()),
    signature: params.get('Signature')!.toLowerCase(),
  };
}
