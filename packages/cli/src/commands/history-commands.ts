/** `swirl history show <workflowId [runId] | file.json>` and `swirl history export <workflowId> [runId] -o file.json`. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-swf';
import { loadHistory, serializeHistoryEvent, toSwirlHistoryExport } from '@swirl/testing';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CliUsageError } from '../cli-error.js';
import { CommandContext } from '../command-context.js';
import { renderHistoryTimeline, type TimelineHeader } from '../render/history-timeline.js';

function looksLikeFile(target: string, cwd: string): boolean {
  return target.endsWith('.json') || existsSync(resolve(cwd, target));
}

/** Fetches a live execution's history with the run it belongs to and its type. */
async function fetchExecution(ctx: CommandContext, workflowId: string, runId: string | undefined) {
  const handle = ctx.client.getHandle(workflowId, runId);
  const described = await handle.describe();
  const live = ctx.client.getHandle(workflowId, described.execution.runId);
  const events = await live.fetchHistory({ decodePayloads: false });
  return {
    events,
    header: {
      domain: ctx.domain,
      execution: described.execution,
      workflowType: { name: described.workflowType.name ?? '', version: described.workflowType.version ?? '' },
    } satisfies TimelineHeader,
  };
}

export function registerHistoryCommands(program: Command, io: CliIo): void {
  const history = program.command('history').description('show and export execution histories');

  history
    .command('show <target> [runId]')
    .description('a timeline of a live execution (<workflowId> [runId]) or of a history file (any shape loadHistory reads)')
    .action(async (target: string, runId: string | undefined, _flags: unknown, command: Command) => {
      const ctx = new CommandContext(command, io);
      let events: HistoryEvent[];
      let header: TimelineHeader;
      if (looksLikeFile(target, io.cwd)) {
        if (runId !== undefined) throw new CliUsageError('a runId goes with a workflowId, not with a history file');
        const loaded = await loadHistory(resolve(io.cwd, target));
        events = loaded.events;
        header = {
          ...(loaded.domain !== undefined && { domain: loaded.domain }),
          ...(loaded.execution !== undefined && { execution: loaded.execution }),
          ...(loaded.workflowType !== undefined && { workflowType: loaded.workflowType }),
          source: target,
        };
      } else {
        ({ events, header } = await fetchExecution(ctx, target, runId));
      }
      ctx.print(events.map(serializeHistoryEvent), () => renderHistoryTimeline(events, header, ctx.colorEnabled));
    });

  history
    .command('export <workflowId> [runId]')
    .description("write an execution's history in Swirl's format, for loadHistory and swirl replay")
    .requiredOption('-o, --out <file>', 'the JSON file to write')
    .action(async (workflowId: string, runId: string | undefined, flags: { out: string }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const { events, header } = await fetchExecution(ctx, workflowId, runId);
      const exported = toSwirlHistoryExport({
        domain: ctx.domain,
        execution: header.execution,
        workflowType: header.workflowType,
        events,
      });
      const path = resolve(io.cwd, flags.out);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${JSON.stringify(exported, null, 2)}\n`);
      ctx.done(`Wrote ${events.length} events of ${workflowId} run ${header.execution.runId} to ${flags.out}`, {
        file: path,
        events: events.length,
        execution: header.execution,
      });
    });
}
