import { readFileSync } from 'node:fs';
import * as swf from '@aws-sdk/client-swf';
import { describe, expect, it } from 'vitest';
import { RATE_CAUSE_OF_BUCKET, UNENFORCED_RATE_CAUSES } from '../../src/engine/rate-limits/decision-rate-limits.js';

/** Every `*_RATE_EXCEEDED` value of the SDK's `*FailedCause` enums. */
function sdkRateCauses(): string[] {
  const causes = new Set<string>();
  for (const [name, value] of Object.entries(swf)) {
    if (!name.endsWith('FailedCause') || typeof value !== 'object' || value === null) continue;
    for (const cause of Object.values(value as Record<string, unknown>)) if (typeof cause === 'string' && cause.endsWith('_RATE_EXCEEDED')) causes.add(cause);
  }
  return [...causes].sort();
}

describe('rate causes', () => {
  it("accounts for every rate cause SWF's API lists: enforced by a bucket, or documented as deliberately not", () => {
    const enforced = new Set<string>(Object.values(RATE_CAUSE_OF_BUCKET));
    const accounted = [...enforced, ...UNENFORCED_RATE_CAUSES].sort();
    expect(sdkRateCauses()).toEqual(accounted);
    for (const cause of UNENFORCED_RATE_CAUSES) expect(enforced.has(cause)).toBe(false);
  });

  it('names each cause it does not enforce in the server README, with the reason', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('*Rate causes deliberately not enforced*'));
    expect(section.length).toBeGreaterThan(0);
    for (const cause of UNENFORCED_RATE_CAUSES) expect(section.slice(0, 800)).toContain(`\`${cause}\``);
    expect(section.slice(0, 800)).toContain('publishes no rate');
  });
});
