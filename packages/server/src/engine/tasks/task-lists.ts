/** Long polls: the pollers waiting on each task list and the hand-out of tasks to them. */
import type { TaskKind, TaskRecord } from '../../store/records.js';
import { startActivityTask } from './activity-tasks.js';
import { startDecisionTask, type DecisionPageOptions } from './decision-tasks.js';
import { fault } from '../faults.js';
import { ENGINE_LIMITS } from '../limits.js';
import { taskQueueKey, type EngineState } from '../engine-state.js';

type PollResponse = Record<string, unknown>;

interface Waiter {
  kind: TaskKind;
  identity: string | undefined;
  pageOptions: DecisionPageOptions;
  empty: PollResponse;
  aborted: () => boolean;
  resolve: (response: PollResponse) => void;
  release: () => void;
}

/** The long polls waiting on one task list. */
export interface HeldPolls {
  readonly domain: string;
  readonly kind: TaskKind;
  readonly taskList: string;
  /** Polls held open on the list now. */
  readonly polls: number;
}

export interface PollRequest {
  kind: TaskKind;
  domain: string;
  taskList: string;
  identity: string | undefined;
  pageOptions: DecisionPageOptions;
  /** The response for "no task within the long-poll window". */
  empty: PollResponse;
  /**
   * Aborts when the caller goes away. Read only when the poll has to wait, so a front end may make
   * the signal on first read: most polls find a task at once.
   */
  signal: () => AbortSignal | undefined;
}

/**
 * Long polls. Each (domain, kind, task list) has a FIFO of waiting pollers; scheduling a task
 * marks its list dirty and the end of the atomic step hands tasks straight to waiters, so a poll
 * is answered in the same tick a task appears. A poller whose signal aborted is dropped before it
 * can be handed anything, so an abandoned connection never swallows a task.
 */
export class TaskLists {
  readonly #state: EngineState;
  readonly #waiters = new Map<string, Waiter[]>();

  constructor(state: EngineState) {
    this.#state = state;
  }

  /** A task already queued is answered at once (a plain value); otherwise the poll waits (a promise). */
  poll(request: PollRequest): PollResponse | Promise<PollResponse> {
    const key = taskQueueKey(request.domain, request.kind, request.taskList);
    const immediate = this.#state.atomically(() => this.#startNext(key, request.kind, request.identity, request.pageOptions));
    if (immediate) return immediate;
    const signal = request.signal();
    if (signal?.aborted) return request.empty;
    const queue = this.#waiters.get(key) ?? [];
    if (queue.length >= ENGINE_LIMITS.concurrentPollsPerTaskList) {
      throw fault('LimitExceededFault', 'Limit on maximum concurrent poll requests per task list reached');
    }
    this.#waiters.set(key, queue);
    return new Promise<PollResponse>((resolve) => {
      // Long polls are a transport concern: they use real time even under a virtual clock,
      // so advancing virtual time never strands or prematurely ends a poller.
      const timer = setTimeout(() => finish(request.empty), this.#state.longPollTimeoutMs);
      const onAbort = (): void => finish(request.empty);
      const waiter: Waiter = {
        kind: request.kind,
        identity: request.identity,
        pageOptions: request.pageOptions,
        empty: request.empty,
        aborted: () => signal?.aborted === true,
        resolve: (response) => finish(response),
        release: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      const finish = (response: PollResponse): void => {
        waiter.release();
        this.#remove(key, waiter);
        resolve(response);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
    });
  }

  /** Hands queued tasks of one list to its waiters, oldest waiter first. Runs inside an atomic step. */
  dispatch(key: string): void {
    const queue = this.#waiters.get(key);
    while (queue && queue.length > 0) {
      const waiter = queue[0]!;
      if (waiter.aborted()) {
        waiter.resolve(waiter.empty);
        continue;
      }
      const response = this.#startNext(key, waiter.kind, waiter.identity, waiter.pageOptions);
      if (!response) return;
      waiter.resolve(response);
    }
  }

  /** The lists with polls waiting on them; O(lists with waiting polls). */
  *heldPolls(): IterableIterator<HeldPolls> {
    for (const [key, queue] of this.#waiters) {
      const [domain, kind, taskList] = key.split('\u0000') as [string, TaskKind, string];
      yield { domain, kind, taskList, polls: queue.length };
    }
  }

  /** Answers every waiting poll with its empty response (shutdown and reset). */
  releaseAll(): void {
    for (const queue of [...this.#waiters.values()]) {
      for (const waiter of [...queue]) waiter.resolve(waiter.empty);
    }
    this.#waiters.clear();
  }

  #remove(key: string, waiter: Waiter): void {
    const queue = this.#waiters.get(key);
    if (!queue) return;
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
    if (queue.length === 0) this.#waiters.delete(key);
  }

  /** Dequeues and starts the next deliverable task; a task is taken only together with its start. */
  #startNext(key: string, kind: TaskKind, identity: string | undefined, pageOptions: DecisionPageOptions): PollResponse | undefined {
    const [domain, , taskList] = key.split('\u0000') as [string, string, string];
    for (let task = this.#state.store.dequeueTask(domain, kind, taskList); task; task = this.#state.store.dequeueTask(domain, kind, taskList)) {
      const response = this.#start(task, identity, pageOptions);
      if (response) return response;
    }
    return undefined;
  }

  #start(task: TaskRecord, identity: string | undefined, pageOptions: DecisionPageOptions): PollResponse | undefined {
    const execution = this.#state.store.getExecution(task.domain, task.workflowId, task.runId);
    if (!execution || execution.status !== 'OPEN') return undefined;
    if (task.kind === 'decision') {
      const decision = execution.decision;
      if (!decision || decision.scheduledEventId !== task.scheduledEventId || decision.startedEventId !== 0) return undefined;
      return startDecisionTask(this.#state, execution, identity, pageOptions);
    }
    const activity = task.activityId !== undefined ? execution.activities[task.activityId] : undefined;
    if (!activity || activity.scheduledEventId !== task.scheduledEventId || activity.startedEventId !== 0) return undefined;
    return startActivityTask(this.#state, execution, activity, identity);
  }
}
