import type { EngineStats, QueuedTaskList, StartedTask } from '@swirl/server';
import { describe, expect, it } from 'vitest';
import { IdleWatch, type OutstandingWorkSource } from '../../src/environment/idle-watch.js';

/** A stand-in for the engine's outstanding-work hooks, set by each test. */
class FakeWork implements OutstandingWorkSource {
  started: StartedTask[] = [];
  lists: QueuedTaskList[] = [];

  stats(): EngineStats {
    const count = (kind: string) => this.started.filter((task) => task.kind === kind).length;
    const queued = (kind: string) => this.lists.filter((list) => list.kind === kind).reduce((sum, list) => sum + list.queued, 0);
    return {
      startedTasks: { decision: count('decision'), activity: count('activity'), lambda: count('lambda') },
      queuedTasks: { decision: queued('decision'), activity: queued('activity') },
    };
  }

  startedTasks(): Iterable<StartedTask> {
    return this.started;
  }

  queuedTaskLists(): Iterable<QueuedTaskList> {
    return this.lists;
  }
}

const task = (kind: StartedTask['kind'], startedEventId: number): StartedTask => ({
  kind,
  domain: 'd',
  workflowId: 'wf',
  runId: 'run',
  scheduledEventId: startedEventId - 1,
  startedEventId,
  taskList: kind === 'lambda' ? '' : 'list',
});

const watch = (work: FakeWork, polled: string[] = [], busyTaskTimeoutMs = 60_000) =>
  new IdleWatch({ engine: work, busyTaskTimeoutMs, isPolled: (_domain, kind, taskList) => polled.includes(`${kind}:${taskList}`) });

describe('IdleWatch', () => {
  it('is idle when the engine has nothing outstanding', async () => {
    const work = new FakeWork();
    expect(watch(work).busyWork()).toEqual([]);
    await watch(work).waitUntilIdle();
  });

  it('is busy while a task is started and unanswered, of any kind', () => {
    const work = new FakeWork();
    for (const kind of ['decision', 'activity', 'lambda'] as const) {
      work.started = [task(kind, 3)];
      expect(watch(work).busyWork()).toHaveLength(1);
    }
  });

  it('is busy for queued tasks only on a list a running worker polls', () => {
    const work = new FakeWork();
    work.lists = [{ domain: 'd', kind: 'activity', taskList: 'workers', queued: 2, progress: 1 }];
    expect(watch(work).busyWork()).toEqual([]);
    expect(watch(work, ['activity:workers']).busyWork()).toHaveLength(1);
    expect(watch(work, ['decision:workers']).busyWork()).toEqual([]);
  });

  it('lets time move past a decision task the worker failed, until a new one starts', () => {
    const work = new FakeWork();
    const idle = watch(work);
    work.started = [task('decision', 3)];
    idle.decisionTaskFailed('run', 3);
    expect(idle.busyWork()).toEqual([]);
    work.started = [task('decision', 7)];
    expect(idle.busyWork()).toHaveLength(1);
  });

  it('stops holding the clock for work outstanding longer than busyTaskTimeoutMs', async () => {
    const work = new FakeWork();
    work.started = [task('activity', 5)];
    const idle = watch(work, [], 20);
    expect(idle.busyWork()).toHaveLength(1);
    await idle.waitUntilIdle();
    expect(idle.busyWork()).toEqual([]);
    // A task that starts afterwards holds the clock again.
    work.started = [task('activity', 5), task('activity', 9)];
    expect(idle.busyWork()).toHaveLength(1);
  });
});
