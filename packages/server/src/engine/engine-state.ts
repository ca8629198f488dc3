/** The engine's shared state and its unit of work (`atomically`), passed to every part of the engine. */
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.js';
import type { ExecutionRecord, TaskKind, TaskRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { OutstandingWork } from './tasks/outstanding-work.js';
import type { DecisionRateLimiter } from './rate-limits/decision-rate-limits.js';
import type { ExecutionThrottle } from './rate-limits/execution-throttle.js';
import { TimeoutQueue } from './time/timeout-queue.js';

/** A function the user registers to serve ScheduleLambdaFunction decisions by function name. */
export type LambdaHandler = (input: string | undefined) => Promise<string | undefined>;

export interface EngineStateSettings {
  store: Store;
  clock: Clock;
  accountId: string;
  longPollTimeoutMs: number;
  lambdaHandlers: Readonly<Record<string, LambdaHandler>>;
  historyEventLimit: number;
  decisionRates: DecisionRateLimiter;
  /** Per-execution API buckets; only when API throttling is on. */
  executionThrottle: ExecutionThrottle | undefined;
  logger: Logger | undefined;
  stepEnd: StepEnd;
}

/**
 * What ends each atomic step, passed in at construction: lower parts of the engine never import
 * the ones above them, and nothing is installed on the state after it is built.
 */
export interface StepEnd {
  /** Called once per touched execution at the end of each atomic step: schedule, limit, save. */
  finalizeExecution(execution: ExecutionRecord): void;
  /** Hands tasks of a task list to waiting pollers. */
  dispatchTaskList(queueKey: string): void;
}

interface Scope {
  touched: Set<ExecutionRecord>;
  followUps: Array<() => void>;
  dirtyQueues: Set<string>;
}

export const taskQueueKey = (domain: string, kind: TaskKind, taskList: string): string =>
  `${domain}\u0000${kind}\u0000${taskList}`;

/**
 * The engine's shared state and its unit of work. Every operation, timeout firing and lambda
 * completion runs inside `atomically`, which afterwards runs follow-ups (effects on other runs),
 * finalizes each touched execution (decision scheduling, event limit, save) and only then hands
 * new tasks to waiting pollers, so a poller never sees half an operation.
 */
export class EngineState {
  readonly store: Store;
  readonly clock: Clock;
  readonly accountId: string;
  readonly longPollTimeoutMs: number;
  readonly lambdaHandlers: Readonly<Record<string, LambdaHandler>>;
  readonly historyEventLimit: number;
  readonly decisionRates: DecisionRateLimiter;
  readonly executionThrottle: ExecutionThrottle | undefined;
  readonly logger: Logger | undefined;
  readonly timeouts: TimeoutQueue;
  /** Tasks queued and started, maintained where they change state (see OutstandingWork). */
  readonly work = new OutstandingWork();
  readonly #stepEnd: StepEnd;
  /** Set when the engine closes: work finishing afterwards (a lambda's outcome) is dropped, not written. */
  closed = false;
  #scope: Scope | undefined;
  #sequence = 0;

  constructor(settings: EngineStateSettings) {
    this.store = settings.store;
    this.clock = settings.clock;
    this.accountId = settings.accountId;
    this.longPollTimeoutMs = settings.longPollTimeoutMs;
    this.lambdaHandlers = settings.lambdaHandlers;
    this.historyEventLimit = settings.historyEventLimit;
    this.decisionRates = settings.decisionRates;
    this.executionThrottle = settings.executionThrottle;
    this.logger = settings.logger;
    this.#stepEnd = settings.stepEnd;
    this.timeouts = new TimeoutQueue(settings.clock, (fire) => this.atomically(fire));
  }

  now(): number {
    return this.clock.now();
  }

  nextSequence(): number {
    return ++this.#sequence;
  }

  /** Runs `work` as one atomic step (or as part of the enclosing one), committed to the store as one unit. */
  atomically<T>(work: () => T): T {
    if (this.#scope) return work();
    return this.store.transaction(() => {
      const scope: Scope = { touched: new Set(), followUps: [], dirtyQueues: new Set() };
      this.#scope = scope;
      try {
        return work();
      } finally {
        try {
          this.#flush(scope);
        } finally {
          this.#scope = undefined;
        }
      }
    });
  }

  /** Continues task numbering after `sequence` (a restarted engine resumes after the stored tasks). */
  resumeSequenceAfter(sequence: number): void {
    this.#sequence = Math.max(this.#sequence, sequence);
  }

  /** Marks an execution as changed so it is finalized and saved at the end of the step. */
  touch(execution: ExecutionRecord): void {
    this.#requireScope().touched.add(execution);
  }

  /** Queues an effect to run after the current step's own events (e.g. on another execution). */
  afterward(effect: () => void): void {
    this.#requireScope().followUps.push(effect);
  }

  enqueueTask(task: TaskRecord): void {
    this.store.enqueueTask(task);
    this.#requireScope().dirtyQueues.add(taskQueueKey(task.domain, task.kind, task.taskList));
  }

  #requireScope(): Scope {
    if (!this.#scope) throw new Error('Engine state changed outside EngineState.atomically');
    return this.#scope;
  }

  #flush(scope: Scope): void {
    const stepEnd = this.#stepEnd;
    for (;;) {
      const followUp = scope.followUps.shift();
      if (followUp) {
        followUp();
        continue;
      }
      if (scope.touched.size > 0) {
        const executions = [...scope.touched];
        scope.touched.clear();
        for (const execution of executions) stepEnd.finalizeExecution(execution);
        continue;
      }
      if (scope.dirtyQueues.size > 0) {
        const queues = [...scope.dirtyQueues];
        scope.dirtyQueues.clear();
        for (const queue of queues) stepEnd.dispatchTaskList(queue);
        continue;
      }
      return;
    }
  }
}
