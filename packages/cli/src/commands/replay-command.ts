/**
 * `swirl replay <files or folders> --workflows <module>`: replays recorded histories against the
 * current workflow code and exits 1 when any of them no longer matches (non-determinism).
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadHistory, type LoadedHistory } from '@swirl/testing';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CliUsageError, formatErrorLine } from '../cli-error.js';
import { CommandContext } from '../command-context.js';

/** `replayHistory({ workflows }, history)` from @swirl/testing: resolves, or throws NonDeterminismError. */
/** A workflow class as the replayer receives it. */
type WorkflowConstructor = abstract new (...args: never[]) => unknown;

type ReplayHistory = (options: { workflows: readonly WorkflowConstructor[] }, history: LoadedHistory) => Promise<unknown>;

export class ReplayFailedError extends Error {
  override readonly name = 'ReplayFailedError';
}

async function historyFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new CliUsageError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`);
    });
    if (info.isDirectory()) {
      const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
      files.push(
        ...entries
          .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
          .map((entry) => join(entry.parentPath, entry.name))
          .sort(),
      );
    } else {
      files.push(absolute);
    }
  }
  if (files.length === 0) throw new CliUsageError(`no .json history files in ${paths.join(', ')}`);
  return files;
}

function isWorkflowClass(value: unknown): value is WorkflowConstructor {
  if (typeof value !== 'function') return false;
  const prototype = (value as { prototype?: { execute?: unknown } }).prototype;
  return typeof prototype?.execute === 'function' && typeof (value as { type?: unknown }).type === 'object';
}

/** The workflow classes a module exports (each a class with `execute` and a static `type`). */
async function loadWorkflows(modulePath: string, cwd: string): Promise<WorkflowConstructor[]> {
  const url = pathToFileURL(resolve(cwd, modulePath)).href;
  const module = (await import(url)) as Record<string, unknown>;
  const workflows = Object.values(module).filter(isWorkflowClass);
  if (workflows.length === 0) {
    throw new CliUsageError(`${modulePath} exports no workflow classes (classes with execute() and a static type)`);
  }
  return workflows;
}

async function resolveReplayHistory(): Promise<ReplayHistory> {
  const testing = (await import('@swirl/testing')) as Record<string, unknown>;
  const replay = testing['replayHistory'];
  if (typeof replay !== 'function') {
    throw new Error('this build of @swirl/testing has no replayHistory; replay needs it');
  }
  return replay as ReplayHistory;
}

export function registerReplayCommand(program: Command, io: CliIo): void {
  program
    .command('replay <paths...>')
    .description('replay history files (or folders of them) against workflow code; exits 1 on non-determinism')
    .requiredOption('--workflows <module>', 'module that exports the workflow classes')
    .action(async (paths: string[], flags: { workflows: string }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const files = await historyFiles(paths, io.cwd);
      const workflows = await loadWorkflows(flags.workflows, io.cwd);
      const replayHistory = await resolveReplayHistory();
      const outcomes: Array<{ file: string; ok: boolean; events?: number; error?: string }> = [];
      for (const file of files) {
        const shown = relative(io.cwd, file) || file;
        try {
          const history = await loadHistory(file);
          await replayHistory({ workflows }, history);
          outcomes.push({ file: shown, ok: true, events: history.events.length });
        } catch (error) {
          outcomes.push({ file: shown, ok: false, error: formatErrorLine(error).replace(/^error: /, '') });
        }
      }
      ctx.print(outcomes, () =>
        outcomes.map((outcome) => (outcome.ok ? `ok    ${outcome.file} (${outcome.events} events)` : `FAIL  ${outcome.file}: ${outcome.error}`)).join('\n') + '\n',
      );
      const failed = outcomes.filter((outcome) => !outcome.ok).length;
      if (failed > 0) throw new ReplayFailedError(`${failed} of ${outcomes.length} histories failed to replay`);
    });
}
