/**
 * The access keys a server with `--auth sigv4` accepts, read from a JSON file or from the
 * environment. The file:
 *
 *   { "accessKeys": [ { "accessKeyId": "AKIDLOCAL", "secretAccessKey": "local-secret" } ] }
 *
 * An entry may add `"sessionToken"`: requests with that key must then carry it as
 * `X-Amz-Security-Token`, as temporary credentials do; entries without one refuse any token.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** SigV4 splits the credential on `/` and the header on `,` and spaces: an id holding one cannot be read back. */
const ACCESS_KEY_ID = /^[^\s/,=]+$/;

const accessKeySchema = z.strictObject({
  accessKeyId: z.string().regex(ACCESS_KEY_ID, 'must be non-empty, without whitespace, "/", "," or "="'),
  secretAccessKey: z.string().min(1, 'must not be empty'),
  sessionToken: z.string().min(1, 'must not be empty').optional(),
});

const accessKeysFileSchema = z.strictObject({
  accessKeys: z
    .array(accessKeySchema)
    .min(1, 'must list at least one access key')
    .refine((keys) => new Set(keys.map((key) => key.accessKeyId)).size === keys.length, 'must not list an accessKeyId twice'),
});

/** One key pair the server verifies signatures with. */
export type AccessKey = Readonly<z.infer<typeof accessKeySchema>>;

/** The environment variables {@link accessKeysFromEnv} reads. */
export const ACCESS_KEY_ENV = {
  accessKeyId: 'SWIRL_AUTH_ACCESS_KEY_ID',
  secretAccessKey: 'SWIRL_AUTH_SECRET_ACCESS_KEY',
  sessionToken: 'SWIRL_AUTH_SESSION_TOKEN',
} as const;

/** An access keys file or environment that cannot be used, with what is wrong in it. */
export class AccessKeysError extends Error {
  override readonly name = 'AccessKeysError';
}

/** Parses an access keys document (the file's JSON text); `source` names it in errors. */
export function parseAccessKeys(text: string, source: string): AccessKey[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new AccessKeysError(`${source} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = accessKeysFileSchema.safeParse(document);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(document)'} ${issue.message}`);
    throw new AccessKeysError(
      `${source} is not an access keys file (${problems.join('; ')}); expected {"accessKeys": [{"accessKeyId": "...", "secretAccessKey": "..."}]}`,
    );
  }
  return parsed.data.accessKeys.map(withoutUndefined);
}

/** Reads an access keys file (format in this module's comment). */
export function loadAccessKeysFile(path: string): AccessKey[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AccessKeysError(`Cannot read the access keys file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseAccessKeys(text, `The access keys file ${path}`);
}

/** The one key pair given by `SWIRL_AUTH_ACCESS_KEY_ID` and `SWIRL_AUTH_SECRET_ACCESS_KEY`, or none when neither is set. */
export function accessKeysFromEnv(env: Readonly<Record<string, string | undefined>>): AccessKey[] {
  const accessKeyId = env[ACCESS_KEY_ENV.accessKeyId];
  const secretAccessKey = env[ACCESS_KEY_ENV.secretAccessKey];
  const sessionToken = env[ACCESS_KEY_ENV.sessionToken];
  if (accessKeyId === undefined && secretAccessKey === undefined) return [];
  if (accessKeyId === undefined || secretAccessKey === undefined) {
    throw new AccessKeysError(`Set both ${ACCESS_KEY_ENV.accessKeyId} and ${ACCESS_KEY_ENV.secretAccessKey}, or neither (only one is set)`);
  }
  const document = JSON.stringify({ accessKeys: [{ accessKeyId, secretAccessKey, ...(sessionToken !== undefined && { sessionToken }) }] });
  return parseAccessKeys(document, `The access key in ${ACCESS_KEY_ENV.accessKeyId} and ${ACCESS_KEY_ENV.secretAccessKey}`);
}

function withoutUndefined(key: z.infer<typeof accessKeySchema>): AccessKey {
  const { accessKeyId, secretAccessKey, sessionToken } = key;
  return sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken };
}
