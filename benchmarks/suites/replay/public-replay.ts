/**
 * Replay through the public API, as a user's test does. The history is written to a folder in each
 * format the loader reads; every round then times `replayHistory` on each file,
 * `replayHistories` on the folder (per history) and, as the reference, the raw
 * `WorkflowRuntime.activate` on the same events already in memory. Every replay must check every
 * decision task of the history and leave nothing to decide, or the child fails.
 */
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { replayHistories, replayHistory, type ReplayResult } from '@swirl/testing';
import { WorkflowRuntime } from '@swirl/workflow';
import { SequentialActivities } from '../../workloads/sequential-activities.js';
import { BENCH_EXECUTION, HISTORY_FILE_FORMATS, writeHistoryFiles, type HistoryFileFormat } from './history-files.js';
import { wantsAnotherIteration, type IterationPlan } from './replay-iterations.js';
import { buildSwirlSequentialHistory } from './swirl-history.js';

export type PublicReplayPath = HistoryFileFormat | 'replayHistories (per history)' | 'raw runtime';

export interface PublicReplayChildResult {
  readonly count: number;
  readonly events: number;
  readonly decisionTasks: number;
  /** Milliseconds of each round, by path. */
  readonly iterationsMs: Record<PublicReplayPath, number[]>;
}

const OPTIONS = { workflows: [SequentialActivities] };
const WARM_UP_COUNT = 50;
const WARM_UP_ROUNDS = 20;

function check(result: ReplayResult, events: number, decisionTasks: number, what: string): void {
  if (result.events !== events || result.decisionTasks !== decisionTasks || result.nextDecisions.length !== 0) {
    throw new Error(
      `${what}: replayed ${result.events} events and checked ${result.decisionTasks} decision tasks with ${result.nextDecisions.length} decisions left, expected ${events} events, ${decisionTasks} tasks, none left`,
    );
  }
}

async function rawReplay(events: readonly HistoryEvent[]): Promise<void> {
  const runtime = new WorkflowRuntime({ workflow: SequentialActivities, execution: BENCH_EXECUTION });
  const { decisions } = await runtime.activate(events);
  if (decisions.length !== 0) throw new Error(`raw replay of a closed history produced ${decisions.length} decisions`);
}

export interface Workload {
  readonly events: HistoryEvent[];
  readonly decisionTasks: number;
  readonly folder: string;
  readonly files: Record<HistoryFileFormat, string>;
}

export async function prepare(count: number, folder: string): Promise<Workload> {
  const events = buildSwirlSequentialHistory(count);
  const decisionTasks = events.filter((event) => event.eventType === 'DecisionTaskCompleted').length;
  return { events, decisionTasks, folder, files: await writeHistoryFiles(folder, events) };
}

/** One round over every path; returns each path's milliseconds. */
export async function round(work: Workload): Promise<Record<PublicReplayPath, number>> {
  const times = {} as Record<PublicReplayPath, number>;
  let t0 = performance.now();
  await rawReplay(work.events);
  times['raw runtime'] = performance.now() - t0;
  for (const format of HISTORY_FILE_FORMATS) {
    t0 = performance.now();
    const result = await replayHistory(OPTIONS, work.files[format]);
    times[format] = performance.now() - t0;
    check(result, work.events.length, work.decisionTasks, work.files[format]);
  }
  t0 = performance.now();
  let replayed = 0;
  for await (const outcome of replayHistories(OPTIONS, work.folder)) {
    if (outcome.error !== undefined || !outcome.result) throw new Error(`replayHistories failed on ${outcome.source}`, { cause: outcome.error });
    check(outcome.result, work.events.length, work.decisionTasks, `replayHistories ${outcome.source}`);
    replayed += 1;
  }
  times['replayHistories (per history)'] = (performance.now() - t0) / replayed;
  if (replayed !== HISTORY_FILE_FORMATS.length) throw new Error(`replayHistories replayed ${replayed} files, expected ${HISTORY_FILE_FORMATS.length}`);
  return times;
}

/** Every path's name, in the order a round runs them. */
export const PUBLIC_REPLAY_PATHS: readonly PublicReplayPath[] = ['raw runtime', ...HISTORY_FILE_FORMATS, 'replayHistories (per history)'];

/** Prepares `count` (after a warm-up on a small history) and runs rounds while `plan` wants them. */
export async function measurePublicReplay(count: number, plan: IterationPlan, folder: string): Promise<PublicReplayChildResult> {
  const warmUp = await prepare(WARM_UP_COUNT, `${folder}/warm-up`);
  for (let n = 0; n < WARM_UP_ROUNDS; n += 1) await round(warmUp);
  const work = await prepare(count, `${folder}/measured`);
  const iterationsMs = Object.fromEntries(PUBLIC_REPLAY_PATHS.map((path) => [path, [] as number[]])) as Record<PublicReplayPath, number[]>;
  let done = 0;
  const started = performance.now();
  while (wantsAnotherIteration(plan, done, performance.now() - started)) {
    const times = await round(work);
    for (const path of PUBLIC_REPLAY_PATHS) iterationsMs[path].push(times[path]);
    done += 1;
  }
  return { count, events: work.events.length, decisionTasks: work.decisionTasks, iterationsMs };
}
