/**
 * `swirl replay <files or folders> --workflows <module>`: replays recorded histories against the
 * current workflow code with @swirl/testing's `replayHistories`, and exits 1 when any of them no
 * longer matches (non-determinism) or cannot be replayed.
 */
import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { replayHistories, type ReplayOptions } from '@swirl/testing';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CliUsageError, formatErrorLine } from '../cli-error.js';
import { CommandContext } from '../command-context.js';

/** A workflow class, as the replayer takes it. */
type WorkflowClass = ReplayOptions['workflows'][number];

export class ReplayFailedError extends Error {
  override readonly name = 'ReplayFailedError';
}

interface FileOutcome {
  readonly file: string;
  readonly ok: boolean;
  readonly events?: number;
  readonly error?: string;
}

async function requireExisting(paths: readonly string[], cwd: string): Promise<string[]> {
  return Promise.all(
    paths.map(async (path) => {
      const absolute = resolve(cwd, path);
      await stat(absolute).catch((error: NodeJS.ErrnoException) => {
        throw new CliUsageError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file or folder' : error.message}`);
      });
      return absolute;
    }),
  );
}

function isWorkflowClass(value: unknown): value is WorkflowClass {
  if (typeof value !== 'function') return false;
  const prototype = (value as { prototype?: { execute?: unknown } }).prototype;
  return typeof prototype?.execute === 'function' && typeof (value as { type?: unknown }).type === 'object';
}

/** The workflow classes a module exports (each a class with `execute` and a static `type`). */
async function loadWorkflows(modulePath: string, cwd: string): Promise<WorkflowClass[]> {
  const module = (await import(pathToFileURL(resolve(cwd, modulePath)).href)) as Record<string, unknown>;
  const workflows = Object.values(module).filter(isWorkflowClass);
  if (workflows.length === 0) {
    throw new CliUsageError(`${modulePath} exports no workflow classes (classes with execute() and a static type)`);
  }
  return workflows;
}

export function registerReplayCommand(program: Command, io: CliIo): void {
  program
    .command('replay <paths...>')
    .description('replay history files (or folders of them) against workflow code; exits 1 on non-determinism')
    .requiredOption('--workflows <module>', 'module that exports the workflow classes')
    .action(async (paths: string[], flags: { workflows: string }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const targets = await requireExisting(paths, io.cwd);
      const workflows = await loadWorkflows(flags.workflows, io.cwd);
      const outcomes: FileOutcome[] = [];
      for (const target of targets) {
        for await (const outcome of replayHistories({ workflows }, target)) {
          const file = relative(io.cwd, outcome.source ?? target) || target;
          outcomes.push(
            outcome.error === undefined
              ? { file, ok: true, ...(outcome.result && { events: outcome.result.events }) }
              : { file, ok: false, error: formatErrorLine(outcome.error).replace(/^error: /, '') },
          );
        }
      }
      if (outcomes.length === 0) throw new CliUsageError(`no .json history files in ${paths.join(', ')}`);
      ctx.print(outcomes, () =>
        outcomes
          .map((outcome) => (outcome.ok ? `ok    ${outcome.file} (${outcome.events} events)\n` : `FAIL  ${outcome.file}: ${outcome.error}\n`))
          .join(''),
      );
      const failed = outcomes.filter((outcome) => !outcome.ok).length;
      if (failed > 0) throw new ReplayFailedError(`${failed} of ${outcomes.length} histories failed to replay`);
    });
}
