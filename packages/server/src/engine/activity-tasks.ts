import type { ActivityState, ExecutionRecord, TaskTokenRecord } from '../store/records.js';
import { durationMs } from './durations.js';
import { executionRef, recordEvent, type EventAttributes } from './history-writer.js';
import { activityTaskKey, deadlineKey } from './keys.js';
import type { OperationInput } from './operations.js';
import type { Runtime } from './runtime.js';
import { recordHandout } from './task-handout.js';
import { newTaskToken, resolveTaskToken } from './task-tokens.js';

export const EMPTY_ACTIVITY_POLL = { startedEventId: 0 } as const;

type ActivityTimeoutType = 'SCHEDULE_TO_START' | 'SCHEDULE_TO_CLOSE' | 'START_TO_CLOSE' | 'HEARTBEAT';

/** Queues a just-recorded ActivityTaskScheduled and arms its SCHEDULE_TO_* deadlines. */
export function queueActivityTask(rt: Runtime, execution: ExecutionRecord, activity: ActivityState): void {
  execution.activities[activity.activityId] = activity;
  // The API reference defines it as the time the latest activity task was scheduled.
  execution.latestActivityTaskTimestamp = activity.scheduledAt;
  rt.work.queued(execution.domain, 'activity', activity.taskList.name);
  rt.enqueueTask({
    key: activityTaskKey(execution, activity.scheduledEventId),
    domain: execution.domain,
    kind: 'activity',
    taskList: activity.taskList.name,
    priority: Number(activity.taskPriority),
    sequence: rt.nextSequence(),
    workflowId: execution.workflowId,
    runId: execution.runId,
    scheduledEventId: activity.scheduledEventId,
    activityId: activity.activityId,
  });
  armActivityTimeout(rt, execution, activity, 'SCHEDULE_TO_START', activity.scheduledAt + durationMs(activity.scheduleToStartTimeout));
  armActivityTimeout(rt, execution, activity, 'SCHEDULE_TO_CLOSE', activity.scheduledAt + durationMs(activity.scheduleToCloseTimeout));
}

/** Hands a scheduled activity task to a worker: records ActivityTaskStarted and builds the poll response. */
export function startActivityTask(rt: Runtime, execution: ExecutionRecord, activity: ActivityState, identity: string | undefined): Record<string, unknown> {
  const startedEventId = recordEvent(rt, execution, 'ActivityTaskStarted', { identity, scheduledEventId: activity.scheduledEventId });
  const now = rt.now();
  const taskToken = newTaskToken('activity', execution, activity.scheduledEventId);
  activity.startedEventId = startedEventId;
  activity.startedAt = now;
  activity.taskToken = taskToken;
  recordHandout(rt, execution, {
    kind: 'activity',
    taskList: activity.taskList.name,
    scheduledEventId: activity.scheduledEventId,
    startedEventId,
    token: taskToken,
    activityId: activity.activityId,
  });
  rt.timeouts.delete(deadlineKey(execution, 'activity-schedule-to-start', activity.activityId));
  armActivityTimeout(rt, execution, activity, 'START_TO_CLOSE', now + durationMs(activity.startToCloseTimeout));
  armActivityTimeout(rt, execution, activity, 'HEARTBEAT', now + durationMs(activity.heartbeatTimeout));
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
export function closeActivity(rt: Runtime, execution: ExecutionRecord, activity: ActivityState): void {
  if (activity.startedEventId === 0) rt.work.unqueued(execution.domain, 'activity', activity.taskList.name, false);
  else rt.work.finished('activity', execution.runId, activity.scheduledEventId);
  rt.store.removeTask(activityTaskKey(execution, activity.scheduledEventId));
  if (activity.taskToken !== undefined) rt.store.deleteTaskToken(activity.taskToken);
  for (const kind of ['activity-schedule-to-start', 'activity-schedule-to-close', 'activity-start-to-close', 'activity-heartbeat'] as const) {
    rt.timeouts.delete(deadlineKey(execution, kind, activity.activityId));
  }
  delete execution.activities[activity.activityId];
  rt.touch(execution);
}

/**
 * Re-arms the deadlines of an open activity from its recorded times, for an engine that restarts
 * on a store holding it: SCHEDULE_TO_START until started, then START_TO_CLOSE and HEARTBEAT
 * (from the last heartbeat, else the start); SCHEDULE_TO_CLOSE throughout.
 */
export function restoreActivityDeadlines(rt: Runtime, execution: ExecutionRecord, activity: ActivityState): void {
  armActivityTimeout(rt, execution, activity, 'SCHEDULE_TO_CLOSE', activity.scheduledAt + durationMs(activity.scheduleToCloseTimeout));
  if (activity.startedAt === undefined) {
    armActivityTimeout(rt, execution, activity, 'SCHEDULE_TO_START', activity.scheduledAt + durationMs(activity.scheduleToStartTimeout));
    return;
  }
  armActivityTimeout(rt, execution, activity, 'START_TO_CLOSE', activity.startedAt + durationMs(activity.startToCloseTimeout));
  const heartbeatFrom = activity.lastHeartbeatAt ?? activity.startedAt;
  armActivityTimeout(rt, execution, activity, 'HEARTBEAT', heartbeatFrom + durationMs(activity.heartbeatTimeout));
}

const DEADLINE_OF = {
  SCHEDULE_TO_START: 'activity-schedule-to-start',
  SCHEDULE_TO_CLOSE: 'activity-schedule-to-close',
  START_TO_CLOSE: 'activity-start-to-close',
  HEARTBEAT: 'activity-heartbeat',
} as const satisfies Record<ActivityTimeoutType, string>;

function armActivityTimeout(rt: Runtime, execution: ExecutionRecord, activity: ActivityState, timeoutType: ActivityTimeoutType, at: number): void {
  const { domain, workflowId, runId } = execution;
  const { activityId, scheduledEventId } = activity;
  rt.timeouts.set(deadlineKey(execution, DEADLINE_OF[timeoutType], activityId), at, () => {
    const current = rt.store.getExecution(domain, workflowId, runId);
    const open = current?.status === 'OPEN' ? current.activities[activityId] : undefined;
    if (!current || !open || open.scheduledEventId !== scheduledEventId) return;
    recordEvent(rt, current, 'ActivityTaskTimedOut', {
      timeoutType,
      scheduledEventId,
      startedEventId: open.startedEventId,
      details: open.heartbeatDetails,
    });
    closeActivity(rt, current, open);
  });
}

interface ActivityGrant {
  execution: ExecutionRecord;
  activity: ActivityState;
  token: TaskTokenRecord;
}

/** The open, started activity a worker's task token refers to, or UnknownResourceFault. */
function resolveActivityToken(rt: Runtime, taskToken: string): ActivityGrant {
  const { execution, token } = resolveTaskToken(rt, taskToken, 'activity', (run, record) => {
    const activity = record.activityId === undefined ? undefined : run.activities[record.activityId];
    return activity?.startedEventId === record.startedEventId;
  });
  return { execution, activity: execution.activities[token.activityId!]!, token };
}

export function recordActivityTaskHeartbeat(rt: Runtime, input: OperationInput<'RecordActivityTaskHeartbeat'>): Record<string, unknown> {
  const { execution, activity } = resolveActivityToken(rt, input.taskToken);
  rt.executionThrottle?.admit('RecordActivityTaskHeartbeat', execution);
  const now = rt.now();
  activity.lastHeartbeatAt = now;
  if (input.details !== undefined) activity.heartbeatDetails = input.details;
  armActivityTimeout(rt, execution, activity, 'HEARTBEAT', now + durationMs(activity.heartbeatTimeout));
  rt.touch(execution);
  return { cancelRequested: activity.latestCancelRequestedEventId > 0 };
}

/** The worker's answer to an activity task: its closing event, with the ids every close carries, then the close itself. */
function answerActivityTask(
  rt: Runtime,
  taskToken: string,
  eventType: 'ActivityTaskCompleted' | 'ActivityTaskFailed' | 'ActivityTaskCanceled',
  attributes: (activity: ActivityState) => EventAttributes,
): undefined {
  const { execution, activity } = resolveActivityToken(rt, taskToken);
  recordEvent(rt, execution, eventType, {
    ...attributes(activity),
    scheduledEventId: activity.scheduledEventId,
    startedEventId: activity.startedEventId,
  });
  closeActivity(rt, execution, activity);
  return undefined;
}

export function respondActivityTaskCompleted(rt: Runtime, input: OperationInput<'RespondActivityTaskCompleted'>): undefined {
  return answerActivityTask(rt, input.taskToken, 'ActivityTaskCompleted', () => ({ result: input.result }));
}

export function respondActivityTaskFailed(rt: Runtime, input: OperationInput<'RespondActivityTaskFailed'>): undefined {
  return answerActivityTask(rt, input.taskToken, 'ActivityTaskFailed', () => ({ reason: input.reason, details: input.details }));
}

export function respondActivityTaskCanceled(rt: Runtime, input: OperationInput<'RespondActivityTaskCanceled'>): undefined {
  return answerActivityTask(rt, input.taskToken, 'ActivityTaskCanceled', (activity) => ({
    details: input.details,
    latestCancelRequestedEventId: activity.latestCancelRequestedEventId,
  }));
}
