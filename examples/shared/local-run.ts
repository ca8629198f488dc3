/**
 * One example end to end from this process: the local SWF server on a free loopback port (or a
 * server already running), the example's workers, and a `WorkflowClient`. Tests, the history
 * recorder and `pnpm demo` share it.
 */
import { SWFClient } from '@aws-sdk/client-swf';
import { WorkflowClient } from '@swirl/client';
import { startServer, type StartServerOptions, type SwirlServer } from '@swirl/server';
import { Worker, type WorkerOptions } from '@swirl/worker';
import { pino, type Logger } from 'pino';
import { EXAMPLES_DOMAIN } from './swf-connection.js';

/** A worker of the run: everything `Worker.create` takes except the client and domain, which the run supplies. */
export type LocalWorkerOptions = Omit<WorkerOptions, 'client' | 'domain'>;

export interface LocalRunOptions {
  /** The workers to start, in order; each has registered its types before the run is handed back. */
  readonly workers: readonly LocalWorkerOptions[];
  /** Options of the in-process server (a `VirtualClock`, `lambdaHandlers`, ...); it always takes a free loopback port. */
  readonly server?: Omit<StartServerOptions, 'port' | 'host'>;
  /** Use the SWF server at this endpoint instead of starting one. */
  readonly endpoint?: string;
  /** Logger of the workers. @default pino at `error`, so output shows only what went wrong */
  readonly logger?: Logger;
}

export interface LocalRun {
  readonly endpoint: string;
  /** The in-process server; undefined when the run uses a server at `options.endpoint`. */
  readonly server: SwirlServer | undefined;
  readonly swf: SWFClient;
  readonly client: WorkflowClient;
  readonly workers: readonly Worker[];
  /** Starts one more worker on this run's server; resolves once it has registered and polls. */
  addWorker(options: LocalWorkerOptions): Promise<Worker>;
  /**
   * Stops the workers and the in-process server, and waits until both are down. With a server at
   * `options.endpoint` it waits at most 2 s: polls that server still holds end when the process exits.
   */
  close(): Promise<void>;
}

/** An SDK client for a local server; the SDK signs every request, so it needs (any) credentials. */
export function localSwfClient(endpoint: string): SWFClient {
  return new SWFClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'swirl-local', secretAccessKey: 'swirl-local' } });
}

/** Starts the server (unless given an endpoint) and the workers; resolves once every worker has registered and polls. */
export async function startLocalRun(options: LocalRunOptions): Promise<LocalRun> {
  const server = options.endpoint === undefined ? await startServer({ ...options.server, port: 0 }) : undefined;
  const endpoint = options.endpoint ?? server!.endpoint;
  const swf = localSwfClient(endpoint);
  const logger = options.logger ?? pino({ level: 'error' });
  const workers: Worker[] = [];
  const running: Promise<void>[] = [];
  const close = () => stop(workers, running, server, swf);
  const addWorker = async (workerOptions: LocalWorkerOptions): Promise<Worker> => {
    const worker = await Worker.create({ handleSignals: false, logger, ...workerOptions, client: swf, domain: EXAMPLES_DOMAIN });
    const polling = new Promise<void>((resolve) => worker.events.once('pollStarted', () => resolve()));
    const run = worker.run();
    workers.push(worker);
    running.push(run);
    // The worker registers the domain and its types before its first poll; a failed registration rejects run().
    await Promise.race([polling, run]);
    return worker;
  };
  try {
    for (const workerOptions of options.workers) await addWorker(workerOptions);
  } catch (error) {
    await close();
    throw error;
  }
  return { endpoint, server, swf, client: new WorkflowClient({ client: swf, domain: EXAMPLES_DOMAIN }), workers, addWorker, close };
}

/** How long `close()` waits for workers polling a server we do not own (whose long polls last up to 60 s). */
const EXTERNAL_DRAIN_MS = 2_000;

async function stop(workers: readonly Worker[], running: readonly Promise<void>[], server: SwirlServer | undefined, swf: SWFClient): Promise<void> {
  // Workers stop polling first; closing the in-process server then answers their held long polls at once.
  const drained = Promise.allSettled([...workers.map((worker) => worker.shutdown()), ...running]);
  if (server) {
    await server.close();
    await drained;
  } else {
    // A server we do not own holds each poll up to 60 s; the caller exits instead of waiting for them.
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, EXTERNAL_DRAIN_MS).unref())]);
  }
  swf.destroy();
}
