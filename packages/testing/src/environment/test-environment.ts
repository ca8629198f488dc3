/**
 * `TestEnvironment`: the SWF-compatible server in this process on a loopback port, with a virtual
 * clock that tests move forward. A workflow that sleeps for a week completes in milliseconds.
 */
import { RegisterDomainCommand, SWFClient } from '@aws-sdk/client-swf';
import { quietSdkNodeVersionWarning, WorkflowClient } from '@swirl/client';
import { parseDuration, SWF_LIMITS, type DurationInput, type PayloadCodec, type PayloadConverter } from '@swirl/core';
import { startServer, VirtualClock, type LambdaHandler, type SwirlServer } from '@swirl/server';
import { Worker, type WorkerOptions } from '@swirl/worker';
import { pino, type Logger } from 'pino';
import { toSwirlHistoryExport, type SwirlHistoryExport } from '../history/swirl-history-format.js';
import { IdleWatch } from './idle-watch.js';
import { TimeSkipper } from './time-skipper.js';

export interface TestEnvironmentOptions {
  /** The domain registered for the test; `env.client` and test workers use it. @default 'swirl-test' */
  readonly domain?: string;
  /** Virtual time when the environment starts. @default the real time now */
  readonly startTime?: Date | number;
  /** Converter of `env.client` and of test workers. @default jsonPayloadConverter */
  readonly converter?: PayloadConverter;
  /** Codecs of `env.client` and of test workers. @default [] */
  readonly codecs?: readonly PayloadCodec[];
  /**
   * Real time one started or queued task may hold virtual time back before time skipping moves on
   * without it (an activity that waits for its own timeout or cancellation). @default '2s'
   */
  readonly busyTaskTimeout?: DurationInput;
  /** Logger of the server and of test workers. @default a silent pino logger */
  readonly logger?: Logger;
  /** Functions ScheduleLambdaFunction runs, by name. @default {} */
  readonly lambdaHandlers?: Readonly<Record<string, LambdaHandler>>;
}

/**
 * `Worker.create` options without the client and domain, which the environment fills in. Test
 * workers default to the environment's logger, converter and codecs, no signal handlers and no
 * shutdown grace time.
 */
export type TestWorkerOptions = Omit<WorkerOptions, 'client' | 'domain'> & { readonly domain?: string };

interface TrackedWorker {
  readonly worker: Worker;
  readonly domain: string;
  readonly taskList: string;
  readonly decides: boolean;
  readonly runsActivities: boolean;
  readonly running: Promise<void>;
}

/** Retention of the test domain: SWF's maximum, so closed runs outlive any sleep a test makes. */
const RETENTION_DAYS = SWF_LIMITS.retentionDays;

export class TestEnvironment {
  readonly domain: string;
  /** The local server; `server.engine` for in-process inspection. */
  readonly server: SwirlServer;
  /** The server's endpoint, `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** An SDK client pointed at the local server with dummy credentials. */
  readonly swf: SWFClient;
  /** A WorkflowClient on `swf` and `domain`. */
  readonly client: WorkflowClient;
  /** The server's clock: moves only through `sleep`, `runUntil` or a test calling it. */
  readonly clock: VirtualClock;
  readonly #options: TestEnvironmentOptions;
  readonly #logger: Logger;
  readonly #idle: IdleWatch;
  readonly #skipper: TimeSkipper;
  readonly #workers: TrackedWorker[] = [];
  readonly #workerErrors: unknown[] = [];
  #tornDown = false;

  private constructor(options: TestEnvironmentOptions, server: SwirlServer, clock: VirtualClock, logger: Logger) {
    this.#options = options;
    this.#logger = logger;
    this.domain = options.domain ?? 'swirl-test';
    this.server = server;
    this.endpoint = server.endpoint;
    this.clock = clock;
    this.swf = new SWFClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    this.client = new WorkflowClient({
      client: this.swf,
      domain: this.domain,
      ...(options.converter && { converter: options.converter }),
      ...(options.codecs && { codecs: options.codecs }),
    });
    const store = server.engine.store;
    this.#idle = new IdleWatch({
      engine: server.engine,
      busyTaskTimeoutMs: parseDuration(options.busyTaskTimeout ?? '2s'),
      isPolled: (domain, kind, taskList) => this.#isPolled(domain, kind, taskList),
    });
    this.#skipper = new TimeSkipper(clock, this.#idle, () => store.listDomains().some((domain) => store.countOpenExecutions(domain.name) > 0));
  }

  /** Starts the server on a free loopback port with a virtual clock and registers the domain. */
  static async create(options: TestEnvironmentOptions = {}): Promise<TestEnvironment> {
    // The SDK's Node 22 notice would print in every test run; it is not about the code under test.
    quietSdkNodeVersionWarning();
    const start = options.startTime instanceof Date ? options.startTime.getTime() : options.startTime;
    const clock = new VirtualClock(start);
    const logger = options.logger ?? pino({ level: 'silent' });
    const server = await startServer({
      port: 0,
      clock,
      logger,
      ...(options.lambdaHandlers && { lambdaHandlers: { ...options.lambdaHandlers } }),
    });
    const env = new TestEnvironment(options, server, clock, logger);
    try {
      await env.swf.send(new RegisterDomainCommand({ name: env.domain, workflowExecutionRetentionPeriodInDays: String(RETENTION_DAYS) }));
    } catch (error) {
      await env.teardown();
      throw error;
    }
    return env;
  }

  /** The virtual time now. */
  now(): Date {
    return new Date(this.clock.now());
  }

  /**
   * Creates a worker on this environment's client and domain and starts it; resolves once it has
   * registered its types and polls. `teardown()` shuts it down.
   */
  async createWorker(options: TestWorkerOptions): Promise<Worker> {
    this.#assertOpen('createWorker');
    const domain = options.domain ?? this.domain;
    const worker = await Worker.create({
      logger: this.#logger,
      handleSignals: false,
      shutdownGraceTime: 0,
      ...(this.#options.converter && { payloadConverter: this.#options.converter }),
      ...(this.#options.codecs && { payloadCodecs: this.#options.codecs }),
      ...options,
      client: this.swf,
      domain,
    });
    worker.events.on('taskFailed', (task) => {
      if (task.kind === 'decision') this.#idle.decisionTaskFailed(task.runId, task.startedEventId);
    });
    const polling = new Promise<void>((resolve) => worker.events.once('pollStarted', () => resolve()));
    const running = worker.run();
    this.#workers.push({
      worker,
      domain,
      taskList: options.taskList,
      decides: (options.workflows?.length ?? 0) > 0,
      runsActivities: (options.activities?.length ?? 0) > 0,
      running,
    });
    running.catch((error: unknown) => this.#workerErrors.push(error));
    try {
      // A worker with nothing to poll stops at once; one that cannot register rejects.
      await Promise.race([polling, running]);
    } catch (error) {
      // Reported here; teardown need not report it again.
      const index = this.#workerErrors.indexOf(error);
      if (index >= 0) this.#workerErrors.splice(index, 1);
      throw error;
    }
    return worker;
  }

  /**
   * Skips `duration` of virtual time: every timer and timeout due on the way fires in order, and
   * workers finish reacting to each firing before the clock moves on.
   */
  async sleep(duration: DurationInput): Promise<void> {
    this.#assertOpen('sleep');
    await this.#skipper.skip(parseDuration(duration));
  }

  /**
   * Skips virtual time, timer by timer, until `promise` settles (e.g. `handle.result()`), then
   * returns its outcome. Gives up moving time after `limit`, then waits for the promise in real time.
   * @param limit @default '365d'
   */
  async runUntil<T>(promise: Promise<T>, limit: DurationInput = '365d'): Promise<T> {
    this.#assertOpen('runUntil');
    await this.#skipper.skipUntil(promise, parseDuration(limit));
    return promise;
  }

  /** Resolves once no task is started-and-unanswered and none waits on a list a test worker polls. */
  async waitUntilIdle(): Promise<void> {
    await this.#idle.waitUntilIdle();
  }

  /** A run's history as Swirl's history file (payloads exactly as stored), ready for `replayHistory` or `JSON.stringify`. */
  async exportHistory(workflowId: string, runId?: string): Promise<SwirlHistoryExport> {
    const handle = this.client.getHandle(workflowId, runId);
    const description = await handle.describe();
    const events = await this.client.getHandle(workflowId, description.execution.runId).fetchHistory({ decodePayloads: false });
    return toSwirlHistoryExport({
      domain: this.domain,
      execution: description.execution,
      workflowType: { name: description.workflowType.name ?? '', version: description.workflowType.version ?? '' },
      events,
      exportedAt: this.now(),
    });
  }

  /**
   * Shuts every test worker down, stops the server and releases the SDK client. Rethrows the first
   * error a worker's `run()` failed with. Idempotent.
   */
  async teardown(): Promise<void> {
    if (this.#tornDown) return;
    this.#tornDown = true;
    const stopping = this.#workers.map(({ worker }) => worker.shutdown());
    // Let tasks in flight answer before the server goes; polls still held are answered by close().
    await this.#idle.waitUntilIdle();
    await this.server.close();
    await Promise.allSettled([...stopping, ...this.#workers.map(({ running }) => running)]);
    this.swf.destroy();
    if (this.#workerErrors.length > 0) throw this.#workerErrors[0];
  }

  #isPolled(domain: string, kind: 'decision' | 'activity', taskList: string): boolean {
    return this.#workers.some(({ worker, ...tracked }) => {
      if (worker.state !== 'RUNNING' || tracked.domain !== domain) return false;
      if (kind === 'activity') return tracked.runsActivities && worker.activityTaskList === taskList;
      return tracked.decides && (tracked.taskList === taskList || worker.stickyTaskList === taskList);
    });
  }

  #assertOpen(operation: string): void {
    if (this.#tornDown) throw new Error(`TestEnvironment.${operation}() after teardown(): create a new environment for each test or suite`);
  }
}
