/**
 * What the engine is waiting on, kept up to date at the few places a task changes state (queued,
 * handed out, answered or voided), so reading it costs O(1) and never touches the store. Tests
 * (TestEnvironment's time skipping) and monitoring read it to know whether work is in flight.
 */
import type { TaskKind } from '../../store/records.js';

/** Decision and activity tasks go through task lists; lambda functions run inside the engine. */
export type OutstandingTaskKind = TaskKind | 'lambda';

/** A task handed to a worker (or a lambda function running) whose answer has not arrived. */
export interface StartedTask {
  readonly kind: OutstandingTaskKind;
  readonly domain: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly scheduledEventId: number;
  /** The DecisionTaskStarted / ActivityTaskStarted / LambdaFunctionStarted event id. */
  readonly startedEventId: number;
  /** The list it was polled from; `''` for a lambda function. */
  readonly taskList: string;
}

/** A task list holding tasks that wait for a poller. */
export interface QueuedTaskList {
  readonly domain: string;
  readonly kind: TaskKind;
  readonly taskList: string;
  /** Tasks waiting on the list now. */
  readonly queued: number;
  /**
   * Changes each time a poller takes a task from the list (and when the list starts holding
   * tasks): a list whose `progress` stays the same while it holds tasks is not being served.
   */
  readonly progress: number;
}

/** Counts of outstanding work, a snapshot taken in O(1). */
export interface EngineStats {
  /** Tasks handed out and not yet answered, by kind (lambda: functions running). */
  readonly startedTasks: Readonly<Record<OutstandingTaskKind, number>>;
  /** Tasks waiting for a poller, by kind, over all task lists. */
  readonly queuedTasks: Readonly<Record<TaskKind, number>>;
}

interface MutableQueuedTaskList {
  domain: string;
  kind: TaskKind;
  taskList: string;
  queued: number;
  progress: number;
}

const startedKey = (kind: OutstandingTaskKind, runId: string, scheduledEventId: number): string => `${kind}\u0000${runId}\u0000${scheduledEventId}`;
const listKey = (domain: string, kind: TaskKind, taskList: string): string => `${domain}\u0000${kind}\u0000${taskList}`;

/** The engine's ledger of outstanding work; every method is O(1). */
export class OutstandingWork {
  readonly #started = new Map<string, StartedTask>();
  readonly #startedCounts: Record<OutstandingTaskKind, number> = { decision: 0, activity: 0, lambda: 0 };
  readonly #lists = new Map<string, MutableQueuedTaskList>();
  readonly #queuedCounts: Record<TaskKind, number> = { decision: 0, activity: 0 };
  #progress = 0;

  /** A task was scheduled on a list and waits for a poller. */
  queued(domain: string, kind: TaskKind, taskList: string): void {
    const key = listKey(domain, kind, taskList);
    let list = this.#lists.get(key);
    if (!list) {
      list = { domain, kind, taskList, queued: 0, progress: ++this.#progress };
      this.#lists.set(key, list);
    }
    list.queued += 1;
    this.#queuedCounts[kind] += 1;
  }

  /** A waiting task left its list: handed to a poller (`taken`) or voided before it was. */
  unqueued(domain: string, kind: TaskKind, taskList: string, taken: boolean): void {
    const key = listKey(domain, kind, taskList);
    const list = this.#lists.get(key);
    if (!list) return;
    list.queued -= 1;
    this.#queuedCounts[kind] -= 1;
    if (taken) list.progress = ++this.#progress;
    if (list.queued === 0) this.#lists.delete(key);
  }

  started(task: StartedTask): void {
    const key = startedKey(task.kind, task.runId, task.scheduledEventId);
    if (this.#started.has(key)) return;
    this.#started.set(key, { ...task });
    this.#startedCounts[task.kind] += 1;
  }

  /** A started task was answered, timed out or voided with its run. */
  finished(kind: OutstandingTaskKind, runId: string, scheduledEventId: number): void {
    if (this.#started.delete(startedKey(kind, runId, scheduledEventId))) this.#startedCounts[kind] -= 1;
  }

  stats(): EngineStats {
    return { startedTasks: { ...this.#startedCounts }, queuedTasks: { ...this.#queuedCounts } };
  }

  startedTasks(): IterableIterator<StartedTask> {
    return this.#started.values();
  }

  /** Snapshots of the lists holding tasks (the ledger's own entries keep changing). */
  *queuedTaskLists(): IterableIterator<QueuedTaskList> {
    for (const list of this.#lists.values()) yield { ...list };
  }

  clear(): void {
    this.#started.clear();
    this.#lists.clear();
    for (const kind of ['decision', 'activity', 'lambda'] as const) this.#startedCounts[kind] = 0;
    for (const kind of ['decision', 'activity'] as const) this.#queuedCounts[kind] = 0;
  }
}
