/** `swirl domain register|list|describe|deprecate|undeprecate`. */
import type { DomainInfo } from '@aws-sdk/client-swf';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CommandContext } from '../command-context.js';
import { collect, parseIntegerFlag, parseKeyValues } from '../parse-arguments.js';
import { renderFields, renderTable } from '../render/table.js';

export function registerDomainCommands(program: Command, io: CliIo): void {
  const domain = program.command('domain').description('register, list, describe and deprecate domains');

  domain
    .command('register <name>')
    .description('register a domain')
    .option('--retention <days>', 'days closed executions stay visible (0-90)', '30')
    .option('--description <text>', 'description of the domain')
    .option('--tag <key=value>', 'resource tag (repeatable)', collect)
    .action(async (name: string, options: { retention: string; description?: string; tag?: string[] }, command: Command) => {
      const ctx = new CommandContext(command, io);
      await ctx.domains.register({
        name,
        retentionPeriodInDays: parseIntegerFlag('--retention', options.retention, 0, 90),
        ...(options.description !== undefined && { description: options.description }),
        tags: parseKeyValues('--tag', options.tag ?? []),
      });
      ctx.done(`Registered domain ${name}`, { domain: name });
    });

  domain
    .command('list')
    .description('list registered (or deprecated) domains')
    .option('--deprecated', 'list deprecated domains instead')
    .action(async (options: { deprecated?: boolean }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const domains: DomainInfo[] = [];
      for await (const info of ctx.domains.list({ status: options.deprecated ? 'DEPRECATED' : 'REGISTERED' })) {
        domains.push(info);
      }
      ctx.print(domains, () =>
        renderTable(
          ['NAME', 'STATUS', 'DESCRIPTION'],
          domains.map((info) => [info.name ?? '', info.status ?? '', info.description ?? '']),
        ),
      );
    });

  domain
    .command('describe <name>')
    .description('show a domain and its configuration')
    .action(async (name: string, _options: unknown, command: Command) => {
      const ctx = new CommandContext(command, io);
      const detail = await ctx.domains.describe(name);
      ctx.print(detail, () =>
        renderFields([
          ['name', detail.domainInfo?.name],
          ['status', detail.domainInfo?.status],
          ['description', detail.domainInfo?.description],
          ['arn', detail.domainInfo?.arn],
          ['retention (days)', detail.configuration?.workflowExecutionRetentionPeriodInDays],
        ]),
      );
    });

  for (const [verb, help] of [
    ['deprecate', 'deprecate a domain: no new executions or types'],
    ['undeprecate', 'make a deprecated domain usable again'],
  ] as const) {
    domain
      .command(`${verb} <name>`)
      .description(help)
      .action(async (name: string, _options: unknown, command: Command) => {
        const ctx = new CommandContext(command, io);
        await (verb === 'deprecate' ? ctx.domains.deprecate(name) : ctx.domains.undeprecate(name));
        ctx.done(`${verb === 'deprecate' ? 'Deprecated' : 'Undeprecated'} domain ${name}`, { domain: name });
      });
  }
}
