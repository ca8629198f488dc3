/**
 * The local server in a process of its own, as `swirl server` runs in production: the benchmark's
 * load and the server then each have a core. The child reports its endpoint, and its CPU time when
 * asked.
 */
import { fileURLToPath } from 'node:url';
import { ChildChannel } from './child-channel.js';

export type ServerChildMessage =
  | { readonly type: 'ready'; readonly endpoint: string }
  | { readonly type: 'cpu'; readonly cpuMs: number }
  | { readonly type: 'closed' }
  | { readonly type: 'error'; readonly error: string };

export interface ServerProcess {
  readonly endpoint: string;
  /** CPU time (user + system) the server process used since the previous call (or since it was ready). */
  takeCpuMs(): Promise<number>;
  /** Stops the server (answering held long polls) and waits for the process to exit. */
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./server-process-child.ts', import.meta.url));

export interface ServerProcessOptions {
  /** The store: memory (the default) or a SQLite file at `path`. */
  readonly store?: { readonly kind: 'memory' } | { readonly kind: 'sqlite'; readonly path: string };
  /** Closed runs the store holds before the server reports ready. @default 0 */
  readonly seedRuns?: number;
}

export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const store = options.store ?? { kind: 'memory' };
  const args = [...(store.kind === 'sqlite' ? ['sqlite', store.path] : ['memory']), String(options.seedRuns ?? 0)];
  const channel = new ChildChannel<ServerChildMessage>(CHILD, args, { name: 'server' });
  try {
    const { endpoint } = await channel.next('ready');
    return {
      endpoint,
      takeCpuMs: async () => (await channel.request('cpu', 'cpu')).cpuMs,
      async close() {
        if (channel.exited) return;
        await channel.request('close', 'closed');
        await channel.waitForExit();
      },
    };
  } catch (error) {
    channel.kill();
    throw error;
  }
}
