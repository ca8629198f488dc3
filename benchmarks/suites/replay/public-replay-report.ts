/**
 * The replay suite's public-path part: `replayHistory` / `replayHistories` on history files, as a
 * user's test calls them, at two sizes, each in its own process, against the raw runtime measured
 * in the same rounds and against Temporal's replay of the same workflow.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '../../harness/child-process.js';
import { median, round } from '../../harness/stats.js';
import type { SuiteReport } from '../../harness/suite.js';
import { PUBLIC_REPLAY_PATHS, type PublicReplayChildResult } from './public-replay.js';
import type { IterationPlan } from './replay-iterations.js';

const CHILD = fileURLToPath(new URL('./public-replay-child.ts', import.meta.url));
/** 24,005 events: the 24,000-event history. */
export const PUBLIC_LARGE_TARGET_MS = 60;
/** The public path over the raw runtime on the same events, at the large size. */
export const PUBLIC_OVER_RAW_TARGET = 1.5;
/** Time per event at the large size over the small one. */
export const PUBLIC_GROWTH_TARGET = 1.25;

export interface PublicReplayRow {
  readonly count: number;
  readonly events: number;
  /** The slowest public path's median (every format and `replayHistories` are measured). */
  readonly publicMs: number;
  readonly rawMs: number;
}

export async function measurePublicPath(report: SuiteReport, count: number, plan: IterationPlan): Promise<PublicReplayRow> {
  const folder = await mkdtemp(join(tmpdir(), 'swirl-bench-replay-public-'));
  let result: PublicReplayChildResult;
  try {
    result = await runInChild<PublicReplayChildResult>(CHILD, [String(count), String(plan.min), String(plan.max), String(plan.budgetMs), folder]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const labels = { N: count, events: result.events, 'decision tasks checked': result.decisionTasks, rounds: result.iterationsMs['raw runtime'].length };
  let publicMs = 0;
  for (const path of PUBLIC_REPLAY_PATHS) {
    const ms = median(result.iterationsMs[path]);
    if (path !== 'raw runtime') publicMs = Math.max(publicMs, ms);
    report.measure('public replay time (median)', round(ms), 'ms', { path, ...labels });
    report.measure('public replay time per 1,000 events', round((ms / result.events) * 1_000), 'ms', { path, ...labels });
  }
  const rawMs = median(result.iterationsMs['raw runtime']);
  report.measure('public replay (slowest path) over the raw runtime', round(publicMs / rawMs), 'ratio', labels);
  return { count, events: result.events, publicMs, rawMs };
}

/** Targets of the public path: the large history's time, its cost over the raw runtime, growth. */
export function recordPublicTargets(report: SuiteReport, rows: readonly PublicReplayRow[], quick: boolean): void {
  const small = rows[0];
  const large = rows.at(-1);
  if (!small || !large || quick) return;
  report.target({
    name: `public replay (replayHistory / replayHistories from a file) of ${large.events} events`,
    target: `< ${PUBLIC_LARGE_TARGET_MS} ms`,
    actual: round(large.publicMs),
    unit: 'ms',
    met: large.publicMs < PUBLIC_LARGE_TARGET_MS,
  });
  const overRaw = large.publicMs / large.rawMs;
  report.target({ name: `public replay over the raw runtime, ${large.events} events`, target: `<= ${PUBLIC_OVER_RAW_TARGET}x`, actual: round(overRaw), unit: 'x', met: overRaw <= PUBLIC_OVER_RAW_TARGET });
  const growth = large.publicMs / large.events / (small.publicMs / small.events);
  report.measure(`public replay growth: (time/event at ${large.events} events) / (time/event at ${small.events})`, round(growth), 'ratio');
  report.target({ name: `public replay cost per event does not grow (${small.events} -> ${large.events} events)`, target: `<= ${PUBLIC_GROWTH_TARGET}`, actual: round(growth), unit: 'ratio', met: growth <= PUBLIC_GROWTH_TARGET });
}
