/** Starts a worker of the fault tests in a process of its own (worker-child.ts) and reads what it reports. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { ChildMessages } from './child-messages.js';
import type { WorkerChildConfig, WorkerChildMessage } from './worker-protocol.js';

const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
const REPOSITORY_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface WorkerProcess {
  readonly identity: string;
  readonly messages: ChildMessages<WorkerChildMessage>;
  /** The keys of every task delivered to this process, from its live reports. */
  deliveries(): string[];
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM: the worker shuts down, then reports the tasks it answered. */
  stop(): Promise<readonly string[]>;
}

/** Spawns the worker and resolves once it polls. */
export async function startWorkerProcess(config: WorkerChildConfig): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--conditions=swirl-source', '--import', 'tsx', CHILD, JSON.stringify(config)], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const messages = new ChildMessages<WorkerChildMessage>(child, `worker ${config.identity}`);
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  try {
    await messages.next('ready');
  } catch (error) {
    await kill();
    throw error;
  }
  return {
    identity: config.identity,
    messages,
    deliveries: () => messages.all('delivery').map((delivery) => delivery.key),
    kill,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`worker ${config.identity} is not running`);
      child.kill('SIGTERM');
      const [report] = await messages.next('report', 1, 30_000);
      await exited;
      return report!.answered;
    },
  };
}
