import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccessKeysError, accessKeysFromEnv, loadAccessKeysFile, parseAccessKeys } from '../../src/auth/access-keys.js';

describe('access keys for --auth sigv4', () => {
  it('reads a keys file, with and without session tokens', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'swirl-keys-')), 'keys.json');
    writeFileSync(path, JSON.stringify({ accessKeys: [{ accessKeyId: 'AKID1', secretAccessKey: 's1' }, { accessKeyId: 'ASIA2', secretAccessKey: 's2', sessionToken: 't2' }] }));
    expect(loadAccessKeysFile(path)).toEqual([
      { accessKeyId: 'AKID1', secretAccessKey: 's1' },
      { accessKeyId: 'ASIA2', secretAccessKey: 's2', sessionToken: 't2' },
    ]);
  });

  it('says what is wrong with a file that is not one, and names it', () => {
    expect(() => parseAccessKeys('{"accessKeys": []}', 'keys.json')).toThrow(/^keys\.json is not an access keys file \(accessKeys must list at least one access key\)/);
    expect(() => parseAccessKeys('{"accessKeys": [{"accessKeyId": "a/b", "secretAccessKey": "s"}]}', 'keys.json')).toThrow(/accessKeys\.0\.accessKeyId must be non-empty, without whitespace/);
    expect(() => parseAccessKeys('{"accessKeys": [{"accessKeyId": "a", "secretAccessKey": "s"}, {"accessKeyId": "a", "secretAccessKey": "t"}]}', 'keys.json')).toThrow(/must not list an accessKeyId twice/);
    expect(() => parseAccessKeys('{"keys": 1}', 'keys.json')).toThrow(AccessKeysError);
    expect(() => parseAccessKeys('not json', 'keys.json')).toThrow(/^keys\.json is not valid JSON/);
    expect(() => loadAccessKeysFile('/no/such/keys.json')).toThrow(/^Cannot read the access keys file \/no\/such\/keys\.json/);
  });

  it('takes one key from SWIRL_AUTH_ACCESS_KEY_ID and SWIRL_AUTH_SECRET_ACCESS_KEY, or none', () => {
    expect(accessKeysFromEnv({})).toEqual([]);
    expect(accessKeysFromEnv({ SWIRL_AUTH_ACCESS_KEY_ID: 'AKID', SWIRL_AUTH_SECRET_ACCESS_KEY: 'secret' })).toEqual([{ accessKeyId: 'AKID', secretAccessKey: 'secret' }]);
    expect(() => accessKeysFromEnv({ SWIRL_AUTH_ACCESS_KEY_ID: 'AKID' })).toThrow(/Set both SWIRL_AUTH_ACCESS_KEY_ID and SWIRL_AUTH_SECRET_ACCESS_KEY, or neither/);
  });
});
