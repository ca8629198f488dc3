/**
 * What the in-process engine is still waiting on, read straight from its store. Time skipping may
 * only move the clock when none of this is left: a task handed out but unanswered, or a task
 * queued on a list some worker polls, means a worker is about to change history at the current time.
 */
import type { Store } from '@swirl/server';

/** One piece of unfinished work, keyed so it can be followed across checks. */
export interface OutstandingTask {
  /** Stable while the task lasts: kind, run and scheduled event id. */
  readonly key: string;
  readonly kind: 'decision' | 'activity' | 'lambda';
  /** `started`: handed out (or running in the engine) and unanswered; `queued`: waiting for a poller. */
  readonly state: 'started' | 'queued';
  readonly domain: string;
  readonly taskList: string;
  readonly workflowId: string;
  readonly runId: string;
  /** The DecisionTaskStarted / ActivityTaskStarted / LambdaFunctionStarted event id; 0 while queued. */
  readonly startedEventId: number;
}

/** Every decision, activity and lambda task of every open run that is queued or started. */
export function outstandingTasks(store: Store): OutstandingTask[] {
  const tasks: OutstandingTask[] = [];
  for (const domain of store.listDomains()) {
    for (const run of store.listExecutions(domain.name, 'OPEN')) {
      const base = { domain: domain.name, workflowId: run.workflowId, runId: run.runId };
      const decision = run.decision;
      if (decision) {
        tasks.push({
          ...base,
          key: `decision/${run.runId}/${decision.scheduledEventId}`,
          kind: 'decision',
          state: decision.startedEventId === 0 ? 'queued' : 'started',
          taskList: decision.taskList.name,
          startedEventId: decision.startedEventId,
        });
      }
      for (const activity of Object.values(run.activities)) {
        tasks.push({
          ...base,
          key: `activity/${run.runId}/${activity.scheduledEventId}`,
          kind: 'activity',
          state: activity.startedEventId === 0 ? 'queued' : 'started',
          taskList: activity.taskList.name,
          startedEventId: activity.startedEventId,
        });
      }
      for (const lambda of Object.values(run.lambdas)) {
        // Lambda functions run inside the engine; only a started one is work in progress.
        if (lambda.startedEventId === 0) continue;
        tasks.push({
          ...base,
          key: `lambda/${run.runId}/${lambda.scheduledEventId}`,
          kind: 'lambda',
          state: 'started',
          taskList: '',
          startedEventId: lambda.startedEventId,
        });
      }
    }
  }
  return tasks;
}
