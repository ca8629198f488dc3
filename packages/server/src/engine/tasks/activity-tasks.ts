/** Activity tasks once scheduled: hand-out to a poller, heartbeats, the worker's answers and their timeouts. */
import type { ActivityState, ExecutionRecord, TaskTokenRecord } from '../../store/records.js';
import { durationMs } from '../time/durations.js';
import { executionRef, recordEvent, type EventAttributes } from '../runs/history-writer.js';
import { activityTaskKey, deadlineKey } from '../runs/run-keys.js';
import type { OperationInput } from '../operations.js';
import type { EngineState } from '../engine-state.js';
import { recordHandout } from './task-handout.js';
import { newTaskToken, resolveTaskToken } from './task-tokens.js';

export const EMPTY_ACTIVITY_POLL = { startedEventId: 0 } as const;

type ActivityTimeoutType = 'SCHEDULE_TO_START' | 'SCHEDULE_TO_CLOSE' | 'START_TO_CLOSE' | 'HEARTBEAT';

/** Queues a just-recorded ActivityTaskScheduled and arms its SCHEDULE_TO_* deadlines. */
export function queueActivityTask(state: EngineState, execution: ExecutionRecord, activity: ActivityState): void {
  execution.activities[activity.activityId] = activity;
  // The API reference defines it as the time the latest activity task was scheduled.
  execution.latestActivityTaskTimestamp = activity.scheduledAt;
  state.work.queued(execution.domain, 'activity', activity.taskList.name);
  state.enqueueTask({
    key: activityTaskKey(execution, activity.scheduledEventId),
    domain: execution.domain,
    kind: 'activity',
    taskList: activity.taskList.name,
    priority: Number(activity.taskPriority),
    sequence: state.nextSequence(),
    workflowId: execution.workflowId,
    runId: execution.runId,
    scheduledEventId: activity.scheduledEventId,
    activityId: activity.activityId,
  });
  armActivityTimeout(state, execution, activity, 'SCHEDULE_TO_START', activity.scheduledAt + durationMs(activity.scheduleToStartTimeout));
  armActivityTimeout(state, execution, activity, 'SCHEDULE_TO_CLOSE', activity.scheduledAt + durationMs(activity.scheduleToCloseTimeout));
}

/** Hands a scheduled activity task to a worker: records ActivityTaskStarted and builds the poll response. */
export function startActivityTask(state: EngineState, execution: ExecutionRecord, activity: ActivityState, identity: string | undefined): Record<string, unknown> {
  const startedEventId = recordEvent(state, execution, 'ActivityTaskStarted', { identity, scheduledEventId: activity.scheduledEventId });
  const now = state.now();
  const taskToken = newTaskToken('activity', execution, activity.scheduledEventId);
  activity.startedEventId = startedEventId;
  activity.startedAt = now;
  activity.taskToken = taskToken;
  recordHandout(state, execution, {
    kind: 'activity',
    taskList: activity.taskList.name,
    scheduledEventId: activity.scheduledEventId,
    startedEventId,
    token: taskToken,
    activityId: activity.activityId,
  });
  state.timeouts.delete(deadlineKey(execution, 'activity-schedule-to-start', activity.activityId));
  armActivityTimeout(state, execution, activity, 'START_TO_CLOSE', now + durationMs(activity.startToCloseTimeout));
  armActivityTimeout(state, execution, activity, 'HEARTBEAT', now + durationMs(activity.heartbeatTimeout));
  return {
    taskToken,
    activityId: activity.activityId,
    startedEventId,
    workflowExecution: executionRef(execution),
    activityType: { ...activity.activityType },
    ...(activity.input !== undefined ? { input: activity.input } : {}),
  };
}

/** Removes an activity from its run: queue entry, token, deadlines. Later worker calls get UnknownResource. */
export function closeActivity(state: EngineState, execution: ExecutionRecord, activity: ActivityState): void {
  if (activity.startedEventId === 0) state.work.unqueued(execution.domain, 'activity', activity.taskList.name, false);
  else state.work.finished('activity', execution.runId, activity.scheduledEventId);
  state.store.removeTask(activityTaskKey(execution, activity.scheduledEventId));
  if (activity.taskToken !== undefined) state.store.deleteTaskToken(activity.taskToken);
  for (const kind of ['activity-schedule-to-start', 'activity-schedule-to-close', 'activity-start-to-close', 'activity-heartbeat'] as const) {
    state.timeouts.delete(deadlineKey(execution, kind, activity.activityId));
  }
  delete execution.activities[activity.activityId];
  state.touch(execution);
}

/**
 * Re-arms the deadlines of an open activity from its recorded times, for an engine that restarts
 * on a store holding it: SCHEDULE_TO_START until started, then START_TO_CLOSE and HEARTBEAT
 * (from the last heartbeat, else the start); SCHEDULE_TO_CLOSE throughout.
 */
export function restoreActivityDeadlines(state: EngineState, execution: ExecutionRecord, activity: ActivityState): void {
  armActivityTimeout(state, execution, activity, 'SCHEDULE_TO_CLOSE', activity.scheduledAt + durationMs(activity.scheduleToCloseTimeout));
  if (activity.startedAt === undefined) {
    armActivityTimeout(state, execution, activity, 'SCHEDULE_TO_START', activity.scheduledAt + durationMs(activity.scheduleToStartTimeout));
    return;
  }
  armActivityTimeout(state, execution, activity, 'START_TO_CLOSE', activity.startedAt + durationMs(activity.startToCloseTimeout));
  const heartbeatFrom = activity.lastHeartbeatAt ?? activity.startedAt;
  armActivityTimeout(state, execution, activity, 'HEARTBEAT', heartbeatFrom + durationMs(activity.heartbeatTimeout));
}

const DEADLINE_OF = {
  SCHEDULE_TO_START: 'activity-schedule-to-start',
  SCHEDULE_TO_CLOSE: 'activity-schedule-to-close',
  START_TO_CLOSE: 'activity-start-to-close',
  HEARTBEAT: 'activity-heartbeat',
} as const satisfies Record<ActivityTimeoutType, string>;

function armActivityTimeout(state: EngineState, execution: ExecutionRecord, activity: ActivityState, timeoutType: ActivityTimeoutType, at: number): void {
  const { domain, workflowId, runId } = execution;
  const { activityId, scheduledEventId } = activity;
  state.timeouts.set(deadlineKey(execution, DEADLINE_OF[timeoutType], activityId), at, () => {
    const current = state.store.getExecution(domain, workflowId, runId);
    const open = current?.status === 'OPEN' ? current.activities[activityId] : undefined;
    if (!current || !open || open.scheduledEventId !== scheduledEventId) return;
    recordEvent(state, current, 'ActivityTaskTimedOut', {
      timeoutType,
      scheduledEventId,
      startedEventId: open.startedEventId,
      details: open.heartbeatDetails,
    });
    closeActivity(state, current, open);
  });
}

interface ActivityGrant {
  execution: ExecutionRecord;
  activity: ActivityState;
  token: TaskTokenRecord;
}

/** The open, started activity a worker's task token refers to, or UnknownResourceFault. */
function resolveActivityToken(state: EngineState, taskToken: string): ActivityGrant {
  const { execution, token } = resolveTaskToken(state, taskToken, 'activity', (run, record) => {
    const activity = record.activityId === undefined ? undefined : run.activities[record.activityId];
    return activity?.startedEventId === record.startedEventId;
  });
  return { execution, activity: execution.activities[token.activityId!]!, token };
}

export function recordActivityTaskHeartbeat(state: EngineState, input: OperationInput<'RecordActivityTaskHeartbeat'>): Record<string, unknown> {
  const { execution, activity } = resolveActivityToken(state, input.taskToken);
  state.executionThrottle?.admit('RecordActivityTaskHeartbeat', execution);
  const now = state.now();
  activity.lastHeartbeatAt = now;
  if (input.details !== undefined) activity.heartbeatDetails = input.details;
  armActivityTimeout(state, execution, activity, 'HEARTBEAT', now + durationMs(activity.heartbeatTimeout));
  state.touch(execution);
  return { cancelRequested: activity.latestCancelRequestedEventId > 0 };
}

/** The worker's answer to an activity task: its closing event, with the ids every close carries, then the close itself. */
function answerActivityTask(
  state: EngineState,
  taskToken: string,
  eventType: 'ActivityTaskCompleted' | 'ActivityTaskFailed' | 'ActivityTaskCanceled',
  attributes: (activity: ActivityState) => EventAttributes,
): undefined {
  const { execution, activity } = resolveActivityToken(state, taskToken);
  recordEvent(state, execution, eventType, {
    ...attributes(activity),
    scheduledEventId: activity.scheduledEventId,
    startedEventId: activity.startedEventId,
  });
  closeActivity(state, execution, activity);
  return undefined;
}

export function respondActivityTaskCompleted(state: EngineState, input: OperationInput<'RespondActivityTaskCompleted'>): undefined {
  return answerActivityTask(state, input.taskToken, 'ActivityTaskCompleted', () => ({ result: input.result }));
}

export function respondActivityTaskFailed(state: EngineState, input: OperationInput<'RespondActivityTaskFailed'>): undefined {
  return answerActivityTask(state, input.taskToken, 'ActivityTaskFailed', () => ({ reason: input.reason, details: input.details }));
}

export function respondActivityTaskCanceled(state: EngineState, input: OperationInput<'RespondActivityTaskCanceled'>): undefined {
  return answerActivityTask(state, input.taskToken, 'ActivityTaskCanceled', (activity) => ({
    details: input.details,
    latestCancelRequestedEventId: activity.latestCancelRequestedEventId,
  }));
}
