/**
 * `swirl server --db FILE` in a process of its own, on a port that stays the same across restarts,
 * so workers and clients reach the restarted server where the killed one was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../../packages/cli/src/bin.ts', import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A loopback port free at the time of the call. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  readonly endpoint: string;
  /** SIGKILL: the process dies at once, mid-request if one is in flight; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM: a clean stop. */
  stop(): Promise<void>;
}

/** Starts `swirl server --port PORT --db FILE` and resolves once it prints its banner. */
export async function startServerProcess(options: { readonly dbPath: string; readonly port: number; readonly timeoutMs?: number }): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=swirl-source', '--import', 'tsx', CLI, 'server', '--port', String(options.port), '--db', options.dbPath, '--log-level', 'error'],
    { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = once(child, 'exit');
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const kill = async (signal: NodeJS.Signals) => {
    if (!gone()) child.kill(signal);
    await exited;
  };
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`swirl server printed no banner within ${options.timeoutMs ?? 30_000} ms: ${stdout}`)), options.timeoutMs ?? 30_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`swirl server exited with ${signal ?? `code ${code}`} before its banner: ${stdout}`));
      });
    });
    child.stdout!.resume();
    return { endpoint, kill: () => kill('SIGKILL'), stop: () => kill('SIGTERM') };
  } catch (error) {
    await kill('SIGKILL');
    throw error;
  }
}
