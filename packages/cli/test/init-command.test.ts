import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSwirl } from './support/run-swirl.js';

const clone = path.resolve(import.meta.dirname, '../../..');
const folder = mkdtempSync(path.join(tmpdir(), 'swirl-init-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('swirl init', () => {
  it('writes the project, linking the Swirl packages of this clone, resolved from INIT_CWD', async () => {
    const { code, stdout, stderr } = await runSwirl(['init', 'My App'], { env: { INIT_CWD: folder }, cwd: clone });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const project = path.join(folder, 'My App');
    expect(stdout).toContain(`created ${project}`);
    for (const file of ['src/workflow.ts', 'src/activities.ts', 'src/worker.ts', 'src/starter.ts', 'test/workflow.test.ts', 'histories/hello-ada.json', 'eslint.config.js', 'tsconfig.json', 'vitest.config.ts', '.gitignore', 'README.md']) {
      expect(existsSync(path.join(project, file)), file).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(manifest.name).toBe('my-app');
    expect(manifest.dependencies['@swirl/workflow']).toBe(`link:${path.join(clone, 'packages/workflow')}`);
    expect(Object.keys(manifest.scripts)).toEqual(expect.arrayContaining(['test', 'local-server', 'worker', 'start', 'lint', 'typecheck']));
    expect(readFileSync(path.join(project, 'src/swf.ts'), 'utf8')).toContain("'my-app'");
    expect(readFileSync(path.join(project, 'README.md'), 'utf8')).toContain(`linked (\`link:\` in package.json) from the clone of Swirl at\n\`${clone}\``);
  });

  it('refuses a folder that is not empty, naming it', async () => {
    const busy = path.join(folder, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    const { code, stderr } = await runSwirl(['init', 'busy'], { env: { INIT_CWD: folder } });
    expect(code).toBe(1);
    expect(stderr).toBe('error: busy is not empty (1 entries): swirl init writes only into an empty or new folder\n');
    expect(readFileSync(path.join(busy, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a folder inside the clone', async () => {
    const { code, stderr } = await runSwirl(['init', 'my-app'], { env: { INIT_CWD: clone } });
    expect(code).toBe(1);
    expect(stderr).toContain('is inside the Swirl clone');
    expect(existsSync(path.join(clone, 'my-app'))).toBe(false);
  });
});
