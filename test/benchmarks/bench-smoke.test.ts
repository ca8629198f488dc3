/**
 * `pnpm bench -- --quick --only replay` runs end to end and writes results.json with the machine,
 * the run and per-suite measurements that all carry a unit. Never asserts on time.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

describe('pnpm bench --quick --only replay', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes results.json with the machine, the replay suite and units on every number', async () => {
    dir = await mkdtemp(join(tmpdir(), 'swirl-bench-smoke-'));
    const out = join(dir, 'results.json');
    const { stdout } = await run(
      process.execPath,
      ['--conditions=swirl-source', '--import', 'tsx', 'benchmarks/run.ts', '--quick', '--only', 'replay', '--out', out],
      { cwd: repositoryRoot, maxBuffer: 16 * 2 ** 20 },
    );
    expect(stdout).toContain(`wrote ${out}`);

    const results = JSON.parse(await readFile(out, 'utf8'));
    expect(results.mode).toBe('quick');
    expect(Number.isNaN(Date.parse(results.date))).toBe(false);
    expect(results.machine.cpus).toBeGreaterThan(0);
    expect(results.machine.memoryTotalMB).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    expect(results.suites.map((suite: { suite: string }) => suite.suite)).toEqual(['replay']);

    const [replay] = results.suites;
    expect(replay.measurements.length).toBeGreaterThan(0);
    for (const measurement of replay.measurements) {
      expect(typeof measurement.name).toBe('string');
      expect(measurement.unit).toMatch(/\S/);
      expect(Number.isFinite(measurement.value)).toBe(true);
      expect(measurement.value).toBeGreaterThanOrEqual(0);
    }
    const swirlRates = replay.measurements.filter(
      (m: { name: string; labels?: { engine?: string } }) => m.name === 'events replayed per second' && m.labels?.engine === 'swirl',
    );
    expect(swirlRates.map((m: { labels: { N: number } }) => m.labels.N)).toEqual([10, 50]);
    expect(swirlRates.every((m: { value: number }) => m.value > 0)).toBe(true);
    for (const target of replay.targets) {
      expect(typeof target.met).toBe('boolean');
      expect(target.unit).toMatch(/\S/);
    }
  }, 300_000);
});
