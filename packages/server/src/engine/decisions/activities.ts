/** ScheduleActivityTask and RequestCancelActivityTask decisions, defaults taken from the activity type. */
import type { ActivityState } from '../../store/records.js';
import { closeActivity, queueActivityTask } from '../tasks/activity-tasks.js';
import { recordEvent } from '../runs/history-writer.js';
import { ENGINE_LIMITS } from '../limits.js';
import { getActivityType } from '../registry/registered-types.js';
import type { DecisionAttributes, DecisionContext } from './context.js';
import { RATE_CAUSE_OF_BUCKET } from '../rate-limits/decision-rate-limits.js';

type ScheduleActivityTaskFailedCause =
  | 'ACTIVITY_TYPE_DEPRECATED'
  | 'ACTIVITY_TYPE_DOES_NOT_EXIST'
  | 'ACTIVITY_ID_ALREADY_IN_USE'
  | 'OPEN_ACTIVITIES_LIMIT_EXCEEDED'
  | 'ACTIVITY_CREATION_RATE_EXCEEDED'
  | 'DEFAULT_TASK_LIST_UNDEFINED'
  | 'DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED'
  | 'DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED'
  | 'DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED'
  | 'DEFAULT_HEARTBEAT_TIMEOUT_UNDEFINED';

/**
 * ScheduleActivityTask: the task list and the four timeouts come from the decision, then the
 * activity type's defaults; anything still undefined rejects the decision with its DEFAULT_* cause.
 */
export function scheduleActivityTask(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution, completedEventId } = context;
  const fail = (cause: ScheduleActivityTaskFailedCause): void => {
    recordEvent(state, execution, 'ScheduleActivityTaskFailed', {
      activityType: { ...attributes['activityType'] },
      activityId: attributes['activityId'],
      cause,
      decisionTaskCompletedEventId: completedEventId,
    });
  };
  const type = getActivityType(state, execution.domain, attributes['activityType']);
  if (!type) return fail('ACTIVITY_TYPE_DOES_NOT_EXIST');
  if (type.status === 'DEPRECATED') return fail('ACTIVITY_TYPE_DEPRECATED');
  if (execution.activities[attributes['activityId']]) return fail('ACTIVITY_ID_ALREADY_IN_USE');
  if (Object.keys(execution.activities).length >= ENGINE_LIMITS.openActivities) return fail('OPEN_ACTIVITIES_LIMIT_EXCEEDED');
  const defaults = type.configuration;
  const taskList = attributes['taskList'] ?? defaults.defaultTaskList;
  if (taskList === undefined) return fail('DEFAULT_TASK_LIST_UNDEFINED');
  const scheduleToStartTimeout = attributes['scheduleToStartTimeout'] ?? defaults.defaultTaskScheduleToStartTimeout;
  if (scheduleToStartTimeout === undefined) return fail('DEFAULT_SCHEDULE_TO_START_TIMEOUT_UNDEFINED');
  const scheduleToCloseTimeout = attributes['scheduleToCloseTimeout'] ?? defaults.defaultTaskScheduleToCloseTimeout;
  if (scheduleToCloseTimeout === undefined) return fail('DEFAULT_SCHEDULE_TO_CLOSE_TIMEOUT_UNDEFINED');
  const startToCloseTimeout = attributes['startToCloseTimeout'] ?? defaults.defaultTaskStartToCloseTimeout;
  if (startToCloseTimeout === undefined) return fail('DEFAULT_START_TO_CLOSE_TIMEOUT_UNDEFINED');
  const heartbeatTimeout = attributes['heartbeatTimeout'] ?? defaults.defaultTaskHeartbeatTimeout;
  if (heartbeatTimeout === undefined) return fail('DEFAULT_HEARTBEAT_TIMEOUT_UNDEFINED');
  const taskPriority: string = attributes['taskPriority'] ?? defaults.defaultTaskPriority ?? '0';
  if (!state.decisionRates.tryTakeActivityTask(execution.domain, taskList.name)) return fail(RATE_CAUSE_OF_BUCKET.scheduleActivityTask);

  const scheduledEventId = recordEvent(state, execution, 'ActivityTaskScheduled', {
    activityType: { name: type.name, version: type.version },
    activityId: attributes['activityId'],
    input: attributes['input'],
    control: attributes['control'],
    scheduleToStartTimeout,
    scheduleToCloseTimeout,
    startToCloseTimeout,
    taskList: { name: taskList.name },
    taskPriority,
    decisionTaskCompletedEventId: completedEventId,
    heartbeatTimeout,
  });
  const activity: ActivityState = {
    activityId: attributes['activityId'],
    activityType: { name: type.name, version: type.version },
    scheduledEventId,
    startedEventId: 0,
    taskList: { name: taskList.name },
    taskPriority,
    scheduleToStartTimeout,
    scheduleToCloseTimeout,
    startToCloseTimeout,
    heartbeatTimeout,
    scheduledAt: state.now(),
    latestCancelRequestedEventId: 0,
  };
  if (attributes['input'] !== undefined) activity.input = attributes['input'];
  if (attributes['control'] !== undefined) activity.control = attributes['control'];
  queueActivityTask(state, execution, activity);
}

/**
 * RequestCancelActivityTask: a task not yet started is canceled at once; a started one only
 * learns of the request through its next heartbeat (`cancelRequested: true`).
 */
export function requestCancelActivityTask(context: DecisionContext, attributes: DecisionAttributes): void {
  const { state, execution, completedEventId } = context;
  const activityId: string = attributes['activityId'];
  const activity = execution.activities[activityId];
  if (!activity) {
    recordEvent(state, execution, 'RequestCancelActivityTaskFailed', {
      activityId,
      cause: 'ACTIVITY_ID_UNKNOWN',
      decisionTaskCompletedEventId: completedEventId,
    });
    return;
  }
  const requestedEventId = recordEvent(state, execution, 'ActivityTaskCancelRequested', {
    decisionTaskCompletedEventId: completedEventId,
    activityId,
  });
  activity.latestCancelRequestedEventId = requestedEventId;
  if (activity.startedEventId === 0) {
    recordEvent(state, execution, 'ActivityTaskCanceled', {
      scheduledEventId: activity.scheduledEventId,
      startedEventId: 0,
      latestCancelRequestedEventId: requestedEventId,
    });
    closeActivity(state, execution, activity);
  }
}
