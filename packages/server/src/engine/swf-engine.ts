/** SwfEngine: the SWF state machine, one handler per operation, over the parts in the folders beside it. */
import type { Logger } from 'pino';
import { RealClock, type Clock } from '../clock/clock.js';
import { MemoryStore } from '../store/memory-store.js';
import type { Store } from '../store/store.js';
import {
  EMPTY_ACTIVITY_POLL,
  recordActivityTaskHeartbeat,
  respondActivityTaskCanceled,
  respondActivityTaskCompleted,
  respondActivityTaskFailed,
} from './tasks/activity-tasks.js';
import { decisionTaskPage, EMPTY_DECISION_POLL } from './tasks/decision-tasks.js';
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
} from './registry/domains.js';
import {
  describeWorkflowExecution,
  requestCancelWorkflowExecution,
  signalWorkflowExecution,
  startWorkflowExecution,
  terminateWorkflowExecution,
} from './runs/executions.js';
import { fault } from './faults.js';
import { getWorkflowExecutionHistory } from './runs/history.js';
import { ENGINE_LIMITS } from './limits.js';
import type { OperationInput, OperationName } from './operations.js';
import type { EngineStats, QueuedTaskList, StartedTask } from './tasks/outstanding-work.js';
import { ApiThrottle, type ApiThrottlingOption } from './rate-limits/api-throttle.js';
import { DecisionRateLimiter, type DecisionRateLimits } from './rate-limits/decision-rate-limits.js';
import { ExecutionThrottle } from './rate-limits/execution-throttle.js';
import { finalizeExecution } from './runs/finalize-execution.js';
import { restoreFromStore } from './runs/recovery.js';
import { respondDecisionTaskCompleted } from './decisions/respond-decision-task.js';
import { EngineState, type LambdaHandler } from './engine-state.js';
import { TaskLists } from './tasks/task-lists.js';
import type { HeldPolls } from './tasks/task-lists.js';
import { resolveTaskToken } from './tasks/task-tokens.js';
import { decodePageToken } from './visibility/page-tokens.js';
import { deleteType, deprecateType, describeType, listTypes, registerType, undeprecateType } from './registry/registered-types.js';
import {
  countClosedWorkflowExecutions,
  countOpenWorkflowExecutions,
  countPendingTasks,
  listClosedWorkflowExecutions,
  listOpenWorkflowExecutions,
} from './visibility/visibility.js';

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
  readonly #state: EngineState;
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
    this.#state = new EngineState({
      store: this.store,
      clock: this.clock,
      accountId: options.accountId ?? '123456789012',
      longPollTimeoutMs: options.longPollTimeoutMs ?? 60_000,
      lambdaHandlers: { ...options.lambdaHandlers },
      historyEventLimit,
      decisionRates: new DecisionRateLimiter(options.decisionRateLimits ?? {}, () => this.clock.now()),
      executionThrottle,
      logger: options.logger,
      stepEnd: {
        finalizeExecution: (execution) => finalizeExecution(this.#state, execution),
        // No step runs before the task lists exist: the constructor does no work in between.
        dispatchTaskList: (key) => this.#taskLists.dispatch(key),
      },
    });
    this.#taskLists = new TaskLists(this.#state);
    this.#operations = this.#operationTable();
    const restored = restoreFromStore(this.#state);
    if (restored.openExecutions + restored.closedExecutions > 0) this.#state.logger?.info(restored, 'restored engine state from the store');
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
    this.#state.timeouts.clear();
    this.#state.decisionRates.clear();
    this.#state.work.clear();
    this.#apiThrottle?.clear();
    this.#state.executionThrottle?.clear();
    this.store.clear();
  }

  /**
   * Counts of outstanding work: tasks handed out and not yet answered (lambda functions running),
   * by kind, and tasks waiting for a poller. Kept up to date as tasks move, so this is O(1) and
   * cheap enough to poll every few milliseconds.
   */
  stats(): EngineStats {
    return this.#state.work.stats();
  }

  /** The tasks behind `stats().startedTasks`, with their runs and event ids; O(started). */
  startedTasks(): Iterable<StartedTask> {
    return this.#state.work.startedTasks();
  }

  /** The task lists behind `stats().queuedTasks`, with how many tasks wait on each; O(lists holding tasks). */
  queuedTaskLists(): Iterable<QueuedTaskList> {
    return this.#state.work.queuedTaskLists();
  }

  /** The long polls held open, per task list; O(lists with waiting polls). */
  heldPolls(): Iterable<HeldPolls> {
    return this.#taskLists.heldPolls();
  }

  /** Answers waiting polls empty and stops every deadline; later calls are refused. */
  close(): void {
    this.#closed = true;
    this.#state.closed = true;
    this.#taskLists.releaseAll();
    this.#state.timeouts.close();
  }

  #pollForDecisionTask(input: OperationInput<'PollForDecisionTask'>, context: OperationContext): OperationOutput | Promise<OperationOutput> {
    const state = this.#state;
    requireDomain(state, input.domain);
    const pageOptions = {
      maximumPageSize: input.maximumPageSize,
      reverseOrder: input.reverseOrder,
      startAtPreviousStartedEvent: input.startAtPreviousStartedEvent,
    };
    if (input.nextPageToken) {
      // Further pages of a task already handed out: no new task starts.
      const cursor = decodePageToken<{ taskToken: string }>(input.nextPageToken, 'PollForDecisionTask', state.now());
      const { execution, token } = resolveTaskToken(state, cursor.taskToken, 'decision', () => true);
      return decisionTaskPage(state, execution, token.token, token.startedEventId, pageOptions, input.nextPageToken);
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
    requireDomain(this.#state, input.domain);
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
    const state = this.#state;
    // Worker calls run as one atomic step (the other mutating operations open their own).
    const atomic =
      <K extends OperationName>(work: (input: OperationInput<K>) => OperationOutput): OperationHandler<K> =>
      (input) =>
        state.atomically(() => work(input));
    return {
      RegisterDomain: (input) => registerDomain(state, input),
      DescribeDomain: (input, context) => describeDomain(state, input, context.region),
      ListDomains: (input, context) => listDomains(state, input, context.region),
      DeprecateDomain: (input) => deprecateDomain(state, input),
      UndeprecateDomain: (input) => undeprecateDomain(state, input),
      TagResource: (input) => tagResource(state, input),
      UntagResource: (input) => untagResource(state, input),
      ListTagsForResource: (input) => listTagsForResource(state, input),
      RegisterWorkflowType: (input) => registerType(state, 'workflow', input),
      RegisterActivityType: (input) => registerType(state, 'activity', input),
      DescribeWorkflowType: (input) => describeType(state, 'workflow', input),
      DescribeActivityType: (input) => describeType(state, 'activity', input),
      ListWorkflowTypes: (input) => listTypes(state, 'workflow', input),
      ListActivityTypes: (input) => listTypes(state, 'activity', input),
      DeprecateWorkflowType: (input) => deprecateType(state, 'workflow', input),
      DeprecateActivityType: (input) => deprecateType(state, 'activity', input),
      UndeprecateWorkflowType: (input) => undeprecateType(state, 'workflow', input),
      UndeprecateActivityType: (input) => undeprecateType(state, 'activity', input),
      DeleteWorkflowType: (input) => deleteType(state, 'workflow', input),
      DeleteActivityType: (input) => deleteType(state, 'activity', input),
      StartWorkflowExecution: (input) => startWorkflowExecution(state, input),
      SignalWorkflowExecution: (input) => signalWorkflowExecution(state, input),
      RequestCancelWorkflowExecution: (input) => requestCancelWorkflowExecution(state, input),
      TerminateWorkflowExecution: (input) => terminateWorkflowExecution(state, input),
      DescribeWorkflowExecution: (input) => describeWorkflowExecution(state, input),
      GetWorkflowExecutionHistory: (input) => getWorkflowExecutionHistory(state, input),
      ListOpenWorkflowExecutions: (input) => listOpenWorkflowExecutions(state, input),
      ListClosedWorkflowExecutions: (input) => listClosedWorkflowExecutions(state, input),
      CountOpenWorkflowExecutions: (input) => countOpenWorkflowExecutions(state, input),
      CountClosedWorkflowExecutions: (input) => countClosedWorkflowExecutions(state, input),
      CountPendingDecisionTasks: (input) => countPendingTasks(state, 'decision', input),
      CountPendingActivityTasks: (input) => countPendingTasks(state, 'activity', input),
      PollForDecisionTask: (input, context) => this.#pollForDecisionTask(input, context),
      PollForActivityTask: (input, context) => this.#pollForActivityTask(input, context),
      RespondDecisionTaskCompleted: (input) => respondDecisionTaskCompleted(state, input),
      RecordActivityTaskHeartbeat: atomic((input) => recordActivityTaskHeartbeat(state, input)),
      RespondActivityTaskCompleted: atomic((input) => respondActivityTaskCompleted(state, input)),
      RespondActivityTaskFailed: atomic((input) => respondActivityTaskFailed(state, input)),
      RespondActivityTaskCanceled: atomic((input) => respondActivityTaskCanceled(state, input)),
    };
  }
}
