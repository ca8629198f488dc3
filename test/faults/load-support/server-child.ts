/**
 * The child of `startServerProcess`: `swirl server` as its own process, with the options the test
 * passes as JSON in argv (fault injection, a SQLite file, a fixed port for a restart). Exits on
 * `close` once the server has answered its held polls.
 */
import { startServer, type StartServerOptions } from '@swirl/server';
import { pino } from 'pino';
import type { ServerChildMessage } from './server-process.js';

const send = (message: ServerChildMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));

try {
  const options = JSON.parse(process.argv[2] ?? '{}') as StartServerOptions;
  const server = await startServer({ logger: pino({ name: 'swirl-server', level: 'warn' }, pino.destination(2)), ...options });
  process.on('message', (message) => {
    if (message !== 'close') return;
    server.close().then(
      () => send({ type: 'closed' }).then(() => process.exit(0)),
      (error: unknown) => send({ type: 'error', error: String(error) }).then(() => process.exit(1)),
    );
  });
  await send({ type: 'ready', endpoint: server.endpoint, port: server.port });
} catch (error) {
  await send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
