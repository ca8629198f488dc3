/** Page tokens: an opaque, signed cursor that only this server could have issued, with SWF's lifetime. */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fault } from '../faults.js';



const PAGE_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1_000;
// A token may be stamped a little after the reader's clock (two engines in one process, a clock
// moved back by a test); more than this is not a token this server issued.
const PAGE_TOKEN_CLOCK_SKEW_MS = 60 * 1_000;

// Page tokens carry the cursor in the clear (small, and readable in a debugger) and an HMAC over it
// with a key made when the process starts, so a client can only hand back what a server issued:
// a forged cursor ({"after":null}) used to reach the sort-key comparison and answer 500. Tokens do
// not survive a restart of the server (the key is new), as a token SWF issued is bound to its service.
const PAGE_TOKEN_KEY = randomBytes(32);

const signatureOf = (payload: string): Buffer => createHmac('sha256', PAGE_TOKEN_KEY).update(payload).digest();

/** Encodes a paging cursor as an opaque, tamper-evident base64url string stamped with its issue time. */
export function encodePageToken(cursor: Record<string, unknown>, nowMs: number): string {
  const payload = Buffer.from(JSON.stringify({ ...cursor, issuedAt: nowMs })).toString('base64url');
  return `${payload}.${signatureOf(payload).toString('base64url')}`;
}

const invalidToken = (kind: string): Error =>
  fault('ValidationException', `Invalid nextPageToken: pass back the nextPageToken of a previous ${kind} response unchanged`);

/** The cursor of a token this process signed, or undefined for anything else. */
function verifiedCursor(token: string): Record<string, unknown> | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const payload = token.slice(0, dot);
  const signature = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = signatureOf(payload);
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return undefined;
  const cursor: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return typeof cursor === 'object' && cursor !== null ? (cursor as Record<string, unknown>) : undefined;
}

/**
 * Decodes a token made by `encodePageToken` for the same `kind` of listing. Tokens not signed
 * by this process are refused; tokens older than 24 hours are refused as the real service does.
 */
export function decodePageToken<T extends Record<string, unknown>>(token: string, kind: string, nowMs: number): T {
  const cursor = verifiedCursor(token);
  if (cursor === undefined) throw invalidToken(kind);
  const issuedAt = cursor['issuedAt'];
  if (cursor['kind'] !== kind || typeof issuedAt !== 'number') {
    throw fault('ValidationException', `Invalid nextPageToken: this token was not issued for ${kind}`);
  }
  if (issuedAt - nowMs > PAGE_TOKEN_CLOCK_SKEW_MS) throw invalidToken(kind);
  if (nowMs - issuedAt > PAGE_TOKEN_LIFETIME_MS) {
    throw fault('ValidationException', 'Specified token has exceeded its maximum lifetime');
  }
  return cursor as T;
}
