import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { UI_ASSETS_DIR } from '../src/index.js';

function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      found.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  }
  return found;
}

// The built page is committed (assets/), so `pnpm install && pnpm swirl server` serves it with no build
// step; this test fails when web/ changed and `pnpm --filter @swirl/ui build:web` was not run.
describe('the committed page', () => {
  const out = mkdtempSync(join(tmpdir(), 'swirl-ui-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is what web/ builds to today', async () => {
    // As `vite build` runs it: vitest's NODE_ENV=test would pick other module variants and names.
    const nodeEnv = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      await build({ mode: 'production', configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), build: { outDir: out, emptyOutDir: true }, logLevel: 'silent' });
    } finally {
      if (nodeEnv === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = nodeEnv;
    }
    const built = files(out);
    const committed = files(UI_ASSETS_DIR);
    expect([...committed.keys()].sort(), 'rebuild with `pnpm --filter @swirl/ui build:web` and commit assets/').toEqual([...built.keys()].sort());
    for (const [name, text] of built) expect(committed.get(name), `assets/${name} is stale`).toBe(text);
  }, 60_000);
});
