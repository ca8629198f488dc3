/**
 * The shape of `benchmarks/results.json`: the machine, the run, and per suite its measurements
 * (every number with its unit) and its targets with met/missed.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';

export interface Measurement {
  /** What was measured, e.g. `replay ms (median)`. */
  readonly name: string;
  readonly value: number;
  /** `ms`, `events/s`, `MB`, `calls`, `workflows/s`, `ratio`, ... */
  readonly unit: string;
  /** What distinguishes this row from its siblings (engine, N, mode...). */
  readonly labels?: Readonly<Record<string, string | number>>;
}

export interface TargetCheck {
  readonly name: string;
  /** The target in words, e.g. `>= 100x Temporal events/s`. */
  readonly target: string;
  readonly actual: number;
  readonly unit: string;
  readonly met: boolean;
}

export interface SuiteResult {
  readonly suite: string;
  readonly durationMs: number;
  readonly measurements: Measurement[];
  readonly targets: TargetCheck[];
  /** Facts a reader needs to interpret the numbers (workload sizes, what could not run and why). */
  readonly notes: string[];
}

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly availableParallelism: number;
  readonly memoryTotalMB: number;
  readonly memoryFreeMBAtStart: number;
  /** 1-minute load average at start: other processes compete for the same cores. */
  readonly loadAverage1mAtStart: number;
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
}

/** Which build of the Swirl packages ran: `compiled` (dist, as users run them) or `source` (TypeScript through tsx). */
export type PackagesBuild = 'compiled' | 'source';

export interface BenchResults {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly command: string;
  readonly packages: PackagesBuild;
  readonly machine: MachineInfo;
  readonly suites: SuiteResult[];
}

export function machineInfo(): MachineInfo {
  const cpuList = cpus();
  return {
    cpuModel: cpuList[0]?.model ?? 'unknown',
    cpus: cpuList.length,
    availableParallelism: availableParallelism(),
    memoryTotalMB: Math.round(totalmem() / 2 ** 20),
    memoryFreeMBAtStart: Math.round(freemem() / 2 ** 20),
    loadAverage1mAtStart: loadavg()[0] ?? 0,
    node: process.version,
    platform: process.platform,
    arch: process.arch,
  };
}

/** `pnpm bench` builds first and runs dist; `--conditions=swirl-source` (the tests' smoke run) runs the TypeScript sources. */
export function packagesBuild(): PackagesBuild {
  return import.meta.resolve('@swirl/server').endsWith('.ts') ? 'source' : 'compiled';
}

export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
