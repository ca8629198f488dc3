/**
 * `@swirl/workflow/eslint-config`, the determinism rules users add to their own lint in one line:
 * each non-replayable call in workflow code is reported with its replay-safe replacement.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { workflowDeterminism } from '@swirl/workflow/eslint-config';
import { expect, it } from 'vitest';

const WORKFLOW = `
import { readFileSync } from 'node:fs';
export class Checkout {
  async execute(): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const started = new Date();
    readFileSync('/etc/hosts');
    return Math.random() + Date.now() + started.getTime();
  }
}
`;

it('reports each non-replayable call in workflow code with what to use instead', async () => {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, workflowDeterminism({ files: ['src/workflows/**/*.ts'] })],
  });
  const [result] = await eslint.lintText(WORKFLOW, { filePath: 'src/workflows/checkout.ts' });
  expect(result?.messages.map((message) => message.message).sort()).toEqual(
    [
      "'node:fs' import is restricted from being used by a pattern. Workflow code does no IO: do it in an activity and call that.",
      "Unexpected use of 'setTimeout'. Workflow code must use durable timers (this.sleep()), which replay from history.",
      'new Date() reads the wall clock: use this.now() in workflow code.',
      "'Math.random' is restricted from being used. Workflow code must use this.random(), which is seeded from the run id.",
      "'Date.now' is restricted from being used. Workflow code must use the workflow clock (this.now()), which replays identically.",
    ].sort(),
  );
  const [elsewhere] = await eslint.lintText(WORKFLOW, { filePath: 'src/activities/checkout.ts' });
  expect(elsewhere?.messages).toEqual([]);
});
