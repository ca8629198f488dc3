/**
 * `replayHistories`: replays many recorded histories (files, folders of `.json` files, or loaded
 * histories) and reports each outcome, so one non-deterministic history never hides the others.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replayHistory, toLoadedHistory, type ReplayableHistory, type ReplayOptions, type ReplayResult } from './replay-history.js';

/** The outcome of replaying one history. */
export interface ReplayOutcome {
  /** The file the history came from, when it came from one. */
  readonly source?: string;
  /** The replayed run, when the history could be loaded. */
  readonly execution?: { readonly workflowId: string; readonly runId: string };
  readonly workflowType?: { readonly name: string; readonly version: string };
  /** What was checked, when the replay passed. */
  readonly result?: ReplayResult;
  /** Why it failed (`NonDeterminismError`, `HistoryLoadError`, ...); undefined when it passed. */
  readonly error?: unknown;
}

/** Folders, files or histories to replay; a string or URL naming a folder means every `.json` file under it. */
export type ReplayHistoriesInput = string | URL | Iterable<ReplayableHistory> | AsyncIterable<ReplayableHistory>;

/** Every `.json` file under `folder` (recursively), sorted, so runs report in a stable order. */
export async function historyFilesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function* expand(input: ReplayHistoriesInput): AsyncIterable<ReplayableHistory> {
  if (typeof input === 'string' || input instanceof URL) {
    const path = input instanceof URL ? fileURLToPath(input) : input;
    // A path that is not a folder is replayed as a file; loading reports a missing file per history.
    const isFolder = await stat(path).then((info) => info.isDirectory(), () => false);
    if (isFolder) yield* await historyFilesIn(path);
    else yield path;
    return;
  }
  yield* input;
}

function sourceOf(history: ReplayableHistory): string | undefined {
  if (typeof history === 'string' && !/^\s*[[{]/.test(history)) return history;
  if (history instanceof URL) return fileURLToPath(history);
  return undefined;
}

/**
 * Replays each history in turn and yields `{ source, execution, workflowType, error }` for every
 * one, whether it passed or failed (loading errors included).
 *
 * @example
 * ```ts
 * for await (const outcome of replayHistories({ workflows: [OrderWorkflow] }, 'histories/')) {
 *   if (outcome.error) console.error(outcome.source, outcome.error);
 * }
 * ```
 */
export async function* replayHistories(options: ReplayOptions, histories: ReplayHistoriesInput): AsyncGenerator<ReplayOutcome> {
  for await (const history of expand(histories)) {
    const source = sourceOf(history);
    let loaded;
    try {
      loaded = await toLoadedHistory(history);
    } catch (error) {
      yield { ...(source !== undefined && { source }), error };
      continue;
    }
    const file = loaded.source ?? source;
    const known = {
      ...(file !== undefined && { source: file }),
      ...(loaded.execution && { execution: loaded.execution }),
      ...(loaded.workflowType && { workflowType: loaded.workflowType }),
    };
    try {
      const result = await replayHistory(options, loaded);
      yield { ...known, execution: result.execution, result };
    } catch (error) {
      yield { ...known, error };
    }
  }
}
