import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
// Cycles are found across real files, so this test writes two modules that import each other.
const dir = mkdtempSync(path.join(root, 'test/lint/cycle-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('rejects an import cycle between two modules', async () => {
  writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n");
  writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a.js';\nexport const b = (): number => (a.length > 0 ? 0 : 1);\n");
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintFiles([path.join(dir, 'a.ts')]);
  expect(result?.messages.map((message) => message.ruleId)).toContain('import-x/no-cycle');
});
