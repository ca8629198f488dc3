/**
 * Whether the environment configures AWS credentials the SDK's default chain would find. For a
 * loopback endpoint the answer decides between those and dummy ones: the SDK always signs, the
 * local server never checks, and a newcomer with no AWS setup should not stop at
 * "Could not load credentials from any providers".
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

type Environment = Readonly<Record<string, string | undefined>>;

const CREDENTIAL_VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_PROFILE',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
] as const;

/** Profile keys from which the SDK builds credentials (static keys, a process, SSO, an assumed role). */
const CREDENTIAL_KEYS: ReadonlySet<string> = new Set([
  'aws_access_key_id',
  'credential_process',
  'sso_session',
  'sso_start_url',
  'role_arn',
  'web_identity_token_file',
  'credential_source',
]);

/** The keys of one section of an INI file (`[name]`), or none when the file or section is missing. */
function sectionKeys(file: string, section: string): string[] {
  if (!existsSync(file)) return [];
  const keys: string[] = [];
  let current: string | undefined;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) current = header[1]?.trim();
    else if (current === section) {
      const key = /^\s*([A-Za-z0-9_]+)\s*=/.exec(line)?.[1];
      if (key !== undefined) keys.push(key.toLowerCase());
    }
  }
  return keys;
}

/** True when environment variables or the default profile's files hold credentials. */
export function hasConfiguredCredentials(env: Environment): boolean {
  // AWS_PROFILE counts on its own: the user chose a profile, and the SDK should use it.
  if (CREDENTIAL_VARIABLES.some((name) => env[name])) return true;
  const home = env['HOME'] ?? env['USERPROFILE'] ?? homedir();
  const credentialsFile = env['AWS_SHARED_CREDENTIALS_FILE'] ?? join(home, '.aws', 'credentials');
  const configFile = env['AWS_CONFIG_FILE'] ?? join(home, '.aws', 'config');
  const keys = [...sectionKeys(credentialsFile, 'default'), ...sectionKeys(configFile, 'default'), ...sectionKeys(configFile, 'profile default')];
  return keys.some((key) => CREDENTIAL_KEYS.has(key));
}
