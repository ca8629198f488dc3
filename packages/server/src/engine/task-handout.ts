import type { ExecutionRecord, TaskKind } from '../store/records.js';
import type { Runtime } from './runtime.js';

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
export function recordHandout(rt: Runtime, execution: ExecutionRecord, handout: TaskHandout): void {
  const { kind, taskList, scheduledEventId, startedEventId, token, activityId } = handout;
  const { domain, workflowId, runId } = execution;
  rt.work.unqueued(domain, kind, taskList, true);
  rt.work.started({ kind, domain, workflowId, runId, scheduledEventId, startedEventId, taskList });
  rt.store.saveTaskToken({ token, kind, domain, workflowId, runId, scheduledEventId, startedEventId, ...(activityId !== undefined && { activityId }) });
}
