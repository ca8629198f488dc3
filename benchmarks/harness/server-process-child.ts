/**
 * The child of `startServerProcess`: a @swirl/server on a free loopback port, on a MemoryStore or a
 * SQLite file, optionally holding `seedRuns` closed runs before it reports ready:
 * `server-process-child.ts [memory | sqlite <path>] [seedRuns]`.
 */
import { MemoryStore, SqliteStore, startServer, type Store } from '@swirl/server';
import { seedClosedRuns } from '../suites/server/seed-closed-runs.js';
import type { ServerChildMessage } from './server-process.js';

const send = (message: ServerChildMessage): Promise<void> => new Promise((resolve) => process.send!(message, () => resolve()));

function storeFrom(argv: readonly string[]): { store: Store; seedRuns: number } {
  const [kind = 'memory', ...rest] = argv;
  if (kind === 'memory') return { store: new MemoryStore(), seedRuns: Number(rest[0] ?? 0) };
  if (kind === 'sqlite' && rest[0]) return { store: new SqliteStore({ path: rest[0] }), seedRuns: Number(rest[1] ?? 0) };
  throw new Error(`usage: server-process-child.ts [memory | sqlite <path>] [seedRuns], got ${argv.join(' ')}`);
}

try {
  const { store, seedRuns } = storeFrom(process.argv.slice(2));
  const server = await startServer({ port: 0, store });
  await seedClosedRuns(server.endpoint, store, seedRuns);
  let cpu = process.cpuUsage();
  process.on('message', (message) => {
    if (message === 'cpu') {
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      void send({ type: 'cpu', cpuMs: (used.user + used.system) / 1_000 });
    } else if (message === 'close') {
      server.close().then(
        () => {
          if (store instanceof SqliteStore) store.close();
          return send({ type: 'closed' }).then(() => process.exit(0));
        },
        (error: unknown) => send({ type: 'error', error: String(error) }).then(() => process.exit(1)),
      );
    }
  });
  await send({ type: 'ready', endpoint: server.endpoint });
} catch (error) {
  await send({ type: 'error', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
