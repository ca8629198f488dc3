import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const ciRun = readFileSync(path.join(root, '.ci/run'), 'utf8');

/** The shell lines of the README's quick start block, comments dropped. */
function quickStartCommands(): string[] {
  const block = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

it('gives a quick start of exactly two command lines: the demo, then the tests', () => {
  const commands = quickStartCommands();
  expect(commands).toHaveLength(2);
  expect(commands[0]).toMatch(/pnpm demo$/);
  expect(commands[1]).toMatch(/pnpm check$/);
});

it('has CI run exactly the README test command', () => {
  const testCommand = quickStartCommands()[1];
  expect(testCommand).toBeDefined();
  const ciLines = ciRun.split('\n').map((line) => line.trim());
  expect(ciLines).toContain(testCommand);
});

it('has CI run the test command in a fresh clone of the checkout, not in place', () => {
  const ciLines = ciRun.split('\n').map((line) => line.trim());
  const cloneLine = ciLines.findIndex((line) => /^git clone\b/.test(line));
  const cdIntoClone = ciLines.findIndex((line, index) => index > cloneLine && /^cd "\$clone/.test(line));
  const testLine = ciLines.indexOf(quickStartCommands()[1] ?? '');
  expect(cloneLine).toBeGreaterThan(-1);
  expect(cdIntoClone).toBeGreaterThan(cloneLine);
  expect(testLine).toBeGreaterThan(cdIntoClone);
  expect(ciRun).toMatch(/mktemp -d/);
  expect(ciRun).toMatch(/trap 'rm -rf/);
});
