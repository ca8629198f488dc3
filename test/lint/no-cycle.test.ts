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

it('rejects a cycle made of type-only imports, which import-x/no-cycle does not see', async () => {
  writeFileSync(path.join(dir, 'c.ts'), "import type { D } from './d.js';\nexport interface C { d?: D }\n");
  writeFileSync(path.join(dir, 'd.ts'), "import type { C } from './c.js';\nexport interface D { c?: C }\nexport const d = 1;\n");
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintFiles([path.join(dir, 'c.ts')]);
  const cycle = result?.messages.find((message) => message.ruleId === 'swirl/no-import-cycle');
  expect(cycle?.message).toMatch(/^Import cycle \(type-only imports count\): test\/lint\/cycle-probe-\w+\/c\.ts -> test\/lint\/cycle-probe-\w+\/d\.ts -> test\/lint\/cycle-probe-\w+\/c\.ts\./);
});

it('passes files whose imports run one way', async () => {
  writeFileSync(path.join(dir, 'e.ts'), "import type { F } from './f.js';\nexport interface E { f?: F }\n");
  writeFileSync(path.join(dir, 'f.ts'), 'export interface F { n: number }\n');
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintFiles([path.join(dir, 'e.ts')]);
  expect(result?.messages.filter((message) => message.ruleId === 'swirl/no-import-cycle')).toEqual([]);
});
