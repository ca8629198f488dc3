import type { ExecutionRecord } from '../../store/records.js';
import { restoreActivityDeadlines } from '../tasks/activity-tasks.js';
import { armRetention } from './close.js';
import { armDecisionTaskDeadline } from '../tasks/decision-tasks.js';
import { armLambdaTimeout } from '../decisions/lambda.js';
import { armTimer } from '../decisions/timers.js';
import { armExecutionTimeout } from './executions.js';
import type { OutstandingTaskKind } from '../tasks/outstanding-work.js';
import type { EngineState } from '../engine-state.js';

/**
 * Rebuilds what an engine holds only in memory from what its store holds, so an engine opened on
 * an existing store (a SQLite file after a restart) loses nothing: every deadline is re-armed at
 * its recorded time, and task numbering resumes after the queued tasks. The task queues and task
 * tokens themselves live in the store. Deadlines already past fire on the clock's next turn.
 */
export function restoreFromStore(state: EngineState): { openExecutions: number; closedExecutions: number } {
  state.resumeSequenceAfter(state.store.maxTaskSequence());
  let openExecutions = 0;
  let closedExecutions = 0;
  for (const domain of state.store.listDomains()) {
    for (const execution of state.store.listExecutions(domain.name, 'OPEN')) {
      restoreOpenRun(state, execution);
      openExecutions++;
    }
    for (const execution of state.store.listExecutions(domain.name, 'CLOSED')) {
      armRetention(state, execution);
      closedExecutions++;
    }
  }
  return { openExecutions, closedExecutions };
}

function restoreOpenRun(state: EngineState, execution: ExecutionRecord): void {
  restoreOutstandingWork(state, execution);
  armExecutionTimeout(state, execution);
  if (execution.decision) armDecisionTaskDeadline(state, execution, execution.decision);
  for (const activity of Object.values(execution.activities)) restoreActivityDeadlines(state, execution, activity);
  for (const timer of Object.values(execution.timers)) armTimer(state, execution, timer);
  for (const lambda of Object.values(execution.lambdas)) if (lambda.startedEventId > 0) armLambdaTimeout(state, execution, lambda);
}

/** Enters the run's queued and started tasks (and started lambdas) into the engine's ledger. */
function restoreOutstandingWork(state: EngineState, execution: ExecutionRecord): void {
  const { domain, workflowId, runId } = execution;
  const entries: Array<{ kind: OutstandingTaskKind; scheduledEventId: number; startedEventId: number; taskList: string }> = [];
  if (execution.decision) entries.push({ kind: 'decision', ...execution.decision, taskList: execution.decision.taskList.name });
  for (const activity of Object.values(execution.activities)) entries.push({ kind: 'activity', ...activity, taskList: activity.taskList.name });
  // A lambda only scheduled was never started; one started before the restart times out at its deadline.
  for (const lambda of Object.values(execution.lambdas)) if (lambda.startedEventId > 0) entries.push({ kind: 'lambda', ...lambda, taskList: '' });
  for (const { kind, scheduledEventId, startedEventId, taskList } of entries) {
    if (kind !== 'lambda' && startedEventId === 0) state.work.queued(domain, kind, taskList);
    else state.work.started({ kind, domain, workflowId, runId, scheduledEventId, startedEventId, taskList });
  }
}
