/**
 * A MemoryStore that timestamps the tasks of one watched task list on the benchmark's clock
 * (`performance.now()`, the same process as the in-process server): when the engine schedules a
 * task (enqueue) and when it hands it to a poll (dequeue). The wake-up measurement reads them to
 * time "task scheduled -> poll answered" without counting the start call that scheduled the task.
 */
import { MemoryStore } from '@swirl/server';

type TaskRecord = Parameters<MemoryStore['enqueueTask']>[0];

export interface TaskTimes {
  readonly scheduledAt: number;
  /** Undefined until a poll takes the task. */
  readonly handedOutAt: number | undefined;
}

export class TaskTimelineStore extends MemoryStore {
  readonly #times = new Map<string, { scheduledAt: number; handedOutAt: number | undefined }>();
  #watched: string | undefined;

  /** Starts timing the tasks of `taskList` (one list at a time) and forgets earlier times. */
  watch(taskList: string): void {
    this.#watched = taskList;
    this.#times.clear();
  }

  /** The times of the watched list's tasks, in the order they were scheduled. */
  times(): TaskTimes[] {
    return [...this.#times.values()];
  }

  override enqueueTask(task: TaskRecord): void {
    if (task.taskList === this.#watched) this.#times.set(task.key, { scheduledAt: performance.now(), handedOutAt: undefined });
    super.enqueueTask(task);
  }

  override dequeueTask(domain: string, kind: TaskRecord['kind'], taskList: string): TaskRecord | undefined {
    const task = super.dequeueTask(domain, kind, taskList);
    const times = task && this.#times.get(task.key);
    if (times) times.handedOutAt = performance.now();
    return task;
  }
}
