/**
 * Suite 1, replay: a full replay of a finished N-activity history, Swirl's WorkflowRuntime against
 * Temporal's `Worker.runReplayHistories` with a pre-built bundle, each size in its own process; and
 * the same through Swirl's public API (`replayHistory` / `replayHistories` on history files).
 */
import { fileURLToPath } from 'node:url';
import { SWF_LIMITS } from '@swirl/core';
import { runInChild } from '../../harness/child-process.js';
import { SuiteReport, type Suite } from '../../harness/suite.js';
import { MB, median, round } from '../../harness/stats.js';
import type { IterationPlan } from './replay-iterations.js';
import { measurePublicPath, recordPublicTargets, type PublicReplayRow } from './public-replay-report.js';
import type { ReplayChildResult } from './replay-child.js';
import { largestCountWithin } from './swirl-history.js';
import { writeTemporalBundle } from './temporal-bundle.js';

const CHILD = fileURLToPath(new URL('./replay-child.ts', import.meta.url));
const SPEEDUP_TARGET = 100;
const LIMIT_REPLAY_TARGET_MS = 250;

interface Plans {
  readonly counts: readonly number[];
  /** Sizes replayed through the public API: about 1,000 and 24,000 events. */
  readonly publicCounts: readonly number[];
  readonly swirl: IterationPlan;
  readonly temporal: IterationPlan;
}

function plans(quick: boolean): Plans {
  if (quick) return { counts: [10, 50], publicCounts: [10, 50], swirl: { min: 2, max: 5, budgetMs: 500 }, temporal: { min: 1, max: 2, budgetMs: 500 } };
  return {
    counts: [100, 1_000, largestCountWithin(SWF_LIMITS.historyEvents), 5_000],
    publicCounts: [166, 4_000],
    swirl: { min: 5, max: 100, budgetMs: 10_000 },
    temporal: { min: 3, max: 10, budgetMs: 20_000 },
  };
}

function runReplay(engine: 'swirl' | 'temporal', count: number, plan: IterationPlan, bundlePath?: string): Promise<ReplayChildResult> {
  const args = [engine, String(count), String(plan.min), String(plan.max), String(plan.budgetMs), ...(bundlePath ? [bundlePath] : [])];
  return runInChild<ReplayChildResult>(CHILD, args);
}

function record(report: SuiteReport, result: ReplayChildResult): { msPerReplay: number; eventsPerSecond: number } {
  const labels = { engine: result.engine, N: result.count, events: result.events };
  const msPerReplay = median(result.iterationsMs);
  const eventsPerSecond = result.events / (msPerReplay / 1_000);
  report.measure('replay time (median)', round(msPerReplay), 'ms', { ...labels, iterations: result.iterationsMs.length });
  report.measure('events replayed per second', round(eventsPerSecond), 'events/s', labels);
  report.measure('time per 1,000 events', round((msPerReplay / result.events) * 1_000), 'ms', labels);
  report.measure('peak RSS', round(result.peakRssBytes / MB), 'MB', labels);
  report.measure('RSS before replay (process baseline)', round(result.rssBeforeBytes / MB), 'MB', labels);
  return { msPerReplay, eventsPerSecond };
}

/** Time per event at the largest N over time per event at the smallest: 1 is perfectly linear. */
function recordLinearity(report: SuiteReport, engine: string, rows: ReadonlyArray<{ count: number; events: number; ms: number }>): number {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const growth = last.ms / last.events / (first.ms / first.events);
  report.measure(`growth: (time/event at N=${last.count}) / (time/event at N=${first.count})`, round(growth), 'ratio', { engine });
  return growth;
}

export const replaySuite: Suite = async ({ quick }) => {
  const report = new SuiteReport();
  const plan = plans(quick);
  report.note(`Workload: SequentialActivities, N do-nothing activities in sequence; a finished history has 6N+5 events.`);
  report.note(`N=${largestCountWithin(SWF_LIMITS.historyEvents)} is the largest run within SWF's ${SWF_LIMITS.historyEvents}-event limit; N=5000 (30,005 events) exceeds it and is replayed only to show growth.`);

  const swirl: Array<{ count: number; events: number; ms: number; eventsPerSecond: number }> = [];
  for (const count of plan.counts) {
    const result = await runReplay('swirl', count, plan.swirl);
    const { msPerReplay, eventsPerSecond } = record(report, result);
    swirl.push({ count, events: result.events, ms: msPerReplay, eventsPerSecond });
  }
  const swirlGrowth = recordLinearity(report, 'swirl', swirl.slice(quick ? 0 : 1));

  report.note('Public path: the history written as Swirl\'s export, AWS CLI v2 output and boto3 pages; each round replays each file with replayHistory, the folder with replayHistories, and the same events with the raw runtime; every replay must check every decision task.');
  const publicRows: PublicReplayRow[] = [];
  for (const count of plan.publicCounts) publicRows.push(await measurePublicPath(report, count, plan.swirl));
  recordPublicTargets(report, publicRows, quick);

  let bundlePath: string | undefined;
  try {
    bundlePath = await writeTemporalBundle();
  } catch (error) {
    report.note(`Temporal comparison not run: bundleWorkflowCode failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const temporal: Array<{ count: number; events: number; ms: number; eventsPerSecond: number }> = [];
  if (bundlePath) {
    const temporalCounts = [...new Set([...plan.counts, ...plan.publicCounts])].sort((a, b) => a - b);
    for (const count of temporalCounts) {
      const result = await runReplay('temporal', count, plan.temporal, bundlePath);
      const { msPerReplay, eventsPerSecond } = record(report, result);
      temporal.push({ count, events: result.events, ms: msPerReplay, eventsPerSecond });
    }
    recordLinearity(report, 'temporal', temporal.filter((row) => plan.counts.includes(row.count)).slice(quick ? 0 : 1));
  }

  for (const own of swirl) {
    const theirs = temporal.find((row) => row.count === own.count);
    if (!theirs) continue;
    const speedup = own.eventsPerSecond / theirs.eventsPerSecond;
    report.measure('Swirl events/s over Temporal events/s', round(speedup), 'ratio', { N: own.count, events: own.events });
    report.target({ name: `replay speed vs Temporal, N=${own.count}`, target: `>= ${SPEEDUP_TARGET}x`, actual: round(speedup), unit: 'x', met: speedup >= SPEEDUP_TARGET });
  }
  for (const own of publicRows) {
    const theirs = temporal.find((row) => row.count === own.count);
    if (!theirs) continue;
    const speedup = theirs.ms / theirs.events / (own.publicMs / own.events);
    report.measure('Swirl public path events/s over Temporal events/s', round(speedup), 'ratio', { N: own.count, events: own.events });
    report.target({ name: `public replay speed vs Temporal, ${own.events} events`, target: `>= ${SPEEDUP_TARGET}x`, actual: round(speedup), unit: 'x', met: speedup >= SPEEDUP_TARGET });
  }
  const atLimit = swirl.find((row) => row.count === largestCountWithin(SWF_LIMITS.historyEvents));
  if (atLimit) {
    report.target({ name: `replay of ${atLimit.events} events (SWF limit)`, target: `< ${LIMIT_REPLAY_TARGET_MS} ms`, actual: round(atLimit.ms), unit: 'ms', met: atLimit.ms < LIMIT_REPLAY_TARGET_MS });
  }
  if (!quick) report.target({ name: 'replay growth is linear (time/event, N=5000 vs N=1000)', target: '<= 1.5', actual: round(swirlGrowth), unit: 'ratio', met: swirlGrowth <= 1.5 });
  return report.result();
};
