/**
 * `swirl ui`: the web UI on its own port in front of any SWF endpoint (`--endpoint`, the environment,
 * or Amazon SWF through the SDK's default chain). The page calls this process, which calls SWF with
 * this process's credentials: the browser never sees them.
 */
import { once } from 'node:events';
import { startUiServer } from '@swirl/ui';
import type { Command } from 'commander';
import { pino } from 'pino';
import type { CliIo } from '../cli-io.js';
import { CommandContext } from '../command-context.js';
import { parseIntegerFlag } from '../parse-arguments.js';
import { processShutdownSignal } from './shutdown-signal.js';

interface UiFlags {
  readonly port: string;
  readonly host: string;
}

export function registerUiCommand(program: Command, io: CliIo): void {
  program
    .command('ui')
    .description('serve the web UI in front of an SWF endpoint (--endpoint, AWS_ENDPOINT_URL_SWF, or Amazon SWF) until Ctrl-C')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8234')
    .option('--host <host>', 'interface to bind; the UI acts with your credentials, so keep it on loopback unless you mean it', '127.0.0.1')
    .action(async (flags: UiFlags, command: Command) => {
      const ctx = new CommandContext(command, io);
      const port = parseIntegerFlag('--port', flags.port, 0, 65_535);
      const logger = pino({ name: 'swirl-ui', level: 'warn' }, { write: (line: string) => void io.stderr.write(line) });
      const shutdown = io.shutdownSignal ?? processShutdownSignal();
      const ui = await startUiServer({ swf: ctx.swf, port, host: flags.host, logger });
      const target = ctx.globals.endpoint ?? `Amazon SWF in ${ctx.globals.region}`;
      ctx.print({ url: ui.url, port: ui.port, endpoint: ctx.globals.endpoint ?? null }, () =>
        [`Swirl web UI for ${target}`, `Open ${ui.url}`, 'Press Ctrl-C to stop.', ''].join('\n'),
      );
      if (!shutdown.aborted) await once(shutdown, 'abort');
      await ui.close();
    });
}
