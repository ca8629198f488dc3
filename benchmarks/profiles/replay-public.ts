/**
 * Replay through the public API, for profiling: `node --import tsx [--cpu-prof]
 * benchmarks/profiles/replay-public.ts [count=4000] [rounds=10]`. Prints the median of each path
 * (raw runtime, replayHistory per file format, replayHistories per history) over the rounds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from '../harness/stats.js';
import { measurePublicReplay, PUBLIC_REPLAY_PATHS } from '../suites/replay/public-replay.js';

const count = Number(process.argv[2] ?? 4_000);
const rounds = Number(process.argv[3] ?? 10);
const folder = await mkdtemp(join(tmpdir(), 'swirl-replay-public-'));
try {
  const result = await measurePublicReplay(count, { min: rounds, max: rounds, budgetMs: 0 }, folder);
  process.stdout.write(`${result.events} events, ${result.decisionTasks} decision tasks checked, ${rounds} rounds\n`);
  for (const path of PUBLIC_REPLAY_PATHS) {
    const ms = median(result.iterationsMs[path]);
    process.stdout.write(`${path.padEnd(32)} ${ms.toFixed(1).padStart(7)} ms  ${((ms / result.events) * 1_000).toFixed(2)} ms/1,000 events\n`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}
