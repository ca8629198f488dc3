import { quietSdkNodeVersionWarning } from '@swirl/client';
import { describe, expect, it } from 'vitest';
import { TestEnvironment } from '../../src/environment/test-environment.js';

/** The warnings `process` emits while `work` runs (they are delivered on a later tick). */
async function warningsDuring(work: () => void): Promise<string[]> {
  const seen: string[] = [];
  const listener = (warning: Error): void => void seen.push(warning.message);
  process.on('warning', listener);
  try {
    work();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', listener);
  }
  return seen;
}

const SDK_NOTICE = 'NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)\nversions published after the first week of January 2027\nwill require node >=22.';

describe("the AWS SDK's Node 22 notice", () => {
  it('is dropped once a TestEnvironment starts, while other warnings still show', async () => {
    const env = await TestEnvironment.create();
    try {
      const seen = await warningsDuring(() => {
        process.emitWarning(SDK_NOTICE);
        process.emitWarning('SomethingElse: still shown');
      });
      expect(seen).toEqual(['SomethingElse: still shown']);
    } finally {
      await env.teardown();
    }
  });

  it('is filtered by one wrapper however often the filter is installed', () => {
    quietSdkNodeVersionWarning();
    const installed = process.emitWarning;
    quietSdkNodeVersionWarning();
    expect(process.emitWarning).toBe(installed);
  });
});
