/** `swirl server`: the SWF-compatible local server in the foreground until SIGINT or SIGTERM. */
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createSwfClient } from '@swirl/client';
import { ACCESS_KEY_ENV, accessKeysFromEnv, loadAccessKeysFile, startServer, type SigV4AuthOptions } from '@swirl/server';
import { createUiRequestListener, UI_BASE_PATH } from '@swirl/ui';
import type { Command } from 'commander';
import { pino } from 'pino';
import { CliUsageError } from '../cli-error.js';
import type { CliIo } from '../cli-io.js';
import { CommandContext } from '../command-context.js';
import { oneOf, parseDurationMsFlag, parseIntegerFlag } from '../parse-arguments.js';
import { processShutdownSignal } from './shutdown-signal.js';

const THROTTLING = ['aws', 'off'] as const;
const AUTH_MODES = ['none', 'sigv4'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** SWF holds an empty poll for 60 s; a shorter hold suits suites written for emulators that answer at once. */
const SWF_LONG_POLL_MS = 60_000;

interface ServerFlags {
  readonly port: string;
  readonly host: string;
  readonly db?: string;
  readonly throttling: string;
  readonly longPollTimeout: string;
  readonly logLevel: string;
  readonly auth: string;
  readonly credentials?: string;
  /** False with --no-ui. */
  readonly ui: boolean;
}

/** `--auth sigv4`: the keys from `--credentials FILE`, else from the environment; `--auth none` takes none. */
function authOptions(flags: ServerFlags, io: CliIo): SigV4AuthOptions | undefined {
  const mode = oneOf('--auth', flags.auth.toLowerCase(), AUTH_MODES);
  if (mode === 'none') {
    if (flags.credentials !== undefined) throw new CliUsageError('--credentials is read only with --auth sigv4');
    return undefined;
  }
  const accessKeys = flags.credentials === undefined ? accessKeysFromEnv(io.env) : loadAccessKeysFile(resolve(io.cwd, flags.credentials));
  if (accessKeys.length === 0) {
    throw new CliUsageError(`--auth sigv4 needs access keys: --credentials FILE, or ${ACCESS_KEY_ENV.accessKeyId} and ${ACCESS_KEY_ENV.secretAccessKey}`);
  }
  return { type: 'sigv4', accessKeys };
}

export function registerServerCommand(program: Command, io: CliIo): void {
  program
    .command('server')
    .description('run the SWF-compatible local server until Ctrl-C')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8233')
    .option('--host <host>', 'interface to bind', '127.0.0.1')
    .option('--db <path>', 'keep state in this SQLite file (created when missing) across restarts; default: in memory')
    .option('--throttling <mode>', "API rate limits: 'aws' applies the service's per-account and per-execution buckets", 'off')
    .option('--long-poll-timeout <duration>', 'how long an empty poll is held before it is answered empty (0 to 60s, as SWF)', '60s')
    .option('--log-level <level>', `server log level on stderr (${LOG_LEVELS.join(', ')})`, 'warn')
    .option('--auth <mode>', "'sigv4' verifies each call's AWS signature against known access keys; 'none' accepts any caller", 'none')
    .option('--credentials <file>', 'with --auth sigv4: a JSON file {"accessKeys": [{"accessKeyId", "secretAccessKey"}]} (default: SWIRL_AUTH_* env)')
    .option('--no-ui', `do not serve the web UI at ${UI_BASE_PATH}/`)
    .action(async (flags: ServerFlags, command: Command) => {
      const ctx = new CommandContext(command, io);
      const port = parseIntegerFlag('--port', flags.port, 0, 65_535);
      const throttling = oneOf('--throttling', flags.throttling.toLowerCase(), THROTTLING);
      const level = oneOf('--log-level', flags.logLevel.toLowerCase(), LOG_LEVELS);
      const longPollTimeoutMs = parseDurationMsFlag('--long-poll-timeout', flags.longPollTimeout, SWF_LONG_POLL_MS);
      const databasePath = flags.db === undefined ? undefined : resolve(io.cwd, flags.db);
      const auth = authOptions(flags, io);
      // pino lines go to the CLI's stderr, so stdout carries only the banner (or the JSON output).
      const logger = pino({ name: 'swirl-server', level }, { write: (line: string) => void io.stderr.write(line) });
      const shutdown = io.shutdownSignal ?? processShutdownSignal();
      const server = await startServer({ port, host: flags.host, logger, throttling, longPollTimeoutMs, ...(databasePath !== undefined && { databasePath }), ...(auth && { auth }) });
      const authLine = auth && `Calls must be signed (SigV4) with one of ${auth.accessKeys.length} access key${auth.accessKeys.length === 1 ? '' : 's'}.`;
      // The UI calls this same server through the SDK, over loopback, as any other client would (signing with the first key under --auth sigv4).
      const uiUrl = flags.ui ? `${server.endpoint}${UI_BASE_PATH}/` : null;
      if (flags.ui) {
        const credentials = auth?.accessKeys[0];
        const swf = createSwfClient({ endpoint: server.endpoint, env: {}, ...(credentials && { credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey } }) });
        server.mount(UI_BASE_PATH, createUiRequestListener({ swf, logger: logger.child({ name: 'swirl-ui' }) }));
      }
      ctx.print({ endpoint: server.endpoint, port: server.port, database: databasePath ?? null, throttling, longPollTimeoutMs, auth: auth?.type ?? 'none', ui: uiUrl }, () =>
        [
          `Swirl SWF server listening on ${server.endpoint}`,
          ...(uiUrl === null ? [] : [`Web UI: ${uiUrl}`]),
          databasePath === undefined ? 'State is kept in memory (use --db <file> to keep it across restarts).' : `State is kept in ${databasePath}.`,
          ...(throttling === 'aws' ? ["API throttling is on, with the service's buckets."] : []),
          ...(longPollTimeoutMs !== SWF_LONG_POLL_MS ? [`Empty polls are answered after ${longPollTimeoutMs / 1_000} s (SWF holds them 60 s).`] : []),
          ...(authLine ? [authLine] : []),
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
