/** Stable string keys for a run's tasks and deadlines, unique across domains and runs. */
import type { ExecutionRecord } from '../../store/records.js';

/** Stable string keys for a run's tasks and deadlines, unique across domains and runs. */
const runKey = (execution: ExecutionRecord): string => `${execution.domain}\u0000${execution.workflowId}\u0000${execution.runId}`;

export const decisionTaskKey = (execution: ExecutionRecord, scheduledEventId: number): string =>
  `${runKey(execution)}\u0000decision\u0000${scheduledEventId}`;

export const activityTaskKey = (execution: ExecutionRecord, scheduledEventId: number): string =>
  `${runKey(execution)}\u0000activity\u0000${scheduledEventId}`;

export type DeadlineKind =
  | 'execution-start-to-close'
  | 'decision-schedule-to-start'
  | 'decision-start-to-close'
  | 'activity-schedule-to-start'
  | 'activity-schedule-to-close'
  | 'activity-start-to-close'
  | 'activity-heartbeat'
  | 'timer'
  | 'lambda-start-to-close'
  | 'retention';

export const deadlineKey = (execution: ExecutionRecord, kind: DeadlineKind, id: string | number = ''): string =>
  `${runKey(execution)}\u0000${kind}\u0000${id}`;
