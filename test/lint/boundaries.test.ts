import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were a source file at `file` (relative to the repository root) and returns the rule ids hit. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const workflowFile = 'packages/workflow/src/__lint_probe__.ts';

describe('package boundaries (ARCHITECTURE.md)', () => {
  it('accepts a workflow source that imports only core and SDK types', async () => {
    const code = [
      "import type { HistoryEvent } from '@aws-sdk/client-swf';",
      "import { toSwfDuration } from '@swirl/core';",
      'export const probe = (events: HistoryEvent[]): string => toSwfDuration(events.length);',
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: path.join(root, workflowFile) });
    expect(result?.messages.map((message) => message.message)).toEqual([]);
  });

  it.each([
    ['a node IO module', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n"],
    ['the AWS SDK at runtime', "import { SWFClient } from '@aws-sdk/client-swf';\nexport const probe = SWFClient;\n"],
    ['pino', "import { pino } from 'pino';\nexport const probe = pino;\n"],
    ['the worker package', "import * as worker from '@swirl/worker';\nexport const probe = worker;\n"],
  ])('rejects a workflow source that imports %s', async (_what, code) => {
    expect(await violations(workflowFile, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['Date.now', 'export const probe = (): number => Date.now();\n', 'no-restricted-properties'],
    ['Math.random', 'export const probe = (): number => Math.random();\n', 'no-restricted-properties'],
    ['setTimeout', 'export const probe = (): unknown => setTimeout(() => undefined, 1);\n', 'no-restricted-globals'],
    ['setInterval', 'export const probe = (): unknown => setInterval(() => undefined, 1);\n', 'no-restricted-globals'],
    ['new Date()', 'export const probe = (): Date => new Date();\n', 'no-restricted-syntax'],
  ])('rejects a workflow source that uses %s', async (_what, code, ruleId) => {
    expect(await violations(workflowFile, code)).toContain(ruleId);
  });

  it('rejects the server importing the worker', async () => {
    const code = "import * as worker from '@swirl/worker';\nexport const probe = worker;\n";
    expect(await violations('packages/server/src/__lint_probe__.ts', code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('rejects a package importing a dependency its package.json does not declare', async () => {
    const code = "import PQueue from 'p-queue';\nexport const probe = PQueue;\n";
    expect(await violations('packages/core/src/__lint_probe__.ts', code)).toContain('import-x/no-extraneous-dependencies');
  });

  it('rejects a floating promise', async () => {
    const code = 'async function work(): Promise<void> {}\nexport function probe(): void {\n  work();\n}\n';
    expect(await violations('packages/core/src/__lint_probe__.ts', code)).toContain('@typescript-eslint/no-floating-promises');
  });

  it('rejects a type imported as a value', async () => {
    const code = "import { DurationInput } from '@swirl/core';\nexport const probe = (value: DurationInput): DurationInput => value;\n";
    expect(await violations('packages/workflow/src/__lint_probe__.ts', code)).toContain('@typescript-eslint/consistent-type-imports');
  });
});
