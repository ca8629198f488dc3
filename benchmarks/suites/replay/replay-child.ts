/**
 * Replays one history size with one engine in a fresh process, so its peak RSS is its own:
 * `replay-child.ts <swirl|temporal> <count> <min> <max> <budgetMs> [bundlePath]`.
 * Histories are built and converted before the clock starts; a small history is replayed first
 * to warm up (JIT, Temporal's replay worker and V8 context), and is not counted. Swirl replays it
 * several times: one replay of it takes about a millisecond, too little for V8 to optimize the runtime.
 */
import { WorkflowRuntime } from '@swirl/workflow';
import { answerParent, peakRssBytes } from '../../harness/child-process.js';
import { SequentialActivities } from '../../workloads/sequential-activities.js';
import { wantsAnotherIteration, type IterationPlan } from './replay-iterations.js';
import { buildSwirlSequentialHistory } from './swirl-history.js';
import { buildTemporalSequentialHistory } from './temporal-history.js';

export interface ReplayChildResult {
  readonly engine: 'swirl' | 'temporal';
  readonly count: number;
  readonly events: number;
  readonly iterationsMs: number[];
  readonly rssBeforeBytes: number;
  readonly peakRssBytes: number;
}

const WARM_UP_COUNT = 50;
/** Uncounted Swirl replays of the warm-up history (about 20 ms in all). */
const SWIRL_WARM_UP_REPLAYS = 20;

type ReplayMeasurement = Omit<ReplayChildResult, 'engine' | 'count'>;

async function replaySwirl(count: number, plan: IterationPlan): Promise<ReplayMeasurement> {
  const replayOnce = async (events: ReturnType<typeof buildSwirlSequentialHistory>) => {
    const runtime = new WorkflowRuntime({ workflow: SequentialActivities, execution: { workflowId: 'bench', runId: 'bench-run' } });
    const { decisions } = await runtime.activate(events);
    // A finished history has nothing left to decide; anything else means the replay went wrong.
    if (decisions.length !== 0) throw new Error(`Replay of a closed history produced ${decisions.length} decisions`);
  };
  const warmUp = buildSwirlSequentialHistory(WARM_UP_COUNT);
  for (let replay = 0; replay < SWIRL_WARM_UP_REPLAYS; replay += 1) await replayOnce(warmUp);
  const events = buildSwirlSequentialHistory(count);
  const rssBeforeBytes = process.memoryUsage().rss;
  const iterationsMs: number[] = [];
  const started = performance.now();
  while (wantsAnotherIteration(plan, iterationsMs.length, performance.now() - started)) {
    const t0 = performance.now();
    await replayOnce(events);
    iterationsMs.push(performance.now() - t0);
  }
  return { events: events.length, iterationsMs, rssBeforeBytes, peakRssBytes: peakRssBytes() };
}

async function replayTemporal(count: number, plan: IterationPlan, bundlePath: string): Promise<ReplayMeasurement> {
  // Loaded only here, so a Swirl child's RSS carries no Temporal modules.
  const { historyFromJSON } = await import('@temporalio/common/lib/proto-utils.js');
  const { DefaultLogger, Runtime, Worker } = await import('@temporalio/worker');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const warmUp = historyFromJSON(buildTemporalSequentialHistory(WARM_UP_COUNT));
  const history = historyFromJSON(buildTemporalSequentialHistory(count));
  const rssBeforeBytes = process.memoryUsage().rss;
  const iterationsMs: number[] = [];
  let pulledAt = 0;
  let started = 0;
  // runReplayHistories replays one history at a time and pulls the next only after yielding a result.
  async function* histories() {
    yield { history: warmUp, workflowId: 'warm-up' };
    started = performance.now();
    while (wantsAnotherIteration(plan, iterationsMs.length, performance.now() - started)) {
      pulledAt = performance.now();
      yield { history, workflowId: `bench-${iterationsMs.length}` };
    }
  }
  let warmedUp = false;
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: bundlePath } }, histories())) {
    if (result.error) throw result.error;
    if (warmedUp) iterationsMs.push(performance.now() - pulledAt);
    warmedUp = true;
  }
  return { events: history.events?.length ?? 0, iterationsMs, rssBeforeBytes, peakRssBytes: peakRssBytes() };
}

answerParent(async (): Promise<ReplayChildResult> => {
  const [engine, countArg, minArg, maxArg, budgetArg, bundlePath] = process.argv.slice(2);
  const count = Number(countArg);
  const plan = { min: Number(minArg), max: Number(maxArg), budgetMs: Number(budgetArg) };
  if (engine === 'swirl') return { engine, count, ...(await replaySwirl(count, plan)) };
  if (engine === 'temporal' && bundlePath) return { engine, count, ...(await replayTemporal(count, plan, bundlePath)) };
  throw new Error(`usage: replay-child.ts <swirl|temporal> <count> <min> <max> <budgetMs> [bundlePath for temporal], got ${process.argv.slice(2).join(' ')}`);
});
