/** The local server in a process of its own, as `swirl server` runs: the fault tests stop, kill and restart it. */
import { fileURLToPath } from 'node:url';
import type { StartServerOptions } from '@swirl/server';
import { ChildChannel } from '../../../benchmarks/harness/child-channel.js';
import { CHILD_NODE_FLAGS } from './node-flags.js';
import { rssMb } from './rss.js';

export type ServerChildMessage =
  | { readonly type: 'ready'; readonly endpoint: string; readonly port: number }
  | { readonly type: 'closed' }
  | { readonly type: 'error'; readonly error: string };

/** What can cross to the child: plain JSON options (no logger, store or clock objects). */
export type ServerProcessOptions = Pick<StartServerOptions, 'port' | 'databasePath' | 'faultInjection' | 'longPollTimeoutMs'>;

export interface ServerProcess {
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  /** True once the process has exited, on its own or by a signal. */
  readonly exited: boolean;
  /** Resident set size in MB (undefined once exited). */
  rssMb(): Promise<number | undefined>;
  /** Stops the server (answering held long polls) and waits for the process to exit. */
  close(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));

export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const channel = new ChildChannel<ServerChildMessage>(CHILD, [JSON.stringify({ port: 0, longPollTimeoutMs: 2_000, ...options })], {
    name: 'server',
    execArgv: CHILD_NODE_FLAGS,
  });
  try {
    const { endpoint, port } = await channel.next('ready');
    return {
      endpoint,
      port,
      pid: channel.pid,
      get exited() {
        return channel.exited;
      },
      rssMb: () => rssMb(channel.pid),
      async close() {
        if (channel.exited) return;
        await channel.request('close', 'closed');
        await channel.waitForExit();
      },
    };
  } catch (error) {
    channel.kill('SIGKILL');
    throw error;
  }
}
