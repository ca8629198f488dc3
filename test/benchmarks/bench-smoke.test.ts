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

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Runs `benchmarks/run.ts --quick --only <suite>` from source, writing results.json to a temporary directory. */
async function runQuickBench(suite: 'replay' | 'server'): Promise<{ stdout: string; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'swirl-bench-smoke-'));
  tempDirs.push(dir);
  const out = join(dir, 'results.json');
  const { stdout } = await run(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', 'benchmarks/run.ts', '--quick', '--only', suite, '--out', out], {
    cwd: repositoryRoot,
    maxBuffer: 16 * 2 ** 20,
  });
  return { stdout, out };
}

describe('pnpm bench --quick --only replay', () => {
  it('writes results.json with the machine, the replay suite and units on every number', async () => {
    const { stdout, out } = await runQuickBench('replay');
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
    // The public path: every file format, replayHistories and the raw runtime, at both sizes.
    const publicRows = replay.measurements.filter((m: { name: string }) => m.name === 'public replay time (median)');
    const paths = ['raw runtime', 'swirl-export', 'aws-cli', 'boto3-pages', 'replayHistories (per history)'];
    expect(publicRows.map((m: { labels: { path: string; N: number } }) => `${m.labels.N} ${m.labels.path}`)).toEqual([10, 50].flatMap((n) => paths.map((path) => `${n} ${path}`)));
    expect(publicRows.every((m: { value: number; labels: { 'decision tasks checked': number; N: number } }) => m.value > 0 && m.labels['decision tasks checked'] === m.labels.N + 1)).toBe(true);
    for (const target of replay.targets) {
      expect(typeof target.met).toBe('boolean');
      expect(target.unit).toMatch(/\S/);
    }
  }, 300_000);
});

describe('pnpm bench --quick --only server', () => {
  it('completes every workflow of both concurrent runs (raw SDK loops and Swirl Worker processes) with no task delivered twice', async () => {
    const { out } = await runQuickBench('server');
    const [server] = JSON.parse(await readFile(out, 'utf8')).suites as Array<{ measurements: Array<{ name: string; value: number; labels?: Record<string, unknown> }> }>;
    const rows = (name: string) => server!.measurements.filter((m) => m.name === name);

    const concurrent = rows('one-activity workflows completed, concurrent');
    expect(concurrent.map((m) => m.labels?.['driver'])).toEqual(['raw SDK loops', 'Swirl Workers']);
    expect(concurrent.every((m) => m.labels?.['workflows'] === 40 && m.value > 0)).toBe(true);
    expect(rows('tasks delivered twice').map((m) => m.value)).toEqual([0, 0]);
    // Both ceilings and the serial run were measured; the server process reported its CPU.
    expect(rows('SDK client ceiling, serial (stub answering the recorded responses)')[0]!.value).toBeGreaterThan(0);
    expect(rows('SDK client ceiling, transport only (stub answering {})')[0]!.value).toBeGreaterThan(0);
    expect(rows('one-activity workflows completed, serial')[0]!.value).toBeGreaterThan(0);
    expect(rows('server process CPU per workflow')).toHaveLength(2);
    // Server CPU per workflow on both stores, each at two store sizes.
    const cpu = rows('server process CPU per one-activity workflow');
    expect(cpu.map((m) => `${String(m.labels?.['store'])} ${String(m.labels?.['runs in store'])}`)).toEqual(['memory 10', 'memory 100', 'sqlite 10', 'sqlite 100']);
    expect(cpu.every((m) => m.value > 0)).toBe(true);
    // Per-call latency of the Swirl run, as each process's SDK clients timed it.
    const swirlLatencies = rows('API call latency p50').filter((m) => String(m.labels?.['phase']).startsWith('concurrent, Swirl'));
    expect(new Set(swirlLatencies.map((m) => m.labels?.['operation']))).toEqual(
      new Set(['StartWorkflowExecution', 'PollForDecisionTask', 'RespondDecisionTaskCompleted', 'PollForActivityTask', 'RespondActivityTaskCompleted']),
    );
  }, 300_000);
});
