/**
 * The README's first program, pasted as a newcomer would: the two "Five minutes with Swirl" blocks
 * in one file, type-checked with the project's strict settings, then run against a local server
 * with only AWS_ENDPOINT_URL_SWF set (no region, no credentials, no ~/.aws).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startServer, type SwirlServer } from '@swirl/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** The ```ts blocks of the README section under `heading`, in order. */
function typescriptBlocks(heading: string): string[] {
  const start = readme.indexOf(`## ${heading}`);
  if (start === -1) throw new Error(`README.md has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 3);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

// Inside test/ so that @swirl/* resolve as they do for the tests; removed afterwards.
const folder = mkdtempSync(path.join(root, 'test/readme-program-'));
const program = path.join(folder, 'program.ts');
let server: SwirlServer;

beforeAll(async () => {
  const [definitions, main] = typescriptBlocks('Five minutes with Swirl');
  writeFileSync(program, `${definitions}\n${main}`);
  writeFileSync(path.join(folder, 'tsconfig.json'), JSON.stringify({ extends: path.join(root, 'tsconfig.base.json'), compilerOptions: { types: ['node'], noEmit: true }, include: ['program.ts'] }));
  server = await startServer({ port: 0, logger: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("the README's first program", () => {
  it('type-checks with the strict settings of the project', async () => {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    await expect(run(process.execPath, [tsc, '-p', path.join(folder, 'tsconfig.json')], { cwd: folder })).resolves.toBeDefined();
  }, 60_000);

  it('runs against the local server with only AWS_ENDPOINT_URL_SWF set, and prints the result', async () => {
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: folder, AWS_ENDPOINT_URL_SWF: server.endpoint };
    const { stdout } = await run(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', program], { cwd: folder, env, timeout: 30_000 });
    expect(stdout.split('\n')).toContain('Hello, Ada!');
  }, 60_000);
});
