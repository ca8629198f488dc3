import { fault } from './faults.js';
import { randomBase64 } from './random-pool.js';

/** Run ids look like the real service's: 44 characters of standard base64 (with `+`, `/`, `=`). */
export const newRunId = (): string => randomBase64(32);

/**
 * Task tokens are opaque and unguessable; the engine maps them to the task they grant. Standard
 * base64 as the real service sends: base64url could start with `-`, which CLIs read as an option.
 */
export const newTaskToken = (): string => randomBase64(48);

const PAGE_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1_000;

/** Encodes a paging cursor as an opaque base64url string stamped with its issue time. */
export function encodePageToken(cursor: Record<string, unknown>, nowMs: number): string {
  return Buffer.from(JSON.stringify({ ...cursor, issuedAt: nowMs })).toString('base64url');
}

/**
 * Decodes a token made by `encodePageToken` for the same `kind` of listing.
 * Tokens older than 24 hours are refused as the real service does.
 */
export function decodePageToken<T extends Record<string, unknown>>(token: string, kind: string, nowMs: number): T {
  let cursor: Record<string, unknown>;
  try {
    cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw fault('ValidationException', `Invalid nextPageToken: pass back the nextPageToken of a previous ${kind} response unchanged`);
  }
  if (typeof cursor !== 'object' || cursor === null || cursor['kind'] !== kind || typeof cursor['issuedAt'] !== 'number') {
    throw fault('ValidationException', `Invalid nextPageToken: this token was not issued for ${kind}`);
  }
  if (nowMs - cursor['issuedAt'] > PAGE_TOKEN_LIFETIME_MS) {
    throw fault('ValidationException', 'Specified token has exceeded its maximum lifetime');
  }
  return cursor as T;
}
