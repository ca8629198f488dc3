/**
 * Verifies the SigV4 signature of each SWF call, with the AWS SDK's own signer
 * (`@smithy/signature-v4`): the request is signed again with the secret of the access key it
 * names, over exactly the headers it says it signed, and the two signatures must match. The
 * faults and their words are those of AWS JSON services (see the server README's fault table).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { SwfFault } from '@swirl/core';
import type { AccessKey } from './access-keys.js';
import { parseAuthorization, type SigV4Authorization } from './authorization-header.js';

/** Options of `--auth sigv4` (`startServer({ auth })`). */
export interface SigV4AuthOptions {
  readonly type: 'sigv4';
  /** The key pairs whose signatures are accepted; at least one. */
  readonly accessKeys: readonly AccessKey[];
  /** Wall clock the request's `X-Amz-Date` is checked against, in ms since the epoch. @default Date.now */
  readonly now?: () => number;
}

/** Checks one request; throws the `SwfFault` to answer when it is not signed by a known key. `body` is absent when too large to keep. */
export type RequestAuthenticator = (request: IncomingMessage, body: string | undefined) => Promise<void>;

/** The service's allowed clock skew: a signature dated further from its own clock is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const SERVICE = 'swf';
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

export function createSigV4Authenticator(options: SigV4AuthOptions): RequestAuthenticator {
  if (options.accessKeys.length === 0) throw new TypeError('SigV4 authentication needs at least one access key');
  const keys = new Map(options.accessKeys.map((key) => [key.accessKeyId, key]));
  const now = options.now ?? Date.now;

  return async (request, body) => {
    const authorization = request.headers.authorization;
    if (authorization === undefined || authorization === '') {
      throw new SwfFault('MissingAuthenticationTokenException', 'Request is missing Authentication Token');
    }
    const amzDate = headerValue(request, 'x-amz-date');
    const parsed = parseAuthorization(authorization, amzDate !== undefined);
    const signedAt = parseAmzDate(amzDate!);

    const key = keys.get(parsed.accessKeyId);
    if (key === undefined || headerValue(request, 'x-amz-security-token') !== key.sessionToken) {
      throw new SwfFault('UnrecognizedClientException', INVALID_TOKEN);
    }
    checkScope(parsed, amzDate!);
    checkClockSkew(amzDate!, signedAt, now());
    // A body too large to keep is refused by the front end next; its signature cannot be checked.
    if (body === undefined) return;

    const expected = await signatureFor(request, body, parsed, key, signedAt);
    const given = Buffer.from(parsed.signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new SwfFault('InvalidSignatureException', SIGNATURE_MISMATCH);
    }
  };
}

/** The signature the SDK's signer computes for this request with the key's secret, as hex bytes. */
async function signatureFor(request: IncomingMessage, body: string, auth: SigV4Authorization, key: AccessKey, signedAt: Date): Promise<Buffer> {
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(request, name);
    // A header it signed and did not send: no signature can match.
    if (value === undefined) throw new SwfFault('InvalidSignatureException', SIGNATURE_MISMATCH);
    headers[name] = value;
  }
  const bodyHash = headers['x-amz-content-sha256'];
  // The signer trusts a given payload hash; a body changed under a kept hash must still fail.
  if (bodyHash !== undefined && bodyHash !== (await sha256Hex(body))) throw new SwfFault('InvalidSignatureException', SIGNATURE_MISMATCH);

  const url = new URL(request.url ?? '/', 'http://local');
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  const unsigned: HttpRequest = {
    method: request.method ?? 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    path: url.pathname,
    query,
    headers,
    body,
  };
  const signer = new SignatureV4({
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, ...(key.sessionToken !== undefined && { sessionToken: key.sessionToken }) },
    region: auth.region,
    service: SERVICE,
    sha256: Sha256,
    applyChecksum: false,
  });
  const signed = await signer.sign(unsigned, { signingDate: signedAt, signableHeaders: new Set(auth.signedHeaders) });
  const header = signed.headers.authorization ?? '';
  return Buffer.from(header.slice(header.lastIndexOf('Signature=') + 'Signature='.length));
}

function checkScope(auth: SigV4Authorization, amzDate: string): void {
  if (auth.service !== SERVICE) throw new SwfFault('InvalidSignatureException', `Credential should be scoped to correct service: '${SERVICE}'. `);
  const day = amzDate.slice(0, 8);
  if (auth.scopeDate !== day) {
    throw new SwfFault(
      'InvalidSignatureException',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${day}', from '${amzDate}'.`,
    );
  }
}

function checkClockSkew(amzDate: string, signedAt: Date, nowMs: number): void {
  if (signedAt.getTime() < nowMs - MAX_CLOCK_SKEW_MS) {
    throw new SwfFault(
      'InvalidSignatureException',
      `Signature expired: ${amzDate} is now earlier than ${basicFormat(nowMs - MAX_CLOCK_SKEW_MS)} (${basicFormat(nowMs)} - 5 min.)`,
    );
  }
  if (signedAt.getTime() > nowMs + MAX_CLOCK_SKEW_MS) {
    throw new SwfFault(
      'InvalidSignatureException',
      `Signature not yet current: ${amzDate} is still later than ${basicFormat(nowMs + MAX_CLOCK_SKEW_MS)} (${basicFormat(nowMs)} + 5 min.)`,
    );
  }
}

function parseAmzDate(amzDate: string): Date {
  const match = AMZ_DATE.exec(amzDate);
  const date = match && new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!));
  if (!date || basicFormat(date.getTime()) !== amzDate) {
    throw new SwfFault('IncompleteSignatureException', `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  return date;
}

/** `20260101T120000Z`, the form `X-Amz-Date` takes. */
function basicFormat(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}/, '').replace(/[-:]/g, '');
}

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

async function sha256Hex(text: string): Promise<string> {
  const hash = new Sha256();
  hash.update(Buffer.from(text, 'utf8'));
  return Buffer.from(await hash.digest()).toString('hex');
}
