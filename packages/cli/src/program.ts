/**
 * The `swirl` command tree and its runner. `runCli` never exits the process: it returns the exit
 * code, so tests run every command in process.
 */
import { Command, CommanderError } from 'commander';
import { formatErrorLine } from './cli-error.js';
import { processIo, type CliIo } from './cli-io.js';
import { registerDomainCommands } from './commands/domain-commands.js';
import { registerHistoryCommands } from './commands/history-commands.js';
import { registerInitCommand } from './commands/init-command.js';
import { registerReplayCommand } from './commands/replay-command.js';
import { registerServerCommand } from './commands/server-command.js';
import { registerTypeCommands } from './commands/type-commands.js';
import { registerUiCommand } from './commands/ui-command.js';
import { registerWorkflowCommands } from './commands/workflow-commands.js';

export function createProgram(io: CliIo = processIo()): Command {
  const program = new Command('swirl')
    .description('Swirl: a local SWF server and tools for domains, types, executions, histories and replay')
    .option('--endpoint <url>', 'SWF endpoint (env AWS_ENDPOINT_URL_SWF, then AWS_ENDPOINT_URL; default: AWS)')
    .option('--region <region>', 'AWS region (env AWS_REGION; default us-east-1)')
    .option('--domain <name>', 'SWF domain (env SWIRL_DOMAIN)')
    .option('--output <format>', 'json or table', 'table')
    .option('--debug', 'print stack traces of errors')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  registerServerCommand(program, io);
  registerDomainCommands(program, io);
  registerTypeCommands(program, io);
  registerWorkflowCommands(program, io);
  registerHistoryCommands(program, io);
  registerReplayCommand(program, io);
  registerInitCommand(program, io);
  registerUiCommand(program, io);
  return program;
}

/** Runs `swirl` with arguments after the program name; resolves to the exit code. */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its own usage message.
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr.write(`${formatErrorLine(error)}\n`);
    if (program.opts<{ debug?: boolean }>().debug && error instanceof Error && error.stack) {
      io.stderr.write(`${error.stack}\n`);
    }
    return 1;
  }
}
