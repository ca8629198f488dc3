/** A process of Swirl Workers for the load fault tests, and what it reports. */
import { fileURLToPath } from 'node:url';
import { ChildChannel } from '../../../benchmarks/harness/child-channel.js';
import { CHILD_NODE_FLAGS } from './node-flags.js';
import type { RetryCounts } from './retry-meter.js';
import { rssMb } from './rss.js';

export interface WorkerProcessOptions {
  readonly endpoint: string;
  readonly domain: string;
  /** Workers in this process, each with its own client and polls. */
  readonly workers: number;
  /** The first Worker registers the domain and types; start one registering process before the others. */
  readonly register: boolean;
  /** Prefix of the Workers' identities (`<identity>.<index>`), as it appears in histories. */
  readonly identity: string;
  /** How long each activity takes. @default 0 */
  readonly stepDelayMs?: number;
  readonly shutdownGraceTime?: string;
  /** The Workers' log level (stderr); throttled polls warn on every one. @default 'error' */
  readonly logLevel?: string;
}

export interface WorkerCounters {
  /** Polls that failed (after the SDK's own retries); each backed off before the next. */
  readonly pollFailed: number;
  /** Answers that could not reach the server and were sent again. */
  readonly respondRetried: number;
  /** Answers the server refused as unknown (task timed out or run closed): a task whose work was thrown away. */
  readonly respondDropped: number;
  readonly taskStarted: number;
  /** Tasks answered to the server (decided, completed, failed or canceled). */
  readonly taskAnswered: number;
  /** Tasks that could not be answered. */
  readonly taskFailed: number;
  readonly closedRuns: number;
  readonly duplicates: number;
  readonly retries: RetryCounts;
  readonly failures: readonly string[];
}

export type WorkerChildMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'stats'; readonly counters: WorkerCounters }
  | { readonly type: 'stopped'; readonly counters: WorkerCounters; readonly delivered: readonly string[] }
  | { readonly type: 'error'; readonly error: string };

export interface WorkerProcess {
  readonly pid: number;
  readonly exited: boolean;
  rssMb(): Promise<number | undefined>;
  counters(): Promise<WorkerCounters>;
  /** Calls `Worker.shutdown()` on every Worker (in-flight tasks drain and are answered) and waits for the exit. */
  stop(): Promise<{ counters: WorkerCounters; delivered: readonly string[] }>;
  /** Ends the process at once (a test's cleanup after a failure). */
  kill(): void;
}

const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));

export async function startWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const channel = new ChildChannel<WorkerChildMessage>(CHILD, [JSON.stringify(options)], { name: `worker ${options.identity}`, execArgv: CHILD_NODE_FLAGS });
  try {
    await channel.next('ready');
  } catch (error) {
    channel.kill('SIGKILL');
    throw error;
  }
  let stopped: Promise<{ counters: WorkerCounters; delivered: readonly string[] }> | undefined;
  return {
    pid: channel.pid,
    get exited() {
      return channel.exited;
    },
    rssMb: () => rssMb(channel.pid),
    counters: async () => (await channel.request('stats', 'stats')).counters,
    stop: () =>
      (stopped ??= (async () => {
        const { counters, delivered } = await channel.request('stop', 'stopped');
        await channel.waitForExit();
        return { counters, delivered };
      })()),
    kill: () => channel.kill('SIGKILL'),
  };
}

/** Starts `count` processes of `workersEach` Workers: the first registers, the rest start once it has. */
export async function startWorkerProcesses(
  count: number,
  options: Omit<WorkerProcessOptions, 'register' | 'identity'> & { readonly identity?: string },
): Promise<WorkerProcess[]> {
  const identity = options.identity ?? 'worker';
  const first = await startWorkerProcess({ ...options, register: true, identity: `${identity}-0` });
  const rest = await Promise.all(
    Array.from({ length: count - 1 }, (_, index) => startWorkerProcess({ ...options, register: false, identity: `${identity}-${index + 1}` })),
  );
  return [first, ...rest];
}
