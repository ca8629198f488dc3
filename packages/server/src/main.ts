/**
 * A tiny runnable entry for scripts and smoke tests:
 *   node --conditions=swirl-source --import tsx packages/server/src/main.ts --port 0
 * prints `swirl server listening on http://127.0.0.1:PORT` and stops cleanly on SIGINT/SIGTERM.
 * `--db FILE` keeps state in a SQLite file across restarts (created when missing);
 * `--long-poll-timeout 5s` answers empty polls after 5 s instead of SWF's 60 s (0 to 60s);
 * `--auth sigv4` checks signatures against `--credentials FILE` or the SWIRL_AUTH_* keys.
 * Logs (pino JSON) go to stderr so stdout carries only that line. `swirl server` is the full CLI.
 */
import { parseArgs } from 'node:util';
import { DurationError, parseDuration } from '@swirl/core';
import { pino } from 'pino';
import { accessKeysFromEnv, loadAccessKeysFile } from './auth/access-keys.js';
import type { SigV4AuthOptions } from './auth/sigv4-authenticator.js';
import { startServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'log-level': { type: 'string', default: 'info' },
    db: { type: 'string' },
    'long-poll-timeout': { type: 'string', default: '60s' },
    auth: { type: 'string', default: 'none' },
    credentials: { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer from 0 to 65535, got ${JSON.stringify(values.port)}`);
  process.exit(2);
}

let longPollTimeoutMs: number;
try {
  longPollTimeoutMs = parseDuration(values['long-poll-timeout']);
} catch (error) {
  if (!(error instanceof DurationError)) throw error;
  longPollTimeoutMs = Number.NaN;
}
if (!(longPollTimeoutMs <= 60_000)) {
  console.error(`--long-poll-timeout must be a duration from 0 to 60s such as 500ms or 5s, got ${JSON.stringify(values['long-poll-timeout'])}`);
  process.exit(2);
}

if (values.auth !== 'none' && values.auth !== 'sigv4') {
  console.error(`--auth must be none or sigv4, got ${JSON.stringify(values.auth)}`);
  process.exit(2);
}

const logger = pino({ name: 'swirl-server', level: values['log-level'] }, pino.destination(2));

try {
  let auth: SigV4AuthOptions | undefined;
  if (values.auth === 'sigv4') {
    const accessKeys = values.credentials === undefined ? accessKeysFromEnv(process.env) : loadAccessKeysFile(values.credentials);
    if (accessKeys.length === 0) throw new Error('--auth sigv4 needs access keys: --credentials FILE, or SWIRL_AUTH_ACCESS_KEY_ID and SWIRL_AUTH_SECRET_ACCESS_KEY');
    auth = { type: 'sigv4', accessKeys };
  }
  const server = await startServer({
    port,
    host: values.host,
    logger,
    longPollTimeoutMs,
    ...(values.db !== undefined && { databasePath: values.db }),
    ...(auth && { auth }),
  });
  console.log(`swirl server listening on ${server.endpoint}`);
  const stop = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'stopping');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
