/** `swirl workflow start|list|count|describe|signal|cancel|terminate|result`. */
import type { WorkflowExecutionInfo } from '@aws-sdk/client-swf';
import type { Command } from 'commander';
import type { ListExecutionsOptions } from '@swirl/client';
import type { CliIo } from '../cli-io.js';
import { CliUsageError } from '../cli-error.js';
import { CommandContext } from '../command-context.js';
import { collect, oneOf, parseDurationFlag, parseIntegerFlag, parseJsonFlag, parseTimeFlag, parseTypeRef } from '../parse-arguments.js';
import { formatTime, renderFields, renderTable } from '../render/table.js';

const CHILD_POLICIES = ['TERMINATE', 'REQUEST_CANCEL', 'ABANDON'] as const;
const CLOSE_STATUSES = ['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT'] as const;

interface StartFlags {
  id: string;
  version?: string;
  input?: string;
  taskList?: string;
  executionTimeout?: string;
  taskTimeout?: string;
  childPolicy?: string;
  tag?: string[];
  priority?: string;
  lambdaRole?: string;
}

interface ListFlags {
  closed?: boolean;
  workflowId?: string;
  type?: string;
  tag?: string;
  closeStatus?: string;
  since?: string;
  until?: string;
  closedSince?: string;
  limit?: string;
}

function listOptions(flags: ListFlags): ListExecutionsOptions {
  const status = flags.closed || flags.closeStatus || flags.closedSince ? 'closed' : 'open';
  const window = (flag: string, since: string | undefined, until: string | undefined) => ({
    ...(since !== undefined && { oldest: parseTimeFlag(flag, since) }),
    ...(until !== undefined && { latest: parseTimeFlag('--until', until) }),
  });
  return {
    status,
    ...(flags.closedSince !== undefined
      ? { closeTime: window('--closed-since', flags.closedSince, flags.until) }
      : { startTime: window('--since', flags.since, flags.until) }),
    ...(flags.workflowId !== undefined && { workflowId: flags.workflowId }),
    ...(flags.type !== undefined && { type: parseTypeRef('--type', flags.type) }),
    ...(flags.tag !== undefined && { tag: flags.tag }),
    ...(flags.closeStatus !== undefined && { closeStatus: oneOf('--close-status', flags.closeStatus, CLOSE_STATUSES) }),
  };
}

function addListFilters(command: Command): Command {
  return command
    .option('--closed', 'closed executions instead of open ones')
    .option('--workflow-id <id>', 'only this workflowId')
    .option('--type <name[@version]>', 'only this workflow type')
    .option('--tag <tag>', 'only executions with this tag')
    .option('--close-status <status>', `only closed with this status (${CLOSE_STATUSES.join(', ')})`)
    .option('--since <time>', 'started after this ISO time or duration ago (e.g. 1h, 7d)')
    .option('--closed-since <time>', 'closed after this ISO time or duration ago')
    .option('--until <time>', 'and before this ISO time or duration ago');
}

export function registerWorkflowCommands(program: Command, io: CliIo): void {
  const workflow = program.command('workflow').description('start, list, describe, signal, cancel, terminate executions and await results');

  workflow
    .command('start <type>')
    .description('start an execution of a registered workflow type (type as name or name@version)')
    .requiredOption('--id <workflowId>', 'the workflowId of the new execution')
    .option('--version <version>', 'type version, when <type> has no @version')
    .option('--input <json>', 'input as JSON')
    .option('--task-list <name>', 'decision task list (default: the type default)')
    .option('--execution-timeout <duration>', 'executionStartToCloseTimeout, e.g. 1h or 7d')
    .option('--task-timeout <duration>', 'taskStartToCloseTimeout, e.g. 30s')
    .option('--child-policy <policy>', CHILD_POLICIES.join(', '))
    .option('--tag <tag>', 'execution tag (repeatable, at most 5)', collect)
    .option('--priority <n>', 'decision task priority')
    .option('--lambda-role <arn>', 'IAM role for Lambda tasks')
    .action(async (typeText: string, flags: StartFlags, command: Command) => {
      const ctx = new CommandContext(command, io);
      const type = parseTypeRef('<type>', typeText, flags.version);
      if (type.version === undefined) throw new CliUsageError(`no version for type ${type.name}: write ${type.name}@<version> or pass --version`);
      const handle = await ctx.client.startByType({ name: type.name, version: type.version }, {
        workflowId: flags.id,
        ...(flags.input !== undefined && { input: parseJsonFlag('--input', flags.input) }),
        ...(flags.taskList !== undefined && { taskList: flags.taskList }),
        ...(flags.executionTimeout !== undefined && { executionStartToCloseTimeout: parseDurationFlag('--execution-timeout', flags.executionTimeout) }),
        ...(flags.taskTimeout !== undefined && { taskStartToCloseTimeout: parseDurationFlag('--task-timeout', flags.taskTimeout) }),
        ...(flags.childPolicy !== undefined && { childPolicy: oneOf('--child-policy', flags.childPolicy, CHILD_POLICIES) }),
        ...(flags.tag !== undefined && { tags: flags.tag }),
        ...(flags.priority !== undefined && { taskPriority: parseIntegerFlag('--priority', flags.priority, -2147483648, 2147483647) }),
        ...(flags.lambdaRole !== undefined && { lambdaRole: flags.lambdaRole }),
      });
      ctx.print({ workflowId: handle.workflowId, runId: handle.runId }, () => `Started ${handle.workflowId} run ${handle.runId}\n`);
    });

  addListFilters(workflow.command('list').description('list open (default) or closed executions, newest first'))
    .option('--limit <n>', 'stop after this many executions', '100')
    .action(async (flags: ListFlags, command: Command) => {
      const ctx = new CommandContext(command, io);
      const limit = parseIntegerFlag('--limit', flags.limit ?? '100', 1, 1_000_000);
      const options = listOptions(flags);
      const executions: WorkflowExecutionInfo[] = [];
      for await (const info of ctx.client.list({ ...options, pageSize: Math.min(limit, 1000) })) {
        executions.push(info);
        if (executions.length >= limit) break;
      }
      ctx.print(executions, () =>
        renderTable(
          ['WORKFLOW ID', 'RUN ID', 'TYPE', 'STATUS', 'STARTED', 'CLOSED'],
          executions.map((info) => [
            info.execution?.workflowId ?? '',
            info.execution?.runId ?? '',
            `${info.workflowType?.name}@${info.workflowType?.version}`,
            info.closeStatus ?? info.executionStatus ?? '',
            formatTime(info.startTimestamp),
            formatTime(info.closeTimestamp),
          ]),
        ),
      );
    });

  addListFilters(workflow.command('count').description('count open (default) or closed executions')).action(
    async (flags: ListFlags, command: Command) => {
      const ctx = new CommandContext(command, io);
      const options = listOptions(flags);
      const count = await ctx.client.count(options);
      ctx.print(count, () => `${count.count}${count.truncated ? '+ (truncated)' : ''} ${options.status} executions\n`);
    },
  );

  workflow
    .command('describe <workflowId> [runId]')
    .description('show an execution: status, configuration, open counts, published state')
    .action(async (workflowId: string, runId: string | undefined, _flags: unknown, command: Command) => {
      const ctx = new CommandContext(command, io);
      const described = await ctx.client.getHandle(workflowId, runId).describe();
      const { raw: _raw, ...shown } = described;
      ctx.print(shown, () =>
        renderFields([
          ['workflowId', described.execution.workflowId],
          ['runId', described.execution.runId],
          ['type', `${described.workflowType.name}@${described.workflowType.version}`],
          ['status', described.closeStatus ?? described.status],
          ['started', formatTime(described.startTime)],
          ['closed', formatTime(described.closeTime)],
          ['cancel requested', described.cancelRequested],
          ['tags', described.tags.join(', ')],
          ['task list', described.configuration.taskList?.name],
          ['execution timeout (s)', described.configuration.executionStartToCloseTimeout],
          ['task timeout (s)', described.configuration.taskStartToCloseTimeout],
          ['child policy', described.configuration.childPolicy],
          ['open activities', described.openCounts.openActivityTasks],
          ['open decisions', described.openCounts.openDecisionTasks],
          ['open timers', described.openCounts.openTimers],
          ['open children', described.openCounts.openChildWorkflowExecutions],
          ['published state', described.publishedState === undefined ? undefined : JSON.stringify(described.publishedState)],
        ]),
      );
    });

  workflow
    .command('signal <workflowId> <signalName>')
    .description('signal an execution (its open run, or --run-id)')
    .option('--input <json>', 'signal input as JSON')
    .option('--run-id <runId>', 'a specific run')
    .action(async (workflowId: string, signalName: string, flags: { input?: string; runId?: string }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const input = flags.input === undefined ? undefined : parseJsonFlag('--input', flags.input);
      await ctx.client.getHandle(workflowId, flags.runId).signal(signalName, input);
      ctx.done(`Signalled ${workflowId} with ${signalName}`, { workflowId, signalName });
    });

  workflow
    .command('cancel <workflowId>')
    .description('request cancellation of an execution')
    .option('--run-id <runId>', 'a specific run')
    .action(async (workflowId: string, flags: { runId?: string }, command: Command) => {
      const ctx = new CommandContext(command, io);
      await ctx.client.getHandle(workflowId, flags.runId).requestCancel();
      ctx.done(`Requested cancellation of ${workflowId}`, { workflowId });
    });

  workflow
    .command('terminate <workflowId>')
    .description('terminate an execution at once')
    .option('--run-id <runId>', 'a specific run')
    .option('--reason <text>', 'why (at most 256 characters)')
    .option('--details <text>', 'details recorded in the history')
    .option('--child-policy <policy>', CHILD_POLICIES.join(', '))
    .action(
      async (workflowId: string, flags: { runId?: string; reason?: string; details?: string; childPolicy?: string }, command: Command) => {
        const ctx = new CommandContext(command, io);
        await ctx.client.getHandle(workflowId, flags.runId).terminate({
          ...(flags.reason !== undefined && { reason: flags.reason }),
          ...(flags.details !== undefined && { details: flags.details }),
          ...(flags.childPolicy !== undefined && { childPolicy: oneOf('--child-policy', flags.childPolicy, CHILD_POLICIES) }),
        });
        ctx.done(`Terminated ${workflowId}`, { workflowId });
      },
    );

  workflow
    .command('result <workflowId> [runId]')
    .description('wait for an execution to close and print its result; exits 1 if it did not complete')
    .option('--no-follow', 'do not follow continue-as-new runs')
    .action(async (workflowId: string, runId: string | undefined, flags: { follow: boolean }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const result = await ctx.client.getHandle(workflowId, runId).result({ followRuns: flags.follow, maxIntervalMs: 2_000 });
      ctx.print({ workflowId, result: result ?? null }, () => `${JSON.stringify(result ?? null, null, 2)}\n`);
    });
}
