/** The end of every atomic step for each run it touched: the event limit, the next decision task, the save. */
import type { ExecutionRecord } from '../../store/records.js';
import type { EngineState } from '../engine-state.js';
import { scheduleDecisionTask } from '../tasks/decision-tasks.js';
import { closeExecution } from './close.js';

export function finalizeExecution(state: EngineState, execution: ExecutionRecord): void {
  if (execution.status === 'OPEN' && execution.eventCount >= state.historyEventLimit - 1) {
    closeExecution(state, execution, {
      status: 'TERMINATED',
      eventType: 'WorkflowExecutionTerminated',
      attributes: { childPolicy: execution.config.childPolicy, cause: 'EVENT_LIMIT_EXCEEDED' },
      childPolicy: execution.config.childPolicy,
    });
  }
  if (execution.status === 'OPEN' && execution.decisionNeeded && !execution.decision) scheduleDecisionTask(state, execution);
  // A retention deadline may already have removed a closed run; never resurrect it.
  if (execution.status === 'OPEN' || state.store.getExecution(execution.domain, execution.workflowId, execution.runId)) {
    state.store.saveExecution(execution);
  }
}
