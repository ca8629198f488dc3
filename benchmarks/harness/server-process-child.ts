/** The child of `startServerProcess`: an in-memory @swirl/server on a free loopback port. */
import { startServer } from '@swirl/server';
import type { ServerChildMessage } from './server-process.js';

const send = (message: ServerChildMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));

try {
  const server = await startServer({ port: 0 });
  let cpu = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'cpu') {
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      void send({ type: 'cpu', cpuMs: (used.user + used.system) / 1_000 });
    } else if (message === 'close') {
      server.close().then(
        () => send({ type: 'closed' }).then(() => process.exit(0)),
        (error: unknown) => send({ type: 'error', error: String(error) }).then(() => process.exit(1)),
      );
    }
  });
  await send({ type: 'ready', endpoint: server.endpoint });
} catch (error) {
  await send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
