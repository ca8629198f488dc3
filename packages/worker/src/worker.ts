/**
 * The Worker: registers types, runs the decision, sticky and activity poll loops, and shuts down
 * gracefully. It owns every piece of IO; the workflow runtime it drives stays pure.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  DeciderRuntime,
  WorkflowRuntime,
  createWorkflowRegistry,
  isDecider,
  type WorkflowDefinition,
  type WorkflowRegistry,
} from '@swirl/workflow';
import { PayloadPipeline, SWF_LIMITS } from '@swirl/core';
import PQueue from 'p-queue';
import type { Logger } from 'pino';
import { ActivityExecutor } from './activity-executor.js';
import { createActivityPoller } from './activity-poller.js';
import { ActivityRegistry } from './activity-registry.js';
import { DecisionExecutor, type DecidingRuntime } from './decision-executor.js';
import { createDecisionPoller } from './decision-poller.js';
import { HistoryPager } from './history-pager.js';
import { resolveWorkerOptions, type ResolvedWorkerOptions, type WorkerOptions } from './options.js';
import { PollTimeoutCheck } from './poll-timeout-check.js';
import { Registrar } from './registrar.js';
import { serializeLoggedError } from './sdk-errors.js';
import { StickyCache, type StickyCacheStats } from './sticky-cache.js';
import { WorkerEvents, type PollsEndedReason } from './worker-events.js';
import { WorkerInterceptors } from './worker-interceptors.js';

export type WorkerState = 'CREATED' | 'RUNNING' | 'STOPPING' | 'STOPPED';

export class WorkerStateError extends Error {
  override readonly name = 'WorkerStateError';
}

export interface WorkerStats {
  readonly state: WorkerState;
  readonly cache: StickyCacheStats;
  /** Decision tasks being executed (long polls in flight, which also hold a slot, are not counted). */
  readonly runningDecisionTasks: number;
  /** Activity tasks being executed. */
  readonly runningActivityTasks: number;
}

/** Options of `Worker.shutdown()`. */
export interface ShutdownOptions {
  /**
   * Cancel the long polls still held at once, rather than once no task is running: no task is
   * taken after the call (one SWF hands to a poll just as it is cancelled comes back after its
   * timeout, as at every shutdown). Running tasks still finish within `shutdownGraceTime`.
   * @default false
   */
  readonly abortPolls?: boolean;
}

export class Worker {
  /** Typed events for metrics: polls, tasks, failures, non-determinism, cache hits and evictions. */
  readonly events = new WorkerEvents();
  /** The identity this worker reports to SWF. */
  readonly identity: string;
  /** The worker's own decision task list for sticky execution; undefined when sticky execution is off. */
  readonly stickyTaskList: string | undefined;

  readonly #options: ResolvedWorkerOptions;
  readonly #logger: Logger;
  readonly #cache: StickyCache<DecidingRuntime>;
  readonly #activityRegistry: ActivityRegistry;
  readonly #workflows: WorkflowRegistry<WorkflowDefinition>;
  readonly #payloads: PayloadPipeline;
  readonly #stop = new AbortController();
  /** Ends the long polls still held once shutdown has nothing left to wait for (see #watchShutdown). */
  readonly #endPolls = new AbortController();
  /** Aborted when the shutdown grace time is over: answers still being retried are given up. */
  readonly #graceOver = new AbortController();
  /** Bounds decision polls in flight plus decision tasks running, across the shared and sticky pollers. */
  readonly #decisionQueue: PQueue;
  /** Bounds activity polls in flight plus activity tasks running. */
  readonly #activityQueue: PQueue;
  readonly #decisionExecutor: DecisionExecutor;
  readonly #activityExecutor: ActivityExecutor;
  readonly #timeoutCheck: PollTimeoutCheck;
  #state: WorkerState = 'CREATED';
  #drained: Promise<void> | undefined;
  #removeSignalHandlers: () => void = () => {};

  private constructor(options: ResolvedWorkerOptions) {
    this.#options = options;
    this.identity = options.identity;
    this.#logger = options.logger.child({ domain: options.domain }, { serializers: { err: serializeLoggedError } });
    this.#payloads = new PayloadPipeline({ converter: options.payloadConverter, codecs: options.payloadCodecs });
    this.#activityRegistry = new ActivityRegistry(options.activities);
    this.#workflows = createWorkflowRegistry(options.workflows);
    const sticky = options.stickyCacheSize > 0 && options.workflows.length > 0;
    this.stickyTaskList = sticky ? stickyTaskListName() : undefined;
    this.#cache = new StickyCache<DecidingRuntime>(sticky ? options.stickyCacheSize : 0, (runId, reason) =>
      this.events.emit('cacheEviction', { runId, reason }),
    );
    this.#decisionQueue = new PQueue({ concurrency: options.maxConcurrentDecisionTasks });
    this.#activityQueue = new PQueue({ concurrency: options.maxConcurrentActivityTasks });
    this.#timeoutCheck = new PollTimeoutCheck(options.client, this.#logger);
    const interceptors = new WorkerInterceptors(options.interceptors);
    this.#decisionExecutor = new DecisionExecutor({
      client: options.client,
      domain: options.domain,
      interceptors,
      pager: new HistoryPager({
        client: options.client,
        domain: options.domain,
        identity: options.identity,
        requestTimeoutMs: options.pollRequestTimeout,
      }),
      cache: this.#cache,
      createRuntime: (workflowType, execution, logger) => {
        const definition = this.#resolveWorkflow(workflowType);
        if (isDecider(definition)) return new DeciderRuntime({ decider: definition, execution, workflowType });
        return new WorkflowRuntime({
          workflow: definition,
          execution,
          converter: options.payloadConverter,
          // A pino child satisfies WorkflowLogger; the runtime silences it while replaying.
          logger,
          failWorkflowOn: options.failWorkflowOn,
        });
      },
      payloads: this.#payloads,
      stickyTaskList: this.stickyTaskList,
      stickyScheduleToStartTimeoutMs: options.stickyScheduleToStartTimeout,
      stopSignal: this.#stop.signal,
      logger: this.#logger,
      events: this.events,
      logPayloads: options.logPayloads,
      answersGiveUp: this.#graceOver.signal,
    });
    this.#activityExecutor = new ActivityExecutor({
      client: options.client,
      interceptors,
      domain: options.domain,
      taskList: this.activityTaskList,
      registry: this.#activityRegistry,
      payloads: this.#payloads,
      logger: this.#logger,
      events: this.events,
      logPayloads: options.logPayloads,
      autoHeartbeat: options.autoHeartbeat,
      defaultHeartbeatThrottleMs: options.defaultHeartbeatThrottleInterval,
      maxHeartbeatThrottleMs: options.maxHeartbeatThrottleInterval,
      answersGiveUp: this.#graceOver.signal,
    });
  }

  /**
   * Validates the options (throwing `WorkerOptionsError` listing every problem) and builds a worker.
   * Nothing is sent to SWF until `run()`.
   */
  static async create(options: WorkerOptions): Promise<Worker> {
    return new Worker(resolveWorkerOptions(options));
  }

  get state(): WorkerState {
    return this.#state;
  }

  get activityTaskList(): string {
    return this.#options.activityTaskList ?? this.#options.taskList;
  }

  get stats(): WorkerStats {
    return {
      state: this.#state,
      cache: this.#cache.stats,
      runningDecisionTasks: this.#decisionExecutor.runningTasks,
      runningActivityTasks: this.#activityExecutor.runningTasks,
    };
  }

  /**
   * Registers the domain and types (unless `register: 'never'`), then polls until `shutdown()` or a
   * signal. Resolves once every poll and task has drained; rejects if registration fails.
   */
  async run(): Promise<void> {
    await this.start();
    await this.#drained;
  }

  /**
   * Registers the domain and types (unless `register: 'never'`) and starts polling, then resolves:
   * a client may start executions at once, with no race against registration on a fresh domain.
   * The worker polls until `shutdown()` or a signal; `shutdown()` resolves once it has drained.
   * Rejects if registration fails.
   */
  async start(): Promise<void> {
    if (this.#state !== 'CREATED') throw new WorkerStateError(`Worker.start() and run() can be called once; the worker is ${this.#state}`);
    this.#state = 'RUNNING';
    const options = this.#options;
    try {
      if (options.register === 'always') {
        await new Registrar({
          client: options.client,
          domain: options.domain,
          retentionDays: options.domainRetentionDays,
          logger: this.#logger,
          stopSignal: this.#stop.signal,
        }).registerAll([...this.#workflows.types], this.#activityRegistry.types);
        this.#timeoutCheck.checkOnce();
      }
    } catch (error) {
      this.#state = 'STOPPED';
      throw error;
    }
    if (options.handleSignals) this.#installSignalHandlers();
    this.#logger.info(
      {
        identity: this.identity,
        taskList: options.taskList,
        activityTaskList: this.activityTaskList,
        stickyTaskList: this.stickyTaskList,
        workflows: options.workflows.length,
        activityTypes: this.#activityRegistry.types.length,
      },
      'worker started',
    );
    this.#drained = this.#runLoops();
  }

  /**
   * Stops gracefully, within `shutdownGraceTime`: no new polls; running tasks (and any a poll in
   * flight returns) finish and are answered; once none is running, or when the grace time is over,
   * the polls still held are ended and activities still running are aborted through their signal.
   * With `abortPolls: true` the held polls are cancelled at once instead, so no task is taken after
   * the call, and an idle worker returns within a second whatever its long polls' remaining time.
   * Calling it again with `abortPolls: true` while stopping cancels the polls then. Resolves when drained.
   */
  async shutdown(options: ShutdownOptions = {}): Promise<void> {
    if (this.#state === 'CREATED') {
      this.#state = 'STOPPED';
      return;
    }
    if (this.#state === 'RUNNING') {
      this.#state = 'STOPPING';
      this.#logger.info({ graceMs: this.#options.shutdownGraceTime, abortPolls: options.abortPolls === true }, 'shutting down: no new polls');
      this.events.emit('shutdownStarted');
      this.#stop.abort();
    }
    if (options.abortPolls === true && this.#state === 'STOPPING') this.#endHeldPolls('requested');
    await this.#drained;
  }

  /** Cancels the long polls still held (once), so the loops see no further task. */
  #endHeldPolls(reason: PollsEndedReason): void {
    if (this.#endPolls.signal.aborted) return;
    this.#logger.info({ reason }, 'shutdown: ending the long polls still held');
    this.events.emit('pollsEnded', { reason });
    this.#endPolls.abort();
  }

  async #runLoops(): Promise<void> {
    const options = this.#options;
    const loops: Promise<void>[] = [];
    if (options.workflows.length > 0) {
      for (let i = 0; i < options.decisionPollers; i += 1) loops.push(this.#decisionLoop('decision', options.taskList).run());
      if (this.stickyTaskList) {
        for (let i = 0; i < options.stickyPollers; i += 1) loops.push(this.#decisionLoop('sticky-decision', this.stickyTaskList).run());
      }
    }
    if (this.#activityRegistry.types.length > 0) {
      for (let i = 0; i < options.activityPollers; i += 1) loops.push(this.#activityLoop().run());
    }
    if (loops.length === 0) this.#logger.warn('worker has no workflows and no activities: nothing to poll');

    const shutdownWatch = this.#watchShutdown();
    await Promise.all(loops);
    shutdownWatch.cancel();
    this.#cache.clear();
    this.#removeSignalHandlers();
    this.#state = 'STOPPED';
    this.#logger.info({ cache: this.#cache.stats }, 'worker drained');
    this.events.emit('drained');
  }

  #decisionLoop(kind: 'decision' | 'sticky-decision', taskList: string) {
    // Tasks on the sticky list are usually of cached runs, which need only their newest few events.
    const firstPageSize = kind === 'sticky-decision' ? this.#options.stickyFirstPageSize : SWF_LIMITS.maximumPageSize;
    return createDecisionPoller({
      ...this.#pollerCommon(),
      kind,
      taskList,
      firstPageSize,
      queue: this.#decisionQueue,
      executor: this.#decisionExecutor,
    });
  }

  #activityLoop() {
    return createActivityPoller({
      ...this.#pollerCommon(),
      taskList: this.activityTaskList,
      queue: this.#activityQueue,
      executor: this.#activityExecutor,
    });
  }

  #pollerCommon() {
    const { client, domain, identity, pollRequestTimeout } = this.#options;
    return {
      client,
      domain,
      identity,
      requestTimeoutMs: pollRequestTimeout,
      timeoutCheck: this.#timeoutCheck,
      stopSignal: this.#stop.signal,
      endPolls: this.#endPolls.signal,
      logger: this.#logger,
      events: this.events,
    };
  }

  /**
   * After shutdown starts: the held long polls are ended as soon as no task is running (a poll
   * that returns a task before then has it executed), and at the latest when the grace time is
   * over, when activities still running are aborted too. Waiting out a poll instead would take up
   * to the service's 60 s, past a container's stop timeout.
   */
  #watchShutdown(): { cancel: () => void } {
    let graceTimer: NodeJS.Timeout | undefined;
    let idleCheck: NodeJS.Timeout | undefined;
    const endPolls = (reason: PollsEndedReason) => {
      clearInterval(idleCheck);
      this.#endHeldPolls(reason);
    };
    const isIdle = () => this.#decisionExecutor.runningTasks + this.#activityExecutor.runningTasks === 0;
    const onStop = () => {
      if (isIdle()) endPolls('idle');
      else idleCheck = setInterval(() => isIdle() && endPolls('idle'), SHUTDOWN_IDLE_CHECK_MS);
      graceTimer = setTimeout(() => {
        const runningActivities = this.#activityExecutor.runningTasks;
        if (runningActivities > 0) {
          this.#logger.warn({ runningActivities }, 'shutdown grace time is over: aborting running activities');
          this.events.emit('shutdownGraceExpired', { runningActivities });
          this.#activityExecutor.abortAll();
        }
        endPolls('grace-time-over');
        this.#graceOver.abort();
      }, this.#options.shutdownGraceTime);
    };
    this.#stop.signal.addEventListener('abort', onStop, { once: true });
    return {
      cancel: () => {
        this.#stop.signal.removeEventListener('abort', onStop);
        clearTimeout(graceTimer);
        clearInterval(idleCheck);
      },
    };
  }

  #installSignalHandlers(): void {
    const onSignal = (signal: NodeJS.Signals) => {
      this.#logger.info({ signal }, 'signal received; shutting down gracefully (send it again to exit at once)');
      void this.shutdown();
    };
    // `once`: a second signal finds no handler and ends the process the default way.
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    this.#removeSignalHandlers = () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    };
  }

  #resolveWorkflow(type: { name: string; version: string }): WorkflowDefinition {
    const workflow = this.#workflows.get(type);
    if (!workflow) {
      throw new UnknownWorkflowTypeError(
        `This worker has no workflow for type ${type.name} version ${type.version}; it decides: ${this.#workflows.types.map((known) => `${known.name}@${known.version}`).join(', ') || '(none)'}`,
      );
    }
    return workflow;
  }
}


/** How often a stopping worker checks whether its last task has finished. */
const SHUTDOWN_IDLE_CHECK_MS = 25;
/** A decision task for a workflow type this worker was not given. */
export class UnknownWorkflowTypeError extends Error {
  override readonly name = 'UnknownWorkflowTypeError';
}

/** A task-list name unique to this process, within SWF's naming rule (no ':', '/', '|'). */
function stickyTaskListName(): string {
  const host = hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64);
  return `swirl-sticky-${host}-${process.pid}-${randomUUID()}`;
}
