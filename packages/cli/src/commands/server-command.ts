/** `swirl server`: the SWF-compatible local server in the foreground until SIGINT or SIGTERM. */
import { once } from 'node:events';
import { startServer } from '@swirl/server';
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { CommandContext } from '../command-context.js';
import { parseIntegerFlag } from '../parse-arguments.js';

function processShutdownSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  controller.signal.addEventListener('abort', () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  });
  return controller.signal;
}

export function registerServerCommand(program: Command, io: CliIo): void {
  program
    .command('server')
    .description('run the SWF-compatible local server until Ctrl-C')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8233')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .action(async (flags: { port: string; host: string }, command: Command) => {
      const ctx = new CommandContext(command, io);
      const port = parseIntegerFlag('--port', flags.port, 0, 65_535);
      const shutdown = io.shutdownSignal ?? processShutdownSignal();
      const server = await startServer({ port, host: flags.host });
      ctx.print({ endpoint: server.endpoint, port: server.port }, () =>
        [
          `Swirl SWF server listening on ${server.endpoint}`,
          'Point the AWS SDKs and CLI at it with:',
          `  export AWS_ENDPOINT_URL_SWF=${server.endpoint}`,
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
      if (!shutdown.aborted) await once(shutdown, 'abort');
      await server.close();
      if (ctx.globals.output === 'table') io.stdout.write('Server stopped.\n');
    });
}
