import type { Logger } from 'pino';
import { RealClock, type Clock } from '../clock/clock.js';
import { MemoryStore } from '../store/memory-store.js';
import type { ExecutionRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import {
  EMPTY_ACTIVITY_POLL,
  recordActivityTaskHeartbeat,
  respondActivityTaskCanceled,
  respondActivityTaskCompleted,
  respondActivityTaskFailed,
} from './activity-tasks.js';
import { closeExecution } from './close.js';
import { decisionTaskPage, EMPTY_DECISION_POLL, scheduleDecisionTask } from './decision-tasks.js';
import {
  deprecateDomain,
  describeDomain,
  listDomains,
  listTagsForResource,
  registerDomain,
  requireDomain,
  tagResource,
  undeprecateDomain,
  untagResource,
} from './domains.js';
import {
  describeWorkflowExecution,
  requestCancelWorkflowExecution,
  signalWorkflowExecution,
  startWorkflowExecution,
  terminateWorkflowExecution,
} from './executions.js';
import { fault } from './faults.js';
import { getWorkflowExecutionHistory } from './history.js';
import { ENGINE_LIMITS } from './limits.js';
import type { OperationInput, OperationName } from './operations.js';
import type { EngineStats, QueuedTaskList, StartedTask } from './outstanding-work.js';
import { ApiThrottle, type ApiThrottlingOption } from './rate-limits/api-throttle.js';
import { DecisionRateLimiter, type DecisionRateLimits } from './rate-limits/decision-rate-limits.js';
import { ExecutionThrottle } from './rate-limits/execution-throttle.js';
import { restoreFromStore } from './recovery.js';
import { respondDecisionTaskCompleted } from './respond-decision-task.js';
import { Runtime, type LambdaHandler } from './runtime.js';
import { TaskLists } from './task-lists.js';
import { resolveTaskToken } from './task-tokens.js';
import { decodePageToken } from './tokens.js';
import { deleteType, deprecateType, describeType, listTypes, registerType, undeprecateType } from './types.js';
import {
  countClosedWorkflowExecutions,
  countOpenWorkflowExecutions,
  countPendingTasks,
  listClosedWorkflowExecutions,
  listOpenWorkflowExecutions,
} from './visibility.js';

export interface SwfEngineOptions {
  /** Where domains, types, executions and tasks live. @default new MemoryStore() */
  store?: Store;
  /** Source of time for every timer and timeout. @default new RealClock() */
  clock?: Clock;
  /** Account id in ARNs. @default '123456789012' */
  accountId?: string;
  /** How long an empty poll is held open, in real milliseconds. @default 60000 */
  longPollTimeoutMs?: number;
  /** Functions ScheduleLambdaFunction may run, by function name. @default {} */
  lambdaHandlers?: Record<string, LambdaHandler>;
  logger?: Logger;
  /**
   * Events per history before the run is terminated with EVENT_LIMIT_EXCEEDED.
   * Only tests should lower it. @default 25000
   */
  historyEventLimit?: number;
  /**
   * Decision rate limits (SWF-SEMANTICS §3): a decision over its bucket's rate fails with its
   * `*_RATE_EXCEEDED` cause, as on the service. Override chosen buckets (or make them
   * `'unlimited'`) for large bursts in tests and benchmarks. @default AWS_DECISION_RATE_LIMITS
   */
  decisionRateLimits?: Partial<DecisionRateLimits>;
  /**
   * API throttling with ThrottlingException: `'aws'` applies the service's buckets per account
   * (each operation) and per execution (GetWorkflowExecutionHistory, SignalWorkflowExecution,
   * RecordActivityTaskHeartbeat, RequestCancelWorkflowExecution); an object replaces chosen
   * buckets of either kind. @default 'off'
   */
  throttling?: ApiThrottlingOption;
}

export interface OperationContext {
  region: string;
  requestId: string;
  /** Aborted when the caller goes away; a long poll then returns without taking a task. */
  signal?: AbortSignal;
}

export type OperationOutput = Record<string, unknown> | undefined;

type OperationHandler<K extends OperationName = OperationName> = (
  input: OperationInput<K>,
  context: OperationContext,
) => OperationOutput | Promise<OperationOutput>;

/** One handler per operation, keyed by name: a missing operation is a compile error. */
type OperationTable = { [K in OperationName]: OperationHandler<K> };

/**
 * The SWF state machine. `execute` takes an operation's validated wire JSON and returns the wire
 * JSON the real service would (or throws `SwfFault`). No HTTP in here: the front end and the
 * testing package both drive it directly.
 *
 * @example
 * ```ts
 * const engine = new SwfEngine({ clock: new VirtualClock() });
 * await engine.execute('RegisterDomain', { name: 'demo', workflowExecutionRetentionPeriodInDays: '1' }, { region: 'us-east-1', requestId: '1' });
 * ```
 */
export class SwfEngine {
  readonly store: Store;
  readonly clock: Clock;
  readonly #rt: Runtime;
  readonly #taskLists: TaskLists;
  readonly #operations: OperationTable;
  readonly #apiThrottle: ApiThrottle | undefined;
  #closed = false;

  constructor(options: SwfEngineOptions = {}) {
    this.store = options.store ?? new MemoryStore();
    this.clock = options.clock ?? new RealClock();
    const historyEventLimit = options.historyEventLimit ?? ENGINE_LIMITS.historyEvents;
    if (!Number.isInteger(historyEventLimit) || historyEventLimit < 10) {
      throw new RangeError(`historyEventLimit must be an integer >= 10, got ${historyEventLimit}`);
    }
    const throttling = options.throttling ?? 'off';
    this.#apiThrottle = throttling === 'off' ? undefined : new ApiThrottle(throttling, () => this.clock.now());
    const executionThrottle =
      throttling === 'off' ? undefined : new ExecutionThrottle(throttling === 'aws' ? {} : (throttling.executionBuckets ?? {}), () => this.clock.now());
    this.#rt = new Runtime({
      store: this.store,
      clock: this.clock,
      accountId: options.accountId ?? '123456789012',
      longPollTimeoutMs: options.longPollTimeoutMs ?? 60_000,
      lambdaHandlers: { ...options.lambdaHandlers },
      historyEventLimit,
      decisionRates: new DecisionRateLimiter(options.decisionRateLimits ?? {}, () => this.clock.now()),
      executionThrottle,
      logger: options.logger,
    });
    this.#taskLists = new TaskLists(this.#rt);
    this.#rt.hooks = {
      finalizeExecution: (execution) => this.#finalize(execution),
      dispatchTaskList: (key) => this.#taskLists.dispatch(key),
    };
    this.#operations = this.#operationTable();
    const restored = restoreFromStore(this.#rt);
    if (restored.openExecutions + restored.closedExecutions > 0) this.#rt.logger?.info(restored, 'restored engine state from the store');
  }

  /**
   * Not `async`, and the handlers below return plain values where they can: a poll answered at once
   * then settles in one promise instead of a chain of nested async wrappers, each adding ticks.
   */
  execute(operation: OperationName, input: OperationInput, context: OperationContext): Promise<OperationOutput> {
    try {
      if (this.#closed) throw fault('ThrottlingException', 'The engine is shutting down');
      if (!Object.prototype.hasOwnProperty.call(this.#operations, operation)) {
        throw fault('UnknownOperationException', `Unknown operation: ${String(operation)}`);
      }
      this.#apiThrottle?.admit(operation);
      // The table pairs each name with its own input type; `input` was validated for `operation`.
      const handler = this.#operations[operation] as OperationHandler;
      return Promise.resolve(handler(input, context));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Wipes every domain, type, execution and task, answers waiting polls empty and disarms every deadline. */
  reset(): void {
    this.#taskLists.releaseAll();
    this.#rt.timeouts.clear();
    this.#rt.decisionRates.clear();
    this.#rt.work.clear();
    this.#apiThrottle?.clear();
    this.#rt.executionThrottle?.clear();
    this.store.clear();
  }

  /**
   * Counts of outstanding work: tasks handed out and not yet answered (lambda functions running),
   * by kind, and tasks waiting for a poller. Kept up to date as tasks move, so this is O(1) and
   * cheap enough to poll every few milliseconds.
   */
  stats(): EngineStats {
    return this.#rt.work.stats();
  }

  /** The tasks behind `stats().startedTasks`, with their runs and event ids; O(started). */
  startedTasks(): Iterable<StartedTask> {
    return this.#rt.work.startedTasks();
  }

  /** The task lists behind `stats().queuedTasks`, with how many tasks wait on each; O(lists holding tasks). */
  queuedTaskLists(): Iterable<QueuedTaskList> {
    return this.#rt.work.queuedTaskLists();
  }

  /** Answers waiting polls empty and stops every deadline; later calls are refused. */
  close(): void {
    this.#closed = true;
    this.#rt.closed = true;
    this.#taskLists.releaseAll();
    this.#rt.timeouts.close();
  }

  /** End of every atomic step for each touched run: enforce the event limit, schedule a decision task, save. */
  #finalize(execution: ExecutionRecord): void {
    const rt = this.#rt;
    if (execution.status === 'OPEN' && execution.eventCount >= rt.historyEventLimit - 1) {
      closeExecution(rt, execution, {
        status: 'TERMINATED',
        eventType: 'WorkflowExecutionTerminated',
        attributes: { childPolicy: execution.config.childPolicy, cause: 'EVENT_LIMIT_EXCEEDED' },
        childPolicy: execution.config.childPolicy,
      });
    }
    if (execution.status === 'OPEN' && execution.decisionNeeded && !execution.decision) scheduleDecisionTask(rt, execution);
    // A retention deadline may already have removed a closed run; never resurrect it.
    if (execution.status === 'OPEN' || rt.store.getExecution(execution.domain, execution.workflowId, execution.runId)) {
      rt.store.saveExecution(execution);
    }
  }

  #pollForDecisionTask(input: OperationInput<'PollForDecisionTask'>, context: OperationContext): OperationOutput | Promise<OperationOutput> {
    const rt = this.#rt;
    requireDomain(rt, input.domain);
    const pageOptions = {
      maximumPageSize: input.maximumPageSize,
      reverseOrder: input.reverseOrder,
      startAtPreviousStartedEvent: input.startAtPreviousStartedEvent,
    };
    if (input.nextPageToken) {
      // Further pages of a task already handed out: no new task starts.
      const cursor = decodePageToken<{ taskToken: string }>(input.nextPageToken, 'PollForDecisionTask', rt.now());
      const { execution, token } = resolveTaskToken(rt, cursor.taskToken, 'decision', () => true);
      return decisionTaskPage(rt, execution, token.token, token.startedEventId, pageOptions, input.nextPageToken);
    }
    return this.#taskLists.poll({
      kind: 'decision',
      domain: input.domain,
      taskList: input.taskList.name,
      identity: input.identity,
      pageOptions,
      empty: { ...EMPTY_DECISION_POLL },
      signal: () => context.signal,
    });
  }

  #pollForActivityTask(input: OperationInput<'PollForActivityTask'>, context: OperationContext): OperationOutput | Promise<OperationOutput> {
    requireDomain(this.#rt, input.domain);
    return this.#taskLists.poll({
      kind: 'activity',
      domain: input.domain,
      taskList: input.taskList.name,
      identity: input.identity,
      pageOptions: {},
      empty: { ...EMPTY_ACTIVITY_POLL },
      signal: () => context.signal,
    });
  }

  #operationTable(): OperationTable {
    const rt = this.#rt;
    // Worker calls run as one atomic step (the other mutating operations open their own).
    const atomic =
      <K extends OperationName>(work: (input: OperationInput<K>) => OperationOutput): OperationHandler<K> =>
      (input) =>
        rt.atomically(() => work(input));
    return {
      RegisterDomain: (input) => registerDomain(rt, input),
      DescribeDomain: (input, context) => describeDomain(rt, input, context.region),
      ListDomains: (input, context) => listDomains(rt, input, context.region),
      DeprecateDomain: (input) => deprecateDomain(rt, input),
      UndeprecateDomain: (input) => undeprecateDomain(rt, input),
      TagResource: (input) => tagResource(rt, input),
      UntagResource: (input) => untagResource(rt, input),
      ListTagsForResource: (input) => listTagsForResource(rt, input),
      RegisterWorkflowType: (input) => registerType(rt, 'workflow', input),
      RegisterActivityType: (input) => registerType(rt, 'activity', input),
      DescribeWorkflowType: (input) => describeType(rt, 'workflow', input),
      DescribeActivityType: (input) => describeType(rt, 'activity', input),
      ListWorkflowTypes: (input) => listTypes(rt, 'workflow', input),
      ListActivityTypes: (input) => listTypes(rt, 'activity', input),
      DeprecateWorkflowType: (input) => deprecateType(rt, 'workflow', input),
      DeprecateActivityType: (input) => deprecateType(rt, 'activity', input),
      UndeprecateWorkflowType: (input) => undeprecateType(rt, 'workflow', input),
      UndeprecateActivityType: (input) => undeprecateType(rt, 'activity', input),
      DeleteWorkflowType: (input) => deleteType(rt, 'workflow', input),
      DeleteActivityType: (input) => deleteType(rt, 'activity', input),
      StartWorkflowExecution: (input) => startWorkflowExecution(rt, input),
      SignalWorkflowExecution: (input) => signalWorkflowExecution(rt, input),
      RequestCancelWorkflowExecution: (input) => requestCancelWorkflowExecution(rt, input),
      TerminateWorkflowExecution: (input) => terminateWorkflowExecution(rt, input),
      DescribeWorkflowExecution: (input) => describeWorkflowExecution(rt, input),
      GetWorkflowExecutionHistory: (input) => getWorkflowExecutionHistory(rt, input),
      ListOpenWorkflowExecutions: (input) => listOpenWorkflowExecutions(rt, input),
      ListClosedWorkflowExecutions: (input) => listClosedWorkflowExecutions(rt, input),
      CountOpenWorkflowExecutions: (input) => countOpenWorkflowExecutions(rt, input),
      CountClosedWorkflowExecutions: (input) => countClosedWorkflowExecutions(rt, input),
      CountPendingDecisionTasks: (input) => countPendingTasks(rt, 'decision', input),
      CountPendingActivityTasks: (input) => countPendingTasks(rt, 'activity', input),
      PollForDecisionTask: (input, context) => this.#pollForDecisionTask(input, context),
      PollForActivityTask: (input, context) => this.#pollForActivityTask(input, context),
      RespondDecisionTaskCompleted: (input) => respondDecisionTaskCompleted(rt, input),
      RecordActivityTaskHeartbeat: atomic((input) => recordActivityTaskHeartbeat(rt, input)),
      RespondActivityTaskCompleted: atomic((input) => respondActivityTaskCompleted(rt, input)),
      RespondActivityTaskFailed: atomic((input) => respondActivityTaskFailed(rt, input)),
      RespondActivityTaskCanceled: atomic((input) => respondActivityTaskCanceled(rt, input)),
    };
  }
}
