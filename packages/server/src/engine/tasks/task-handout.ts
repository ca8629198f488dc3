/** What every handed-out task shares: it leaves its list, gets a token and counts as started. */
import type { ExecutionRecord, TaskKind } from '../../store/records.js';
import type { EngineState } from '../engine-state.js';

/** A decision or activity task being handed to a poller. */
export interface TaskHandout {
  readonly kind: TaskKind;
  readonly taskList: string;
  readonly scheduledEventId: number;
  readonly startedEventId: number;
  readonly token: string;
  /** Activity tasks only: their token resolves to the activity as well. */
  readonly activityId?: string;
}

/**
 * The bookkeeping every handed-out task shares, besides its run's own state: it leaves its list,
 * counts as started, and its task token resolves back to it.
 */
export function recordHandout(state: EngineState, execution: ExecutionRecord, handout: TaskHandout): void {
  const { kind, taskList, scheduledEventId, startedEventId, token, activityId } = handout;
  const { domain, workflowId, runId } = execution;
  state.work.unqueued(domain, kind, taskList, true);
  state.work.started({ kind, domain, workflowId, runId, scheduledEventId, startedEventId, taskList });
  state.store.saveTaskToken({ token, kind, domain, workflowId, runId, scheduledEventId, startedEventId, ...(activityId !== undefined && { activityId }) });
}
