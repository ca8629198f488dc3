/**
 * The newcomer's first hour, played as the READMEs tell it: `pnpm swirl init` into an empty folder
 * outside the clone, then exactly the commands of the new project's README ("Run it"): install, its
 * own test, the local server, its worker and its starter, reading the printed result. No step is
 * run that the READMEs do not say; the one liberty is a free port instead of 8233, taken the way the
 * project's README says (`pnpm local-server --port N` and AWS_ENDPOINT_URL_SWF in the shell).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const folder = mkdtempSync(path.join(tmpdir(), 'swirl-newcomer-'));
const project = path.join(folder, 'my-app');
const background: ChildProcess[] = [];

/** The commands of the first ```sh block under `## heading` in `markdown`, comments dropped. */
function shellCommands(markdown: string, heading: string): string[] {
  const section = markdown.slice(markdown.indexOf(`## ${heading}`));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A long-running command in its own process group; resolves once a stdout line matches `ready`. */
function startBackground(command: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<string> {
  const [file = '', ...args] = command.split(' ');
  const child = spawn(file, args, { cwd: project, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  background.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (ready.test(output)) resolve(output);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  return exited;
}

const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true' };
delete env['AWS_ENDPOINT_URL_SWF'];
delete env['NODE_OPTIONS'];
delete env['VITEST'];

let projectCommands: string[] = [];

beforeAll(async () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const init = shellCommands(readme, 'Your own project')[0] ?? '';
  expect(init).toMatch(/^pnpm swirl init \S+$/);
  // The README names a folder in the home directory; the test names one in its temporary folder.
  const { stdout } = await run('pnpm', ['--silent', 'swirl', 'init', project], { cwd: root, env });
  expect(stdout).toContain(`created ${project}`);
  projectCommands = shellCommands(readFileSync(path.join(project, 'README.md'), 'utf8'), 'Run it');
}, 60_000);

afterAll(async () => {
  await Promise.all(background.map(stop));
  rmSync(folder, { recursive: true, force: true });
}, 30_000);

describe('a newcomer', () => {
  it('is told to install, test, then start the server, the worker and the starter', () => {
    expect(projectCommands).toEqual(['pnpm install', 'pnpm test', 'pnpm local-server', 'pnpm worker', 'pnpm start Ada']);
  });

  it('installs the project and passes its own test (TestEnvironment and a replay)', async () => {
    await run('pnpm', ['install'], { cwd: project, env, timeout: 240_000 });
    const { stdout } = await run('pnpm', ['test'], { cwd: project, env, timeout: 120_000 });
    expect(stdout.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+2 passed/);
  }, 360_000);

  it('lints (with the determinism rules) and type-checks the project as its README says', async () => {
    await run('pnpm', ['lint'], { cwd: project, env, timeout: 120_000 });
    await run('pnpm', ['typecheck'], { cwd: project, env, timeout: 120_000 });
  }, 240_000);

  it('runs the worker and the starter against the local server and reads the result', async () => {
    const port = await freePort();
    const local = { ...env, AWS_ENDPOINT_URL_SWF: `http://127.0.0.1:${port}` };
    await startBackground(`pnpm local-server --port ${port}`, env, new RegExp(`127\\.0\\.0\\.1:${port}`));
    await startBackground('pnpm worker', local, /worker polling/);
    const [file = '', ...args] = (projectCommands[4] ?? '').split(' ');
    const { stdout } = await run(file, args, { cwd: project, env: local, timeout: 60_000 });
    expect(stdout.split('\n')).toContain('Hello, Ada!');
  }, 120_000);
});
