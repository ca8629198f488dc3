/** `pnpm bench [-- --only replay,server] [--quick] [--out file] [--endpoint url]`. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const SUITE_NAMES = ['replay', 'decision-path', 'server', 'memory', 'visibility'] as const;
export type SuiteName = (typeof SUITE_NAMES)[number];

export interface BenchOptions {
  readonly suites: readonly SuiteName[];
  /** Small workloads, for smoke tests: the numbers mean nothing. */
  readonly quick: boolean;
  readonly out: string;
  /** An SWF-compatible endpoint for the server suite; undefined starts an in-process server. */
  readonly endpoint: string | undefined;
}

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export function parseBenchOptions(argv: readonly string[], benchDir: string): BenchOptions {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      only: { type: 'string', multiple: true },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      endpoint: { type: 'string' },
    },
    strict: true,
  });
  const requested = (values.only ?? []).flatMap((list) => list.split(',')).map((name) => name.trim()).filter(Boolean);
  for (const name of requested) {
    if (!(SUITE_NAMES as readonly string[]).includes(name)) {
      throw new BenchUsageError(`Unknown suite "${name}" in --only: the suites are ${SUITE_NAMES.join(', ')}`);
    }
  }
  if (values.endpoint !== undefined && !/^https?:\/\//.test(values.endpoint)) {
    throw new BenchUsageError(`--endpoint must be an http(s) URL such as http://127.0.0.1:8080, got "${values.endpoint}"`);
  }
  return {
    suites: requested.length > 0 ? SUITE_NAMES.filter((name) => requested.includes(name)) : SUITE_NAMES,
    quick: values.quick,
    out: resolve(values.out ?? resolve(benchDir, 'results.json')),
    endpoint: values.endpoint,
  };
}
