/** `swirl type list|describe|deprecate|undeprecate` for workflow and activity types. */
import type { Command } from 'commander';
import type { TypeKind } from '@swirl/client';
import type { CliIo } from '../cli-io.js';
import { CommandContext } from '../command-context.js';
import { oneOf } from '../parse-arguments.js';
import { formatTime, renderFields, renderTable } from '../render/table.js';

const KINDS = ['workflow', 'activity'] as const;

function parseKind(value: string): TypeKind {
  return oneOf('<kind>', value.toLowerCase(), KINDS);
}

export function registerTypeCommands(program: Command, io: CliIo): void {
  const type = program.command('type').description('list, describe and deprecate workflow and activity types');

  type
    .command('list')
    .description('list the workflow and activity types of the domain')
    .option('--kind <kind>', 'workflow or activity (default: both)')
    .option('--name <name>', 'only types with this name')
    .option('--deprecated', 'list deprecated types instead')
    .action(async (options: { kind?: string; name?: string; deprecated?: boolean }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const kinds = options.kind === undefined ? KINDS : [parseKind(options.kind)];
      const filter = { status: options.deprecated ? 'DEPRECATED' : 'REGISTERED', ...(options.name !== undefined && { name: options.name }) } as const;
      const rows: Array<{ kind: TypeKind; name: string; version: string; status: string; description?: string; creationDate?: Date }> = [];
      for (const kind of kinds) {
        const infos = kind === 'workflow' ? ctx.client.types.listWorkflowTypes(filter) : ctx.client.types.listActivityTypes(filter);
        for await (const info of infos) {
          const id = 'workflowType' in info ? info.workflowType : info.activityType;
          rows.push({
            kind,
            name: id?.name ?? '',
            version: id?.version ?? '',
            status: info.status ?? '',
            ...(info.description !== undefined && { description: info.description }),
            ...(info.creationDate !== undefined && { creationDate: info.creationDate }),
          });
        }
      }
      ctx.print(rows, () =>
        renderTable(
          ['KIND', 'NAME', 'VERSION', 'STATUS', 'CREATED'],
          rows.map((row) => [row.kind, row.name, row.version, row.status, formatTime(row.creationDate)]),
        ),
      );
    });

  type
    .command('describe <kind> <name> <version>')
    .description('show a type and its registered defaults (kind: workflow or activity)')
    .action(async (kindText: string, name: string, version: string, _options: unknown, command: Command) => {
      const ctx = new CommandContext(command, io);
      const kind = parseKind(kindText);
      const detail =
        kind === 'workflow'
          ? await ctx.client.types.describeWorkflowType({ name, version })
          : await ctx.client.types.describeActivityType({ name, version });
      const config = Object.entries(detail.configuration ?? {}).map(([key, value]) => {
        const text = value !== null && typeof value === 'object' && 'name' in value ? String(value.name) : String(value);
        return [key, text] as const;
      });
      ctx.print(detail, () =>
        renderFields([
          ['kind', kind],
          ['name', name],
          ['version', version],
          ['status', detail.typeInfo?.status],
          ['description', detail.typeInfo?.description],
          ['created', formatTime(detail.typeInfo?.creationDate)],
          ['deprecated', formatTime(detail.typeInfo?.deprecationDate)],
          ...config,
        ]),
      );
    });

  for (const verb of ['deprecate', 'undeprecate'] as const) {
    type
      .command(`${verb} <kind> <name> <version>`)
      .description(verb === 'deprecate' ? 'deprecate a type: no new executions or tasks of it' : 'make a deprecated type usable again')
      .action(async (kindText: string, name: string, version: string, _options: unknown, command: Command) => {
        const ctx = new CommandContext(command, io);
        const kind = parseKind(kindText);
        await ctx.client.types[verb](kind, { name, version });
        ctx.done(`${verb === 'deprecate' ? 'Deprecated' : 'Undeprecated'} ${kind} type ${name}@${version}`, { kind, name, version });
      });
  }
}
