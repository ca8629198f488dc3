import type { ExecutionRecord } from '../store/records.js';
import { restoreActivityDeadlines } from './activity-tasks.js';
import { armRetention } from './close.js';
import { armDecisionTaskDeadline } from './decision-tasks.js';
import { armLambdaTimeout } from './decisions/lambda.js';
import { armTimer } from './decisions/timers.js';
import { armExecutionTimeout } from './executions.js';
import type { Runtime } from './runtime.js';

/**
 * Rebuilds what an engine holds only in memory from what its store holds, so an engine opened on
 * an existing store (a SQLite file after a restart) loses nothing: every deadline is re-armed at
 * its recorded time, and task numbering resumes after the queued tasks. The task queues and task
 * tokens themselves live in the store. Deadlines already past fire on the clock's next turn.
 */
export function restoreFromStore(rt: Runtime): { openExecutions: number; closedExecutions: number } {
  rt.resumeSequenceAfter(rt.store.maxTaskSequence());
  let openExecutions = 0;
  let closedExecutions = 0;
  for (const domain of rt.store.listDomains()) {
    for (const execution of rt.store.listExecutions(domain.name, 'OPEN')) {
      restoreOpenRun(rt, execution);
      openExecutions++;
    }
    for (const execution of rt.store.listExecutions(domain.name, 'CLOSED')) {
      armRetention(rt, execution);
      closedExecutions++;
    }
  }
  return { openExecutions, closedExecutions };
}

function restoreOpenRun(rt: Runtime, execution: ExecutionRecord): void {
  armExecutionTimeout(rt, execution);
  if (execution.decision) armDecisionTaskDeadline(rt, execution, execution.decision);
  for (const activity of Object.values(execution.activities)) restoreActivityDeadlines(rt, execution, activity);
  for (const timer of Object.values(execution.timers)) armTimer(rt, execution, timer);
  for (const lambda of Object.values(execution.lambdas)) if (lambda.startedEventId > 0) armLambdaTimeout(rt, execution, lambda);
}
