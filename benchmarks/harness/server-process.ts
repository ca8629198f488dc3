/**
 * The local server in a process of its own, as `swirl server` runs in production: the benchmark's
 * load and the server then each have a core. The child reports its endpoint, and its CPU time when
 * asked.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChildBenchmarkError } from './child-process.js';

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

export async function startServerProcess(): Promise<ServerProcess> {
  const child = fork(CHILD, [], { execArgv: [...process.execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const next = <T extends ServerChildMessage['type']>(type: T): Promise<Extract<ServerChildMessage, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new ChildBenchmarkError(`the server process exited (code ${code}) before sending "${type}"`));
      child.once('exit', onExit);
      child.once('message', (raw) => {
        child.off('exit', onExit);
        const message = raw as ServerChildMessage;
        if (message.type === type) resolve(message as Extract<ServerChildMessage, { type: T }>);
        else reject(new ChildBenchmarkError(`the server process sent "${message.type}" instead of "${type}": ${message.type === 'error' ? message.error : ''}`));
      });
    });
  try {
    const { endpoint } = await next('ready');
    return {
      endpoint,
      async takeCpuMs() {
        const answer = next('cpu');
        child.send('cpu');
        return (await answer).cpuMs;
      },
      async close() {
        if (child.exitCode !== null) return;
        const answer = next('closed');
        child.send('close');
        await answer;
        await exited;
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
