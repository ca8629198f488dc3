/**
 * `pnpm bench`: runs the benchmark suites, prints a table and writes `benchmarks/results.json`.
 * It builds the packages first and runs them compiled, as users run them.
 *
 *   pnpm bench                          every suite
 *   pnpm bench -- --only replay,server  chosen suites (replay, decision-path, server, memory, visibility)
 *   pnpm bench -- --quick               small workloads (a smoke test; the numbers mean nothing)
 *   pnpm bench -- --only server --endpoint http://127.0.0.1:8080   the server suite against any SWF-compatible server
 *   pnpm bench -- --out /tmp/results.json
 */
import { fileURLToPath } from 'node:url';
import { BenchUsageError, parseBenchOptions, type SuiteName } from './harness/cli-options.js';
import { machineInfo, packagesBuild, writeResults, type BenchResults, type SuiteResult } from './harness/results.js';
import type { Suite } from './harness/suite.js';
import { renderResults, renderSuite } from './harness/table.js';
import { decisionPathSuite } from './suites/decision-path/decision-path-suite.js';
import { memorySuite } from './suites/memory/memory-suite.js';
import { replaySuite } from './suites/replay/replay-suite.js';
import { serverSuite } from './suites/server/server-suite.js';
import { visibilitySuite } from './suites/visibility/visibility-suite.js';

const SUITES = {
  replay: replaySuite,
  'decision-path': decisionPathSuite,
  server: serverSuite,
  memory: memorySuite,
  visibility: visibilitySuite,
} satisfies Record<SuiteName, Suite>;

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), fileURLToPath(new URL('.', import.meta.url)));
  const machine = machineInfo();
  const suites: SuiteResult[] = [];
  for (const name of options.suites) {
    process.stderr.write(`swirl bench: running ${name}${options.quick ? ' (quick)' : ''}...\n`);
    const started = performance.now();
    const result = await SUITES[name]({ quick: options.quick, endpoint: options.endpoint });
    const suite: SuiteResult = { suite: name, durationMs: Math.round(performance.now() - started), ...result };
    suites.push(suite);
    process.stderr.write(`${renderSuite(suite)}\n\n`);
  }
  const results: BenchResults = {
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    command: ['pnpm bench', ...process.argv.slice(2)].join(' '),
    packages: packagesBuild(),
    machine,
    suites,
  };
  await writeResults(options.out, results);
  process.stdout.write(`${renderResults(results)}\n\nwrote ${options.out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`swirl bench: ${error instanceof BenchUsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
